using System.Text.Json;

namespace Xooo.Build.Image;

/// <summary>
/// Reads what verify_packages.py printed inside the image and turns it into Verify's rows: the Python version,
/// one row per pinned requirement (with its extras), one row for the imports, and the installed packages.
/// </summary>
public static class PackageReport
{
    public static (IReadOnlyList<CheckResult> Checks, IReadOnlyList<InstalledPackage> Packages) Interpret(string json, IReadOnlyList<Requirement> requirements)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var checks = new List<CheckResult>();

        var python = root.GetProperty("python").GetString() ?? "";
        var prefix = root.GetProperty("prefix").GetString() ?? "";
        checks.Add(CheckResult.Check("python is 3.11", python.StartsWith("3.11.", StringComparison.Ordinal) && prefix == "/opt/venv",
            $"/opt/venv/bin/python is {python} (prefix {prefix})"));

        var entries = root.GetProperty("requirements").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString() ?? "");
        var failedImports = new List<string>();
        var imported = new List<string>();
        foreach (var requirement in requirements)
        {
            if (!entries.TryGetValue(requirement.NormalizedName, out var entry) || entry.GetProperty("installed").ValueKind == JsonValueKind.Null)
            {
                checks.Add(CheckResult.Fail(requirement.ToString(), "not installed"));
                continue;
            }
            checks.Add(Requirement(requirement, entry));
            var modules = entry.GetProperty("imports").EnumerateObject().ToList();
            if (modules.Count == 0)
                failedImports.Add($"{requirement.NormalizedName}: no top-level module found in its files");
            foreach (var module in modules)
                if (module.Value.ValueKind == JsonValueKind.Null)
                    imported.Add(module.Name);
                else
                    failedImports.Add($"{module.Name} ({requirement.NormalizedName}): {module.Value.GetString()}");
        }
        checks.Add(failedImports.Count == 0
            ? CheckResult.Pass("top-level modules import", string.Join(", ", imported))
            : CheckResult.Fail("top-level modules import", string.Join("; ", failedImports)));

        var packages = root.TryGetProperty("distributions", out var distributions)
            ? distributions.EnumerateObject().Select(p => new InstalledPackage(p.Name, p.Value.GetString() ?? "")).OrderBy(p => p.Name, StringComparer.Ordinal).ToList()
            : [];
        return (checks, packages);
    }

    private static CheckResult Requirement(Requirement requirement, JsonElement entry)
    {
        var installed = entry.GetProperty("installed").GetString();
        var problems = new List<string>();
        var notes = new List<string> { $"installed {installed}" };
        if (!entry.GetProperty("matches").GetBoolean())
            problems.Add($"installed {installed}, pinned {requirement.Version}");
        foreach (var extra in entry.GetProperty("extras").EnumerateArray())
        {
            var name = extra.GetProperty("extra").GetString();
            if (!extra.GetProperty("declared").GetBoolean())
            {
                problems.Add($"{requirement.NormalizedName} has no extra '{name}'");
                continue;
            }
            var parts = extra.GetProperty("requires").EnumerateArray().ToList();
            foreach (var part in parts.Where(p => !p.GetProperty("satisfied").GetBoolean()))
                problems.Add($"[{name}] needs {part.GetProperty("requirement").GetString()}, "
                    + (part.GetProperty("installed").GetString() is { } version ? $"installed {version}" : "not installed"));
            notes.Add($"[{name}]: " + string.Join(", ", parts.Select(p => $"{p.GetProperty("name").GetString()} {p.GetProperty("installed").GetString()}")));
        }
        return problems.Count == 0
            ? CheckResult.Pass(requirement.ToString(), string.Join("; ", notes))
            : CheckResult.Fail(requirement.ToString(), string.Join("; ", problems));
    }
}
