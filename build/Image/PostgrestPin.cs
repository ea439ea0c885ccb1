using System.Text.RegularExpressions;

namespace Xooo.Build.Image;

/// <summary>
/// The SHA-256 the PostgREST archive must have. Upstream publishes none, so it is recorded once in the
/// repository (trust on first use), in sha256sum's format; --postgrest-sha256 overrides it for one build.
/// </summary>
public sealed partial record PostgrestPin(string Sha256, string Source)
{
    public const string FileName = "postgrest.sha256";
    public const string DefaultVersion = "12.2.3";

    /// <summary>The version `postgrest --version` must print: the one in the download address, else 12.2.3.</summary>
    public static string ExpectedVersion(string url) =>
        VersionInUrl().Match(url) is { Success: true } match ? match.Groups[1].Value : DefaultVersion;

    /// <summary>The pin to use, or a problem saying what is wrong and how to record one.</summary>
    public static (PostgrestPin? Pin, string? Problem) Resolve(string pinFile, string? overrideSha256, string postgrestUrl)
    {
        if (!string.IsNullOrWhiteSpace(overrideSha256))
        {
            var value = overrideSha256.Trim().ToLowerInvariant();
            return Sha256Hex().IsMatch(value)
                ? (new PostgrestPin(value, "--postgrest-sha256"), null)
                : (null, $"--postgrest-sha256 '{overrideSha256}' is not a SHA-256: expected 64 hexadecimal digits");
        }
        if (!File.Exists(pinFile))
            return (null, $"{pinFile} is missing, so no PostgREST SHA-256 pin is recorded. {HowToRecord(pinFile, postgrestUrl)}");

        var pins = new List<(int Line, string Sha, string? Asset)>();
        var lines = File.ReadAllLines(pinFile);
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var match = PinLine().Match(line);
            if (!match.Success)
                return (null, $"{pinFile}:{index + 1}: '{line}' is not a pin: write '<64 hex digits>  <file name>' as sha256sum prints it");
            pins.Add((index + 1, match.Groups["sha"].Value.ToLowerInvariant(), match.Groups["asset"].Success ? match.Groups["asset"].Value : null));
        }
        if (pins.Count == 0)
            return (null, $"No PostgREST SHA-256 pin is recorded in {pinFile}. {HowToRecord(pinFile, postgrestUrl)}");
        if (pins.Count > 1)
            return (null, $"{pinFile} records {pins.Count} pins (lines {string.Join(", ", pins.Select(p => p.Line))}): keep the one for the archive the build downloads");

        var pin = pins[0];
        var downloaded = AssetName(postgrestUrl);
        if (pin.Asset is { } asset && downloaded is not null && asset != downloaded)
            return (null, $"{pinFile}:{pin.Line} pins {asset}, but --postgrest-url downloads {downloaded}: record the pin of that file, or pass --postgrest-sha256");
        return (new PostgrestPin(pin.Sha, $"{pinFile}:{pin.Line}"), null);
    }

    public static string HowToRecord(string pinFile, string postgrestUrl)
    {
        var asset = AssetName(postgrestUrl) ?? "postgrest.tar.xz";
        return "Record it once (trust on first use) on a machine that reaches the download: "
            + $"`curl -fsSL -o {asset} {postgrestUrl} && sha256sum {asset} >> {pinFile}`, check the archive, then commit the file; "
            + "or pass --postgrest-sha256 for one build.";
    }

    /// <summary>The file name at the end of the download address, or null when it has none.</summary>
    public static string? AssetName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name ? name : null;

    [GeneratedRegex(@"[/-]v(\d+(?:\.\d+)+)[/-]")]
    private static partial Regex VersionInUrl();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex(@"^(?<sha>[0-9A-Fa-f]{64})(\s+\*?(?<asset>\S+))?$")]
    private static partial Regex PinLine();
}
