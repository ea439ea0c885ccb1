using System.Text.RegularExpressions;

namespace Xooo.Build.Tests.EndToEnd;

/// <summary>./build.sh as a user runs it: help, plan, usage errors, a failing target, and secrets kept out.</summary>
[Collection(BuildScriptCollection.Name)]
public sealed class BuildScriptTests(RepositoryCopy repository)
{
    private static readonly string[] RolloutTargets = ["Clone", "Restore", "BuildBaseImage", "Verify", "UpdateNixpacksToml", "CommitAndPush"];

    private static readonly string[] Parameters =
    [
        "--image-name", "--image-tag", "--python-image", "--pip-index-url", "--postgrest-url", "--postgrest-sha256",
        "--base-image-directory", "--force", "--max-age-days", "--dry-run", "--deployer-repository", "--deployer-branch",
        "--deployer-directory", "--github-token", "--github-api-url", "--pull-request", "--commit-message",
    ];

    [Fact(Timeout = 120_000)]
    public async Task Help_lists_every_target_and_parameter()
    {
        var result = await BuildScript.RunAsync(repository.Root, ["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var name in RolloutTargets.Concat(Parameters))
            Assert.Contains(name, result.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task Plan_prints_the_targets_in_the_order_they_would_run()
    {
        var result = await BuildScript.RunAsync(repository.Root, ["--plan", "BuildBaseImage", "CommitAndPush"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var order = Regex.Matches(result.Output, @"^\s*\d+\.\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(RolloutTargets.Order(), order.Order());
        Assert.True(order.IndexOf("Restore") < order.IndexOf("BuildBaseImage"), result.Output);
        Assert.True(order.IndexOf("BuildBaseImage") < order.IndexOf("Verify"), result.Output);
        Assert.True(order.IndexOf("Verify") < order.IndexOf("UpdateNixpacksToml"), result.Output);
        Assert.True(order.IndexOf("Clone") < order.IndexOf("UpdateNixpacksToml"), result.Output);
        Assert.True(order.IndexOf("UpdateNixpacksToml") < order.IndexOf("CommitAndPush"), result.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task Runs_from_any_working_directory()
    {
        var result = await BuildScript.RunAsync(repository.Root, ["--plan", "Verify"], workingDirectory: Path.GetTempPath());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"1\.\s+Verify", result.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_target_exits_2_and_names_the_valid_targets()
    {
        var result = await BuildScript.RunAsync(repository.Root, ["BuildBaseImag"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("BuildBaseImag", result.Output);
        foreach (var target in RolloutTargets)
            Assert.Contains(target, result.Output);
        Assert.DoesNotContain("═══ ", result.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_bad_parameter_value_exits_2_and_names_the_parameter_and_the_value()
    {
        var result = await BuildScript.RunAsync(repository.Root, ["Verify", "--max-age-days", "abc"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("max-age-days", result.Output);
        Assert.Contains("abc", result.Output);
        Assert.DoesNotContain("Unhandled exception", result.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_target_exits_1_and_shows_it_failed_in_the_summary()
    {
        var clone = Path.Combine(Path.GetTempPath(), "xooo-e2e-clone-" + Guid.NewGuid().ToString("N")[..8]);

        try
        {
            var result = await BuildScript.RunAsync(repository.Root,
                ["Clone", "--deployer-repository", "/nonexistent/deployer.git", "--deployer-directory", clone]);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Matches(new Regex(@"^Clone\s+Failed\b", RegexOptions.Multiline), result.Output);
            Assert.Contains("Build failed", result.Output);
        }
        finally
        {
            if (Directory.Exists(clone))
                Directory.Delete(clone, recursive: true);
        }
    }

    [Theory(Timeout = 120_000)]
    [InlineData("--help")]
    [InlineData("--plan", "BuildBaseImage", "CommitAndPush")]
    [InlineData("Clone", "--verbosity", "verbose")]
    [InlineData("CommitAndPush", "--pull-request", "--dry-run", "--verbosity", "verbose")]
    public async Task A_token_passed_by_environment_never_appears_in_the_output(params string[] arguments)
    {
        var secret = "ghp_e2e" + Guid.NewGuid().ToString("N");
        // The token is also part of a path the build may print, so that it has every chance to leak.
        var deployer = $"/nonexistent/{secret}/deployer.git";

        var result = await BuildScript.RunAsync(repository.Root, [.. arguments, "--deployer-repository", deployer],
            new Dictionary<string, string> { ["GITHUB_TOKEN"] = secret });

        Assert.DoesNotContain(secret, result.Output);
        Assert.DoesNotContain(secret[..20], result.Output);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
    }
}
