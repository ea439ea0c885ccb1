using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Planning;

public sealed class PlanOrderTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class ChainBuild : RecordingBuild
    {
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));
        public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));
        public Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));
        public Target Lint => _ => _.Executes(() => Record(nameof(Lint)));
        public Target Pack => _ => _.After(Test).Executes(() => Record(nameof(Pack)));
        public Target Clean => _ => _.Before(Restore).Executes(() => Record(nameof(Clean)));
        public Target Publish => _ => _.DependsOn(Pack).Triggers(Notify).Executes(() => Record(nameof(Publish)));
        public Target Notify => _ => _.Executes(() => Record(nameof(Notify)));
        public Target Report => _ => _.TriggeredBy(Test).Executes(() => Record(nameof(Report)));
        public Target Prepare => _ => _.DependentFor(Lint).Executes(() => Record(nameof(Prepare)));
    }

    [Fact]
    public async Task An_invoked_target_runs_after_its_dependencies()
    {
        var build = new ChainBuild();
        var run = await _harness.RunAsync(build, ["Test"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test", "Report"], build.Ran);
    }

    [Fact]
    public async Task Independent_targets_run_in_declaration_order()
    {
        var build = new ChainBuild();
        await _harness.RunAsync(build, ["Lint", "Compile"]);
        // Compile is declared before Lint, so its chain goes first although Lint was named first.
        Assert.Equal(["Restore", "Compile", "Prepare", "Lint"], build.Ran);
    }

    [Fact]
    public async Task After_orders_a_target_without_pulling_the_other_in()
    {
        var alone = new ChainBuild();
        await _harness.RunAsync(alone, ["Pack"]);
        Assert.Equal(["Pack"], alone.Ran);

        var both = new ChainBuild();
        await _harness.RunAsync(both, ["Pack", "Test"]);
        Assert.True(both.Ran.IndexOf("Pack") > both.Ran.IndexOf("Test"), string.Join(", ", both.Ran));
    }

    [Fact]
    public async Task Before_orders_a_target_without_pulling_the_other_in()
    {
        var alone = new ChainBuild();
        await _harness.RunAsync(alone, ["Clean"]);
        Assert.Equal(["Clean"], alone.Ran);

        var both = new ChainBuild();
        await _harness.RunAsync(both, ["Compile", "Clean"]);
        Assert.Equal(["Clean", "Restore", "Compile"], both.Ran);
    }

    [Fact]
    public async Task Triggers_pull_a_target_in_and_run_it_afterwards()
    {
        var build = new ChainBuild();
        await _harness.RunAsync(build, ["Publish"]);
        Assert.Equal(["Pack", "Publish", "Notify"], build.Ran);
    }

    [Fact]
    public async Task TriggeredBy_pulls_the_target_in_after_its_trigger()
    {
        var build = new ChainBuild();
        await _harness.RunAsync(build, ["Test"]);
        Assert.Equal("Report", build.Ran[^1]);
    }

    [Fact]
    public async Task DependentFor_pulls_the_target_in_before_the_dependent()
    {
        var build = new ChainBuild();
        await _harness.RunAsync(build, ["Lint"]);
        Assert.Equal(["Prepare", "Lint"], build.Ran);
    }

    [Fact]
    public async Task Target_names_match_ignoring_case()
    {
        var build = new ChainBuild();
        var run = await _harness.RunAsync(build, ["compile"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
    }

    [Fact]
    public async Task The_target_option_invokes_like_positional_words()
    {
        var build = new ChainBuild();
        await _harness.RunAsync(build, ["--target", "Restore", "Lint"]);
        Assert.Equal(["Restore", "Prepare", "Lint"], build.Ran);
    }

    [Fact]
    public async Task Without_a_target_the_defaults_run()
    {
        var build = new ChainBuild();
        var run = await _harness.RunAsync(build, [], default, x => x.Compile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
    }

    [Fact]
    public async Task An_unknown_target_is_a_usage_error_listing_the_targets_and_the_closest()
    {
        var build = new ChainBuild();
        var run = await _harness.RunAsync(build, ["Compil"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown target 'Compil'", run.Output);
        Assert.Contains("Did you mean Compile?", run.Output);
        Assert.Contains("Restore, Test", run.Output.Replace("Compile, ", ""));
        Assert.Empty(build.Ran);
    }
}
