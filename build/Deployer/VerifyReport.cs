using System.Text.Json;

namespace Xooo.Build.Deployer;

/// <summary>
/// The summary of the last Verify run, for the pull request's body. Verify writes .nuke/temp/verify-report.json;
/// its "summary" (markdown) is used as it is; without one, its "checks" (name and passed) become a list.
/// </summary>
public static class VerifyReport
{
    public const string FileName = "verify-report.json";

    /// <returns>Markdown, or null when there is no report or it says nothing this can show.</returns>
    public static string? Summary(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            if (root.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String)
                return summary.GetString();
            if (root.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array)
                return string.Join('\n', checks.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(Line));
            return null;
        }
        catch (JsonException exception)
        {
            return $"(the Verify report at {path} could not be read: {exception.Message})";
        }
    }

    private static string Line(JsonElement check)
    {
        var name = check.TryGetProperty("name", out var n) ? n.ToString() : "(unnamed check)";
        var passed = check.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.True;
        return $"- {(passed ? "✅" : "❌")} {name}";
    }
}
