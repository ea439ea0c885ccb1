namespace Xooo.Engine.Tests.Tooling;

public class ToolRunnerDryRunTests
{
    private readonly ToolRunner _dryRun = new(dryRun: true);

    [Fact(Timeout = 60_000)]
    public async Task A_command_that_changes_state_is_printed_and_not_run()
    {
        var log = LogCapture.Start();
        var file = Path.Combine(Path.GetTempPath(), "xooo-dry-" + Guid.NewGuid().ToString("N"));

        var result = await _dryRun.RunAsync(new ToolCommand("touch").WithArguments(file).ThatChangesState());

        Assert.False(File.Exists(file));
        Assert.False(result.Ran);
        Assert.Contains(log.Lines, l => l.EndsWith($"[dry run] would run: touch {file}"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_read_only_query_still_runs()
    {
        var log = LogCapture.Start();

        var result = await _dryRun.RunAsync(new ToolCommand("echo").WithArguments("queried"));

        Assert.True(result.Ran);
        Assert.Equal("queried\n", result.Output);
        Assert.Contains(log.Lines, l => l.EndsWith("  queried"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_whose_program_is_missing_is_skipped_with_a_warning()
    {
        var log = LogCapture.Start();

        var result = await _dryRun.RunAsync(new ToolCommand("xooo-no-such-tool").WithArguments("image", "inspect", "x"));

        Assert.False(result.Ran);
        Assert.Contains(log.Lines, l => l.Contains("[WRN]") && l.Contains("xooo-no-such-tool is not installed")
                                          && l.Contains("skipped the query: xooo-no-such-tool image inspect x"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_state_change_whose_program_is_missing_is_still_printed()
    {
        var log = LogCapture.Start();

        var result = await _dryRun.RunAsync(new ToolCommand("xooo-no-such-tool").WithArguments("push").ThatChangesState());

        Assert.False(result.Ran);
        Assert.Contains(log.Lines, l => l.EndsWith("[dry run] would run: xooo-no-such-tool push"));
        Assert.DoesNotContain("[WRN]", log.Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_printed_command_masks_its_secrets()
    {
        var log = LogCapture.Start();
        var secret = "dry-" + Guid.NewGuid().ToString("N");

        await _dryRun.RunAsync(new ToolCommand("git").WithArguments("push", "origin", "main").WithSecretEnvironment("GIT_TOKEN", secret).ThatChangesState());

        Assert.Contains(log.Lines, l => l.EndsWith("[dry run] would run: git push origin main"));
        Assert.DoesNotContain(secret, log.Text);
    }
}
