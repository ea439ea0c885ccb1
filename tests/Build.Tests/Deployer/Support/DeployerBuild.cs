using Xooo.Engine;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>Runs the real build in memory against a fixture's repositories, the way ./build.sh would.</summary>
public static class DeployerBuild
{
    public static async Task<(int ExitCode, string Output)> RunAsync(GitRepositories repositories, string[] arguments,
        IReadOnlyDictionary<string, string>? environment = null, bool defaultDirectory = false, string? remote = null)
    {
        Directory.CreateDirectory(Path.Combine(repositories.Root, ".nuke"));
        string[] common = ["--root", repositories.Root, "--deployer-repository", remote ?? repositories.Remote, "--no-logo"];
        if (!defaultDirectory)
            common = [.. common, "--deployer-directory", repositories.Clone];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync<Build>(new BuildInvocation(
            [.. arguments, .. common], environment ?? new Dictionary<string, string>(), repositories.Root, output, timeout.Token));
        return (exitCode, output.ToString());
    }
}
