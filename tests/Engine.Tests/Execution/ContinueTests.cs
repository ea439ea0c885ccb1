using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Execution;

public sealed class ContinueTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class FlakyBuild : RecordingBuild
    {
        public bool Broken { get; init; }
        public Target First => _ => _.Executes(() => Record(nameof(First)));
        public Target Second => _ => _.DependsOn(First).Executes(() =>
        {
            Record(nameof(Second));
            if (Broken)
                throw new InvalidOperationException("flaky");
        });
    }

    [Fact]
    public async Task Continue_skips_the_targets_that_succeeded_in_the_last_identical_run()
    {
        await _harness.RunAsync(new FlakyBuild { Broken = true }, ["Second"]);

        var retry = new FlakyBuild();
        var run = await _harness.RunAsync(retry, ["Second", "--continue"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Second"], retry.Ran);
        Assert.Contains("succeeded in the last identical run", run.Output);
    }

    [Fact]
    public async Task Continue_after_a_different_invocation_runs_everything()
    {
        await _harness.RunAsync(new FlakyBuild { Broken = true }, ["Second"]);

        var other = new FlakyBuild();
        await _harness.RunAsync(other, ["Second", "--verbosity", "normal", "--continue"]);
        Assert.Equal(["First", "Second"], other.Ran);
    }
}
