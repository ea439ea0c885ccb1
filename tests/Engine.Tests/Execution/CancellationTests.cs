using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Execution;

public sealed class CancellationTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class LongBuild : RecordingBuild
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool SawCancellation { get; private set; }

        public Target Wait => _ => _.Executes(async token =>
        {
            Record(nameof(Wait));
            Started.SetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), token);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        });

        public Target Next => _ => _.After(Wait).Executes(() => Record(nameof(Next)));
        public Target Cleanup => _ => _.After(Next).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Ctrl_C_cancels_the_running_target_runs_assured_targets_and_prints_the_summary()
    {
        var build = new LongBuild();
        using var cancellation = new CancellationTokenSource();
        var running = _harness.RunAsync(build, ["Wait", "Next", "Cleanup"], cancellation.Token);
        await build.Started.Task;
        cancellation.Cancel();
        var run = await running;

        Assert.True(build.SawCancellation, "the running target's token was cancelled");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Wait", "Cleanup"], build.Ran);
        Assert.Equal("Failed", run.StatusOf("Wait"));
        Assert.Contains("cancelled (Ctrl+C)", run.Output);
        Assert.Equal("NotRun", run.StatusOf("Next"));
        Assert.Equal("Succeeded", run.StatusOf("Cleanup"));
        Assert.Contains("Build failed", run.Output);
    }

    private sealed class AsyncBuild : RecordingBuild
    {
        public Target Slow => _ => _.Executes(async () =>
        {
            await Task.Delay(200);
            Record(nameof(Slow));
        });

        public Target Fail => _ => _.After(Slow).Executes(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async failure");
        });

        public Target Last => _ => _.After(Fail).Executes(() => Record(nameof(Last)));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_async_target_is_awaited_before_the_next_starts_and_its_failure_counts()
    {
        var build = new AsyncBuild();
        var run = await _harness.RunAsync(build, ["Slow", "Fail", "Last"]);
        Assert.Equal(["Slow"], build.Ran);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Failed", run.StatusOf("Fail"));
        Assert.Contains("async failure", run.Output);
    }
}
