using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xooo.Build.Image;

/// <summary>What Verify found: the table it prints and the JSON it leaves under .nuke/temp for people and scripts.</summary>
public sealed record VerificationReport(
    string Image,
    string? ImageId,
    DateTimeOffset CheckedAt,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<InstalledPackage> Packages)
{
    public const string FileName = "verify-report.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Status == CheckStatus.Passed);

    public IReadOnlyList<CheckResult> Failures => [.. Checks.Where(c => c.Status == CheckStatus.Failed)];

    public string Summary =>
        Failures.Count > 0 ? $"{Failures.Count} of {Checks.Count} checks failed: {string.Join("; ", Failures.Select(f => f.Name))}"
        : Checks.Any(c => c.Status == CheckStatus.NotRun) ? $"{Checks.Count} checks not run (dry run)"
        : $"all {Checks.Count} checks passed on {DockerIds.Short(ImageId)}";

    /// <summary>One line per check, aligned: the table Verify prints.</summary>
    public IEnumerable<string> Table()
    {
        var width = Math.Min(48, Checks.Max(c => c.Name.Length)) + 2;
        yield return $"{"Check".PadRight(width)}{"Result",-8}Detail";
        foreach (var check in Checks)
        {
            var mark = check.Status switch { CheckStatus.Passed => "ok", CheckStatus.Failed => "FAILED", _ => "not run" };
            yield return $"{check.Name.PadRight(width)}{mark,-8}{check.Detail}";
        }
    }

    /// <summary>The report as a pull request shows it: the summary, then a line per check.</summary>
    public string Markdown() =>
        Summary + "\n\n" + string.Join("\n", Checks.Select(c =>
            $"- {c.Status switch { CheckStatus.Passed => "✅", CheckStatus.Failed => "❌", _ => "⏸" }} {c.Name}"));

    /// <summary>The markdown of the report at <paramref name="path"/>; null when there is none; a note when it is unreadable.</summary>
    public static string? MarkdownOf(string path)
    {
        try
        {
            return Read(path)?.Markdown();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return $"(the Verify report at {path} could not be read: {exception.Message})";
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        Image,
        ImageId,
        CheckedAt,
        Passed,
        Summary,
        Checks,
        Packages,
    }, Json);

    public static VerificationReport? Read(string path)
    {
        if (!File.Exists(path))
            return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new VerificationReport(
            root.GetProperty("image").GetString() ?? "",
            root.GetProperty("imageId").GetString(),
            root.GetProperty("checkedAt").GetDateTimeOffset(),
            root.GetProperty("checks").Deserialize<List<CheckResult>>(Json) ?? [],
            root.GetProperty("packages").Deserialize<List<InstalledPackage>>(Json) ?? []);
    }
}
