using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Planning;

public sealed class SkipTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class SkipBuild : RecordingBuild
    {
        public bool Enabled { get; set; } = true;
        public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));
        public Target Analyzers => _ => _.Executes(() => Record(nameof(Analyzers)));
        public Target Compile => _ => _.DependsOn(Restore, Analyzers).Executes(() => Record(nameof(Compile)));
        public Target Analyze => _ => _.DependsOn(Analyzers).Executes(() => Record(nameof(Analyze)));
        public Target Test => _ => _.DependsOn(Compile, Analyze).Executes(() => Record(nameof(Test)));
        public Target Docs => _ => _.DependsOn(Restore).WhenSkipped(DependencyBehavior.Execute).Executes(() => Record(nameof(Docs)));
        public Target Site => _ => _.DependsOn(Docs).Executes(() => Record(nameof(Site)));
        public Target Optional => _ => _.DependsOn(Restore).OnlyWhenStatic(() => Enabled).Executes(() => Record(nameof(Optional)));
        public Target Flip => _ => _.Executes(() => { Enabled = false; Record(nameof(Flip)); });
        public Target Late => _ => _.After(Flip).OnlyWhenDynamic(() => Enabled).Executes(() => Record(nameof(Late)));
        public Target LateStatic => _ => _.After(Flip).OnlyWhenStatic(() => Enabled).Executes(() => Record(nameof(LateStatic)));
    }

    [Fact]
    public async Task A_skipped_target_skips_its_dependencies()
    {
        var build = new SkipBuild();
        var run = await _harness.RunAsync(build, ["Test", "--skip", "Compile"]);
        Assert.Equal(0, run.ExitCode);
        // Restore is only needed by Compile; Analyzers is still needed by Analyze.
        Assert.Equal(["Analyzers", "Analyze", "Test"], build.Ran);
        Assert.Equal("Skipped", run.StatusOf("Compile"));
        Assert.Equal("Skipped", run.StatusOf("Restore"));
    }

    [Fact]
    public async Task WhenSkipped_Execute_keeps_the_dependencies_of_a_skipped_target()
    {
        var build = new SkipBuild();
        await _harness.RunAsync(build, ["Site", "--skip", "Docs"]);
        Assert.Equal(["Restore", "Site"], build.Ran);
    }

    [Fact]
    public async Task A_bare_skip_skips_every_target_not_invoked()
    {
        var build = new SkipBuild();
        var run = await _harness.RunAsync(build, ["Test", "--skip"]);
        Assert.Equal(["Test"], build.Ran);
        Assert.Contains("--skip", run.Output);
    }

    [Fact]
    public async Task An_invoked_target_is_never_skipped_by_skip()
    {
        var build = new SkipBuild();
        await _harness.RunAsync(build, ["Compile", "--skip", "Compile", "Analyzers"]);
        Assert.Equal(["Restore", "Compile"], build.Ran);
    }

    [Fact]
    public async Task A_static_condition_is_checked_before_anything_runs_and_its_text_is_the_reason()
    {
        var build = new SkipBuild();
        var run = await _harness.RunAsync(build, ["Flip", "LateStatic"]);
        Assert.Equal(["Flip", "LateStatic"], build.Ran);

        var disabled = new SkipBuild { Enabled = false };
        run = await _harness.RunAsync(disabled, ["Optional"]);
        Assert.Empty(disabled.Ran);
        Assert.Equal("Skipped", run.StatusOf("Optional"));
        Assert.Contains("condition false: () => Enabled", run.Output);
    }

    [Fact]
    public async Task A_dynamic_condition_is_checked_just_before_the_target_runs()
    {
        var build = new SkipBuild();
        var run = await _harness.RunAsync(build, ["Flip", "Late"]);
        Assert.Equal(["Flip"], build.Ran);
        Assert.Equal("Skipped", run.StatusOf("Late"));
    }

    [Fact]
    public async Task The_plan_shows_the_order_and_why_targets_are_skipped_without_running_anything()
    {
        var build = new SkipBuild();
        var run = await _harness.RunAsync(build, ["Test", "--skip", "Compile", "--plan"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Matches(@"skip \(--skip\)\s+Compile", run.Output);
        Assert.Matches(@"skip \(only needed by skipped Compile\)\s+Restore", run.Output);
        Assert.Matches(@"1\.\s+Analyzers", run.Output);
        Assert.Matches(@"3\.\s+Test \*\s+\[needs Compile, Analyze\]", run.Output);
    }
}
