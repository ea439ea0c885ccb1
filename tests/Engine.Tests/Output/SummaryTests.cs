using Engine.Tests.Support;
using Serilog;
using Xooo.Engine;

namespace Engine.Tests.Output;

public sealed class SummaryTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class ReportingBuild : RecordingBuild
    {
        public Target Check => _ => _.Description("Check things").Executes(() =>
        {
            Log.Warning("disk is nearly full");
            ReportSummary("up to date");
        });

        public Target Fail => _ => _.After(Check).Executes(() => throw new InvalidOperationException("exploded"));
        public Target Hidden => _ => _.Unlisted().Executes(() => { });
        public Target Chatty => _ => _.Executes(() => Log.Information("chatty information"));
    }

    [Fact]
    public async Task The_summary_lists_each_target_with_status_and_note_and_repeats_warnings()
    {
        var run = await _harness.RunAsync(new ReportingBuild(), ["Check", "Fail"]);
        Assert.Matches(@"Check\s+Succeeded\s+\S+\s+up to date", run.Output);
        Assert.Matches(@"Fail\s+Failed\s+\S+\s+exploded", run.Output);
        var recap = run.Output[run.Output.IndexOf("Repeating warnings and errors", StringComparison.Ordinal)..];
        Assert.Contains("[WRN] disk is nearly full", recap);
        Assert.Contains("[ERR]", recap);
        Assert.Contains("Build failed on", run.Output.Split('\n').Last(l => l.Trim().Length > 0));
    }

    [Fact]
    public async Task Help_lists_targets_but_not_unlisted_ones()
    {
        var run = await _harness.RunAsync(new ReportingBuild(), ["--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Check\s+Check things", run.Output);
        Assert.DoesNotContain("Hidden", run.Output);
        Assert.Contains("--dry-run", run.Output);
    }

    [Fact]
    public async Task Quiet_verbosity_hides_information_but_keeps_the_summary()
    {
        var run = await _harness.RunAsync(new ReportingBuild(), ["Chatty", "--verbosity", "quiet"]);
        Assert.DoesNotContain("chatty information", run.Output);
        Assert.Matches(@"Chatty\s+Succeeded", run.Output);
    }

    [Fact]
    public async Task A_bad_verbosity_is_a_usage_error_naming_the_choices()
    {
        var run = await _harness.RunAsync(new ReportingBuild(), ["Chatty", "--verbosity", "loud"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--verbosity 'loud' is not one of: quiet, minimal, normal, verbose", run.Output);
    }

    [Fact]
    public async Task On_GitHub_Actions_targets_are_groups_warnings_are_annotations_and_the_summary_goes_to_the_step_summary()
    {
        var summaryFile = Path.Combine(_harness.Root, "step-summary.md");
        _harness.Environment["GITHUB_ACTIONS"] = "true";
        _harness.Environment["GITHUB_STEP_SUMMARY"] = summaryFile;
        var run = await _harness.RunAsync(new ReportingBuild(), ["Check", "Fail"]);

        Assert.Contains("::group::Check", run.Output);
        Assert.Contains("::endgroup::", run.Output);
        Assert.Contains("::warning::disk is nearly full", run.Output);
        Assert.Contains("::error::", run.Output);
        var markdown = File.ReadAllText(summaryFile);
        Assert.Contains("| Check | Succeeded |", markdown);
        Assert.Contains("| Fail | Failed |", markdown);
        Assert.Contains("exploded", markdown);
    }
}
