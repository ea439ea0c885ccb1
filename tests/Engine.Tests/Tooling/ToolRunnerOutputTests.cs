namespace Xooo.Engine.Tests.Tooling;

public class ToolRunnerOutputTests
{
    private readonly ToolRunner _runner = new(dryRun: false);

    [Fact(Timeout = 60_000)]
    public async Task Output_lines_reach_the_log_in_the_order_the_tool_wrote_them()
    {
        var log = LogCapture.Start();

        var result = await _runner.RunAsync(new ToolCommand("sh").WithArguments("-c", "for i in 1 2 3 4 5 6 7 8 9 10; do echo line-$i; done"));

        var logged = log.Lines.Where(l => !l.Contains("> sh") && l.Contains("  line-")).Select(l => l[(l.LastIndexOf(' ') + 1)..]).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"line-{i}"), logged);
        Assert.Equal(string.Join("", Enumerable.Range(1, 10).Select(i => $"line-{i}\n")), result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Output_is_logged_while_the_command_is_still_running()
    {
        var log = LogCapture.Start();
        var release = Path.Combine(Path.GetTempPath(), "xooo-release-" + Guid.NewGuid().ToString("N"));
        var command = new ToolCommand("sh").WithArguments("-c", "echo first; while [ ! -e \"$1\" ]; do sleep 0.05; done; echo second", "sh", release);

        var running = _runner.RunAsync(command);
        await log.WaitForLineAsync(l => l.EndsWith("  first"));
        var finishedEarly = running.IsCompleted;
        File.WriteAllText(release, "");
        var result = await running;
        File.Delete(release);

        Assert.False(finishedEarly, "the first line should be logged before the command ends");
        Assert.Contains(log.Lines, l => l.EndsWith("  second"));
        Assert.Equal("first\nsecond\n", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Standard_error_is_streamed_and_kept_apart_from_standard_output()
    {
        var log = LogCapture.Start();

        var result = await _runner.RunAsync(new ToolCommand("sh").WithArguments("-c", "echo to-out; echo to-err >&2"));

        Assert.Equal("to-out\n", result.Output);
        Assert.Equal("to-err\n", result.Error);
        Assert.Contains(log.Lines, l => l.EndsWith("  to-err"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_quiet_command_logs_its_output_only_at_verbose_level()
    {
        var normal = LogCapture.Start(Verbosity.Normal);
        var result = await _runner.RunAsync(new ToolCommand("echo").WithArguments("quiet-output").Quietly());
        Assert.Equal("quiet-output\n", result.Output);
        Assert.Contains(normal.Lines, l => l.Contains("> echo quiet-output"));
        Assert.DoesNotContain(normal.Lines, l => l.EndsWith("  quiet-output"));

        var verbose = LogCapture.Start(Verbosity.Verbose);
        await _runner.RunAsync(new ToolCommand("echo").WithArguments("quiet-output").Quietly());
        Assert.Contains(verbose.Lines, l => l.Contains("[DBG]") && l.EndsWith("  quiet-output"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Input_reaches_the_tool_on_standard_input()
    {
        LogCapture.Start();

        var result = await _runner.RunAsync(new ToolCommand("cat").WithInput("from stdin\n"));

        Assert.Equal("from stdin\n", result.Output);
        Assert.True(result.Ran);
    }
}
