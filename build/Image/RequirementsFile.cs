using System.Text.RegularExpressions;

namespace Xooo.Build.Image;

/// <summary>
/// requirements.txt read strictly: every line pinned with ==, one package a line, comments allowed. Each bad
/// line becomes a problem naming the file, the line number and what to write instead; nothing is dropped.
/// </summary>
public sealed partial class RequirementsFile
{
    private RequirementsFile(IReadOnlyList<Requirement> requirements, IReadOnlyList<string> problems) =>
        (Requirements, Problems) = (requirements, problems);

    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>One message per bad line, in line order: "requirements.txt:7: 'fastapi>=0.1' is not pinned ...".</summary>
    public IReadOnlyList<string> Problems { get; }

    public static RequirementsFile Read(string path) => Parse(File.ReadAllText(path), path);

    public static RequirementsFile Parse(string text, string fileName = "requirements.txt")
    {
        var requirements = new List<Requirement>();
        var problems = new List<string>();
        var seen = new Dictionary<string, int>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = StripComment(lines[index]).Trim();
            if (line.Length == 0)
                continue;
            if (ParseLine(line, number) is not { } requirement)
            {
                problems.Add($"{fileName}:{number}: '{line}' {Explain(line)}");
                continue;
            }
            if (seen.TryGetValue(requirement.NormalizedName, out var first))
            {
                problems.Add($"{fileName}:{number}: '{line}' repeats {requirement.NormalizedName} from line {first}: keep one line per package");
                continue;
            }
            seen[requirement.NormalizedName] = number;
            requirements.Add(requirement);
        }
        if (requirements.Count == 0 && problems.Count == 0)
            problems.Add($"{fileName}: lists no packages: write one name==version a line");
        return new RequirementsFile(requirements, problems);
    }

    private static Requirement? ParseLine(string line, int number)
    {
        var match = Pinned().Match(line);
        if (!match.Success || !PackageName.IsValid(match.Groups["name"].Value))
            return null;
        var extras = match.Groups["extras"].Success
            ? match.Groups["extras"].Value.Split(',', StringSplitOptions.TrimEntries)
            : [];
        if (extras.Any(e => !PackageName.IsValid(e)))
            return null;
        return new Requirement(match.Groups["name"].Value, extras, match.Groups["version"].Value, number);
    }

    private static string Explain(string line) => line switch
    {
        _ when line.StartsWith('-') => "is a pip option: only name==version lines belong here (the index comes from --pip-index-url)",
        _ when line.Contains(';') => "has an environment marker: the image has one platform, so write plain name==version",
        _ when line.Contains('@') || line.Contains("://") => "is a direct reference: pin a released version with name==version",
        _ when line.Contains("===") => "uses ===: write name==version",
        _ when line.Contains("==") && line.Contains('*') => "uses a wildcard, which is not a pin: write the exact version, name==version",
        _ when line.Contains("==") && line.Contains(',') && !line.Contains('[') => "has more than one version clause: write exactly one, name==version",
        _ when line.Contains("==") => "is not a well-formed name==version (name or extras or version malformed)",
        _ => "is not pinned: write name==version",
    };

    // pip: a comment starts with # at the start of a line or after whitespace.
    private static string StripComment(string line)
    {
        var match = Comment().Match(line);
        return match.Success ? line[..match.Index] : line;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[(?<extras>[^\]]*)\])?\s*==\s*(?<version>[0-9][A-Za-z0-9.+!_-]*)$")]
    private static partial Regex Pinned();

    [GeneratedRegex(@"(^|\s)#")]
    private static partial Regex Comment();
}
