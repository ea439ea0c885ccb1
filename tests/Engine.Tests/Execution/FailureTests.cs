using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Execution;

public sealed class FailureTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class FailingBuild : RecordingBuild
    {
        public bool Proceed { get; init; }
        public Target Prepare => _ => _.Executes(() => Record(nameof(Prepare)));
        public Target Break => _ => _.DependsOn(Prepare)
            .Executes(() => { Record(nameof(Break)); throw new InvalidOperationException("the image build broke"); })
            .ProceedAfterFailureWhen(Proceed);
        public Target AfterBreak => _ => _.DependsOn(Break).Executes(() => Record(nameof(AfterBreak)));
        public Target Independent => _ => _.After(Break).Executes(() => Record(nameof(Independent)));
        public Target Cleanup => _ => _.After(Independent, AfterBreak).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));
    }

    [Fact]
    public async Task A_failing_target_stops_the_run_and_the_rest_are_not_run()
    {
        var build = new FailingBuild();
        var run = await _harness.RunAsync(build, ["AfterBreak", "Independent"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Prepare", "Break"], build.Ran);
        Assert.Equal("Failed", run.StatusOf("Break"));
        Assert.Equal("NotRun", run.StatusOf("AfterBreak"));
        Assert.Equal("NotRun", run.StatusOf("Independent"));
        Assert.Contains("the image build broke", run.Output);
        Assert.Contains("Build failed", run.Output);
    }

    [Fact]
    public async Task ProceedAfterFailure_runs_the_targets_that_do_not_depend_on_the_failed_one()
    {
        var build = new FailingBuild { Proceed = true };
        var run = await _harness.RunAsync(build, ["AfterBreak", "Independent"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Prepare", "Break", "Independent"], build.Ran);
        Assert.Equal("NotRun", run.StatusOf("AfterBreak"));
        Assert.Contains("dependency Break did not succeed", run.Output);
    }

    [Fact]
    public async Task An_assured_target_runs_after_a_failure()
    {
        var build = new FailingBuild();
        var run = await _harness.RunAsync(build, ["AfterBreak", "Cleanup"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Prepare", "Break", "Cleanup"], build.Ran);
        Assert.Equal("Succeeded", run.StatusOf("Cleanup"));
    }

    [Fact]
    public async Task A_successful_run_exits_zero_and_says_so()
    {
        var run = await _harness.RunAsync(new FailingBuild(), ["Prepare"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Build succeeded", run.Output);
    }
}

internal static class DefinitionExtensions
{
    public static ITargetDefinition ProceedAfterFailureWhen(this ITargetDefinition definition, bool proceed) =>
        proceed ? definition.ProceedAfterFailure() : definition;
}
