using Xooo.Engine;

namespace Xooo.Build.Tests.Support;

/// <summary>Runs the build in this process, as `./build.sh` would, with only the environment given.</summary>
public static class InMemoryBuild
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string root, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default)
    {
        using var writer = new StringWriter();
        var invocation = new BuildInvocation(
            [.. arguments, "--root", root, "--no-logo"], environment ?? new Dictionary<string, string>(), root, writer, cancellation);
        var exitCode = await BuildRunner.RunAsync<Build>(invocation);
        return (exitCode, writer.ToString());
    }
}
