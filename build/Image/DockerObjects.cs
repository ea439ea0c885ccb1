using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Xooo.Build.Image;

/// <summary>A local image as `docker image inspect` describes it. A local image has no registry digest: its ID is its identity.</summary>
public sealed record DockerImage(
    string Id,
    IReadOnlyList<string> Tags,
    DateTimeOffset Created,
    long Size,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Environment)
{
    public string ShortId => DockerIds.Short(Id);

    public string? Label(string key) => Labels.TryGetValue(key, out var value) ? value : null;

    public static DockerImage Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = root.TryGetProperty("Config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new DockerImage(
            root.GetProperty("Id").GetString() ?? "",
            DockerJson.Strings(root, "RepoTags"),
            DockerJson.Time(root.GetProperty("Created").GetString()),
            root.TryGetProperty("Size", out var size) ? size.GetInt64() : 0,
            DockerJson.Labels(config),
            DockerJson.Strings(config, "Env"));
    }
}

/// <summary>A container as `docker container inspect` describes it; keepers are never started.</summary>
public sealed record DockerContainer(string Id, string Name, string ImageId, IReadOnlyDictionary<string, string> Labels)
{
    public static DockerContainer Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = root.TryGetProperty("Config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new DockerContainer(
            root.GetProperty("Id").GetString() ?? "",
            (root.GetProperty("Name").GetString() ?? "").TrimStart('/'),
            root.GetProperty("Image").GetString() ?? "",
            DockerJson.Labels(config));
    }
}

public static class DockerIds
{
    /// <summary>The 12 hex digits docker prints for an ID.</summary>
    public static string Short(string? id) =>
        id is null ? "none"
        : id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..Math.Min(id.Length, 19)]
        : id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? id[..12]
        : id; // a reference (a dry run has no IDs)
}

internal static partial class DockerJson
{
    public static IReadOnlyList<string> Strings(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];

    public static IReadOnlyDictionary<string, string> Labels(JsonElement config) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : new Dictionary<string, string>();

    /// <summary>Docker writes nanoseconds; .NET reads at most seven fraction digits.</summary>
    public static DateTimeOffset Time(string? text) =>
        DateTimeOffset.Parse(Nanoseconds().Replace(text ?? "", m => m.Groups[1].Value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [GeneratedRegex(@"(\.\d{1,7})\d*")]
    private static partial Regex Nanoseconds();
}
