using Serilog.Events;

namespace Xooo.Engine;

/// <summary>
/// The end of a run: the warnings and errors again, the summary table, one line saying how it ended; on
/// GitHub Actions also a markdown table in the file named by GITHUB_STEP_SUMMARY.
/// </summary>
internal static class SummaryPrinter
{
    public static void Print(BuildOutput output, ExecutionPlan plan, IReadOnlyDictionary<string, string> environment)
    {
        List<(LogEventLevel Level, string Message)> reported;
        lock (output.Reported)
            reported = [.. output.Reported];
        if (reported.Count > 0 && output.Verbosity >= Verbosity.Minimal)
        {
            output.WriteLine();
            output.WriteLine("Repeating warnings and errors:");
            foreach (var (level, message) in reported)
                output.WriteLine($"  [{(level >= LogEventLevel.Error ? "ERR" : "WRN")}] {FirstLine(message)}");
        }

        var rows = plan.Targets.Select(t => (t.Name, Status: t.Status.ToString(), Duration: Format(t), Note: FirstLine(t.Note ?? ""))).ToList();
        var total = TimeSpan.FromTicks(plan.Targets.Sum(t => t.Duration.Ticks));
        var nameWidth = Math.Max(6, rows.Max(r => r.Name.Length)) + 2;
        var line = new string('═', nameWidth + 12 + 10 + 30);
        output.WriteLine();
        output.WriteLine(line);
        output.WriteLine($"{"Target".PadRight(nameWidth)}{"Status",-12}{"Duration",-10}Note");
        output.WriteLine(new string('─', line.Length));
        foreach (var row in rows)
            output.WriteLine($"{row.Name.PadRight(nameWidth)}{row.Status,-12}{row.Duration,-10}{row.Note}".TrimEnd());
        output.WriteLine(new string('─', line.Length));
        output.WriteLine($"{"Total".PadRight(nameWidth)}{"",-12}{Format(total)}");
        output.WriteLine(line);
        output.WriteLine();
        var failed = plan.Targets.Any(t => t.Status == TargetStatus.Failed || (t.Status == TargetStatus.NotRun && t.Note == "cancelled"));
        output.WriteLine(failed ? $"Build failed on {DateTime.Now:yyyy-MM-dd HH:mm:ss}" : $"Build succeeded on {DateTime.Now:yyyy-MM-dd HH:mm:ss}");

        if (output.Host == HostKind.GitHubActions && environment.TryGetValue("GITHUB_STEP_SUMMARY", out var file) && file.Length > 0)
            File.AppendAllText(file, Secrets.Mask(Markdown(rows, failed)));
    }

    private static string Markdown(IEnumerable<(string Name, string Status, string Duration, string Note)> rows, bool failed) =>
        "| Target | Status | Duration | Note |\n|---|---|---|---|\n"
        + string.Concat(rows.Select(r => $"| {r.Name} | {r.Status} | {r.Duration} | {r.Note.Replace("|", "\\|")} |\n"))
        + $"\n**Build {(failed ? "failed" : "succeeded")}.**\n";

    private static string Format(ExecutableTarget target) =>
        target.Status is TargetStatus.Succeeded or TargetStatus.Failed ? Format(target.Duration) : "";

    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}" : $"{duration.TotalSeconds:0.0}s";

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
