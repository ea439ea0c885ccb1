using System.Text.RegularExpressions;

namespace Xooo.Engine.Tests.Tooling;

public class ToolRunnerCancellationTests
{
    [Fact(Timeout = 60_000)]
    public async Task Cancelling_interrupts_the_command_first_so_it_can_clean_up()
    {
        var log = LogCapture.Start();
        var runner = new ToolRunner(dryRun: false) { GracePeriod = TimeSpan.FromSeconds(30) };
        using var cancellation = new CancellationTokenSource();
        var command = new ToolCommand("sh").WithArguments("-c", "trap 'echo cleaned-up; exit 130' INT; echo ready; while :; do sleep 0.1; done");

        var running = runner.RunAsync(command, cancellation.Token);
        await log.WaitForLineAsync(l => l.EndsWith("  ready"));
        cancellation.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Contains("Cancelled: sh -c", exception.Message);
        Assert.Contains(log.Lines, l => l.EndsWith("  cleaned-up"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_leaves_no_background_child_behind_when_the_command_exits_on_the_interrupt()
    {
        // A non-interactive shell's background job ignores SIGINT: the shell dies on it, the sleep would not.
        var (shell, child) = await RunAndCancelAsync("sleep 300 & echo child=$!; echo shell=$$; wait");

        await AssertGoneAsync(shell);
        await AssertGoneAsync(child);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_kills_the_whole_tree_after_the_grace_period_when_the_interrupt_is_ignored()
    {
        var (shell, child) = await RunAndCancelAsync("trap '' INT; sleep 300 & echo child=$!; echo shell=$$; wait; echo still-running");

        await AssertGoneAsync(shell);
        await AssertGoneAsync(child);
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_starts_once_the_build_is_cancelled()
    {
        LogCapture.Start();
        var file = Path.Combine(Path.GetTempPath(), "xooo-never-" + Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ToolRunner(dryRun: false).RunAsync(new ToolCommand("touch").WithArguments(file), new CancellationToken(canceled: true)));

        Assert.False(File.Exists(file));
    }

    private static async Task<(int Shell, int Child)> RunAndCancelAsync(string script)
    {
        var log = LogCapture.Start();
        var runner = new ToolRunner(dryRun: false) { GracePeriod = TimeSpan.FromSeconds(1) };
        using var cancellation = new CancellationTokenSource();

        var running = runner.RunAsync(new ToolCommand("sh").WithArguments("-c", script), cancellation.Token);
        var child = Id(await log.WaitForLineAsync(l => l.Contains("  child=")));
        var shell = Id(await log.WaitForLineAsync(l => l.Contains("  shell=")));
        Assert.True(await IsAliveAsync(child), "the background sleep should run before the cancellation");
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.DoesNotContain(log.Lines, l => l.EndsWith("  still-running"));
        return (shell, child);
    }

    private static int Id(string line) => int.Parse(Regex.Match(line, @"=(\d+)$").Groups[1].Value);

    /// <summary>`kill -0` fails once the process is gone. A killed orphan is reaped by init, not at once: poll.</summary>
    private static async Task AssertGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 100 && await IsAliveAsync(pid); attempt++)
            await Task.Delay(100);
        Assert.False(await IsAliveAsync(pid), $"process {pid} is still alive after the cancellation");
    }

    private static async Task<bool> IsAliveAsync(int pid)
    {
        var result = await new ToolRunner(dryRun: false).RunAsync(
            new ToolCommand("sh").WithArguments("-c", "kill -0 \"$1\" 2>/dev/null", "sh", pid.ToString()).WithExpectedExitCodes(0, 1).Quietly());
        return result.ExitCode == 0;
    }
}
