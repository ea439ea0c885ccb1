using System.Text.Json;
using Xooo.Engine;

namespace Xooo.Build.Image;

/// <summary>
/// Proves an image has what the apps built FROM it rely on, in throwaway containers with no network (run side
/// by side: each costs a second or two to start). Changes nothing; promotion is the caller's decision.
/// </summary>
public sealed class ImageVerifier(DockerClient docker)
{
    private static readonly (string Name, string[] Command)[] Tools =
    [
        ("bash", ["bash", "--version"]), ("sudo", ["sudo", "--version"]), ("apt-get", ["apt-get", "--version"]),
        ("curl", ["curl", "--version"]), ("wget", ["wget", "--version"]), ("jq", ["jq", "--version"]),
        ("ca-certificates", ["test", "-s", "/etc/ssl/certs/ca-certificates.crt"]),
    ];

    public async Task<VerificationReport> VerifyAsync(
        string image, IReadOnlyList<Requirement> requirements, string postgrestVersion, IReadOnlyCollection<string> secrets, CancellationToken cancellationToken)
    {
        var inspected = await docker.InspectImageAsync(image, cancellationToken);
        if (inspected is null && !docker.IsDryRun)
            throw new DockerException($"There is no image {image} to verify: run BuildBaseImage first.");

        var packages = PackagesAsync(image, requirements, cancellationToken);
        var login = docker.RunAsync(image, "/bin/bash", ["-l", "-c", "command -v python pip"], cancellationToken);
        var pipCheck = docker.RunAsync(image, "/opt/venv/bin/python", ["-m", "pip", "check"], cancellationToken);
        var postgrest = docker.RunAsync(image, "/usr/local/bin/postgrest", ["--version"], cancellationToken);
        var tools = docker.RunAsync(image, "/bin/bash", ["-c", ToolsScript()], cancellationToken);
        var history = docker.HistoryAsync(image, cancellationToken);
        await Task.WhenAll(packages, login, pipCheck, postgrest, tools, history);

        var checks = new List<CheckResult>();
        var (packageChecks, installed) = await packages;
        checks.AddRange(packageChecks);
        if (inspected is not null)
            checks.Add(Environment(inspected));
        checks.Add(Result("login shell PATH answers the venv", await login, r =>
            (r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["/opt/venv/bin/python", "/opt/venv/bin/pip"], Flat(r))));
        checks.Add(Result("pip check", await pipCheck, r => (r.ExitCode == 0, Flat(r))));
        checks.Add(Result($"postgrest --version is {postgrestVersion}", await postgrest, r =>
            (r.ExitCode == 0 && r.Output.TrimStart().StartsWith($"PostgREST {postgrestVersion}", StringComparison.Ordinal), Flat(r))));
        checks.AddRange(ToolChecks(await tools));
        if (inspected is not null && await history is { } layers)
            checks.Add(SecretCheck(layers, inspected, secrets));

        return new VerificationReport(image, inspected?.Id, DateTimeOffset.UtcNow, checks, installed);
    }

    private async Task<(IReadOnlyList<CheckResult>, IReadOnlyList<InstalledPackage>)> PackagesAsync(
        string image, IReadOnlyList<Requirement> requirements, CancellationToken cancellationToken)
    {
        var wanted = JsonSerializer.Serialize(requirements.Select(r => new { name = r.Name, extras = r.Extras, version = r.Version }));
        var result = await docker.RunAsync(image, "/opt/venv/bin/python", ["-", wanted], cancellationToken, input: Script());
        if (!result.Ran)
            return ([new CheckResult("python and pinned packages", CheckStatus.NotRun, "dry run")], []);
        if (result.ExitCode != 0)
            return ([CheckResult.Fail("python and pinned packages", $"the package check could not run: {Flat(result)}")], []);
        return PackageReport.Interpret(result.Output.Trim().Split('\n')[^1], requirements);
    }

    private static CheckResult Environment(DockerImage image)
    {
        var variables = image.Environment.Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var virtualEnv = variables.GetValueOrDefault("VIRTUAL_ENV");
        var path = variables.GetValueOrDefault("PATH") ?? "";
        return CheckResult.Check("VIRTUAL_ENV and PATH", virtualEnv == "/opt/venv" && path.Split(':')[0] == "/opt/venv/bin",
            $"VIRTUAL_ENV={virtualEnv ?? "(unset)"} PATH={path}");
    }

    private static IEnumerable<CheckResult> ToolChecks(ToolResult result)
    {
        if (!result.Ran)
            return Tools.Select(t => new CheckResult($"{t.Name} answers", CheckStatus.NotRun, "dry run"));
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 3)).Where(p => p.Length == 3)
            .ToDictionary(p => p[1], p => (Ok: p[0] == "ok", Detail: p[2].Trim()));
        return Tools.Select(t => lines.TryGetValue(t.Name, out var line)
            ? CheckResult.Check($"{t.Name} answers", line.Ok, line.Detail.Length > 0 ? line.Detail : "present")
            : CheckResult.Fail($"{t.Name} answers", $"no answer ({Flat(result)})"));
    }

    /// <summary>The values are compared, never printed: the detail names where a leak was found, not what leaked.</summary>
    private static CheckResult SecretCheck(string history, DockerImage image, IReadOnlyCollection<string> secrets)
    {
        const string name = "no secret in history or environment";
        if (secrets.Count == 0)
            return CheckResult.Pass(name, "no secret value was given to this build");
        var places = new List<string>();
        foreach (var secret in secrets)
        {
            if (history.Contains(secret, StringComparison.Ordinal))
                places.Add("image history");
            if (image.Environment.Any(e => e.Contains(secret, StringComparison.Ordinal)))
                places.Add("environment");
            if (image.Labels.Any(l => l.Value.Contains(secret, StringComparison.Ordinal)))
                places.Add("labels");
        }
        return places.Count == 0
            ? CheckResult.Pass(name, $"{secrets.Count} secret value(s) absent from {image.ShortId}'s history, environment and labels")
            : CheckResult.Fail(name, "a secret shows in the " + string.Join(", ", places.Distinct()));
    }

    private static CheckResult Result(string name, ToolResult result, Func<ToolResult, (bool Passed, string Detail)> judge)
    {
        if (!result.Ran)
            return new CheckResult(name, CheckStatus.NotRun, "dry run");
        var (passed, detail) = judge(result);
        return CheckResult.Check(name, passed, detail);
    }

    private static string Flat(ToolResult result)
    {
        var text = (result.Output + " " + result.Error).ReplaceLineEndings(" ").Trim();
        var shown = text.Length > 200 ? text[..200] + "…" : text;
        return result.ExitCode == 0 ? shown : $"exit {result.ExitCode}: {shown}";
    }

    private static string ToolsScript() =>
        // stdout first: with no network, sudo warns on stderr that it cannot resolve the host name.
        "check() { local name=$1 out s=ok; shift; out=\"$(\"$@\" 2>/dev/null)\" || { s=fail; out=\"$(\"$@\" 2>&1)\"; }; "
        + "printf '%s\\t%s\\t%s\\n' \"$s\" \"$name\" \"${out%%$'\\n'*}\"; }; "
        + string.Join("; ", Tools.Select(t => "check " + t.Name + " " + string.Join(' ', t.Command)));

    private static string Script()
    {
        using var stream = typeof(ImageVerifier).Assembly.GetManifestResourceStream("verify_packages.py")
            ?? throw new InvalidOperationException("verify_packages.py is not embedded in the build.");
        return new StreamReader(stream).ReadToEnd();
    }
}
