using Xooo.Engine;

namespace Xooo.Build.Tests.Support;

/// <summary>
/// The one rule for tests that need Docker: without it they are skipped with the reason, unless
/// XOOO_REQUIRE_DOCKER=1 (CI sets it), which turns the skip into a failure so CI always runs them.
/// </summary>
public static class DockerRequirement
{
    public const string RequireVariable = "XOOO_REQUIRE_DOCKER";

    private static readonly Lazy<Task<string?>> EngineProblem = new(ProbeEngineAsync);

    /// <summary>The docker CLI and a daemon that answers.</summary>
    public static async Task EngineAsync() => Require(await EngineProblem.Value);

    /// <summary>Why Docker cannot be used here, or null when it can.</summary>
    public static Task<string?> EngineProblemAsync() => EngineProblem.Value;

    /// <summary>Only the docker CLI (tests that point it at a daemon that is not there).</summary>
    public static void Cli() => Require(ProgramLocator.Find("docker") is null ? "the docker CLI is not on PATH" : null);

    /// <summary>Anything else a Docker test cannot do without (debootstrap to make the parent image, say).</summary>
    public static void Require(string? problem)
    {
        if (problem is null)
            return;
        var reason = $"Needs Docker: {problem}.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new Xunit.Sdk.XunitException($"{reason} {RequireVariable}=1 makes this a failure instead of a skip.");
        Skip.If(true, reason);
    }

    private static async Task<string?> ProbeEngineAsync()
    {
        if (ProgramLocator.Find("docker") is null)
            return "the docker CLI is not on PATH";
        try
        {
            var result = await TestProcess.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(20));
            return result.ExitCode == 0 && result.Output.Trim().Length > 0
                ? null
                : $"the Docker daemon does not answer ({result.Error.Trim().Split('\n')[^1]})";
        }
        catch (TimeoutException)
        {
            return "the Docker daemon did not answer within 20 s";
        }
    }
}
