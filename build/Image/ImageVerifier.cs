using System.Text.Json;
using Xooo.Engine;

namespace Xooo.Build.Image;

/// <summary>
/// Proves an image has what the apps built FROM it rely on. The checks run in one throwaway container with no
/// network (verify_image.py runs the commands and reports; this class judges), plus the image's metadata and
/// history read from outside. Changes nothing; promotion is the caller's decision.
/// </summary>
public sealed class ImageVerifier(DockerClient docker)
{
    private const string Login = "login shell PATH answers the venv";
    private const string PipCheck = "pip check";

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

        var postgrest = $"postgrest --version is {postgrestVersion}";
        var commands = new Dictionary<string, string[]>
        {
            [Login] = ["/bin/bash", "-l", "-c", "command -v python pip"],
            [PipCheck] = ["/opt/venv/bin/python", "-m", "pip", "check"],
            [postgrest] = ["/usr/local/bin/postgrest", "--version"],
        };
        foreach (var (name, command) in Tools)
            commands[$"{name} answers"] = command;
        var request = JsonSerializer.Serialize(new
        {
            requirements = requirements.Select(r => new { name = r.Name, extras = r.Extras, version = r.Version }),
            commands,
        });
        var result = await docker.RunAsync(image, "/opt/venv/bin/python", ["-", request], cancellationToken, input: Script());
        // In a dry run the image may not exist (the build was only printed): then there is no history to read.
        var history = inspected is null ? null : await docker.HistoryAsync(image, cancellationToken);

        if (!result.Ran)
            return new VerificationReport(image, null, DateTimeOffset.UtcNow,
                [.. new[] { "python and pinned packages" }.Concat(commands.Keys).Select(n => new CheckResult(n, CheckStatus.NotRun, "dry run"))], []);
        // What is read from outside the container is checked even when nothing can run inside it.
        var outside = new[] { Environment(inspected!), SecretCheck(history ?? "", inspected!, secrets) };
        if (result.ExitCode != 0)
            return new VerificationReport(image, inspected!.Id, DateTimeOffset.UtcNow,
                [CheckResult.Fail("/opt/venv/bin/python runs the checks", $"exit {result.ExitCode}: {Flat(result.Output + " " + result.Error)}"), .. outside], []);

        var json = result.Output.Trim().Split('\n')[^1];
        var (checks, installed) = PackageReport.Interpret(json, requirements);
        var outcomes = Outcomes(json);
        var all = new List<CheckResult>(checks);
        all.Add(Judge(outcomes, Login, o => o.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["/opt/venv/bin/python", "/opt/venv/bin/pip"]));
        all.Add(Judge(outcomes, PipCheck, o => o.ExitCode == 0));
        all.Add(Judge(outcomes, postgrest, o => o.ExitCode == 0 && o.Output.TrimStart().StartsWith($"PostgREST {postgrestVersion}", StringComparison.Ordinal)));
        all.AddRange(Tools.Select(t => Judge(outcomes, $"{t.Name} answers", o => o.ExitCode == 0, firstLine: true)));
        all.AddRange(outside);
        return new VerificationReport(image, inspected!.Id, DateTimeOffset.UtcNow, all, installed);
    }

    private sealed record Outcome(int ExitCode, string Output, string Error);

    private static Dictionary<string, Outcome> Outcomes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("commands").EnumerateObject().ToDictionary(
            c => c.Name,
            c => new Outcome(c.Value.GetProperty("exitCode").GetInt32(), c.Value.GetProperty("output").GetString() ?? "", c.Value.GetProperty("error").GetString() ?? ""));
    }

    private static CheckResult Judge(Dictionary<string, Outcome> outcomes, string name, Func<Outcome, bool> passed, bool firstLine = false)
    {
        var outcome = outcomes[name];
        // stdout first: with no network, sudo warns on stderr that it cannot resolve the host name.
        var text = outcome.ExitCode == 0 && outcome.Output.Trim().Length > 0 ? outcome.Output : outcome.Output + " " + outcome.Error;
        var detail = firstLine ? text.Trim().Split('\n')[0].Trim() : Flat(text);
        if (detail.Length == 0)
            detail = "present";
        return CheckResult.Check(name, passed(outcome), outcome.ExitCode == 0 ? detail : $"exit {outcome.ExitCode}: {detail}");
    }

    private static CheckResult Environment(DockerImage image)
    {
        var variables = image.Environment.Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var virtualEnv = variables.GetValueOrDefault("VIRTUAL_ENV");
        var path = variables.GetValueOrDefault("PATH") ?? "";
        return CheckResult.Check("VIRTUAL_ENV and PATH", virtualEnv == "/opt/venv" && path.Split(':')[0] == "/opt/venv/bin",
            $"VIRTUAL_ENV={virtualEnv ?? "(unset)"} PATH={path}");
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

    private static string Flat(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static string Script()
    {
        using var stream = typeof(ImageVerifier).Assembly.GetManifestResourceStream("verify_image.py")
            ?? throw new InvalidOperationException("verify_image.py is not embedded in the build.");
        return new StreamReader(stream).ReadToEnd();
    }
}
