using Xooo.Build.Deployer;
using Xooo.Engine;

namespace Xooo.Build.Image;

/// <summary>The commit and remote of the build's own repository, for the OCI labels; null where git cannot tell.</summary>
public static class SourceControl
{
    public static async Task<(string? Revision, string? Source)> ReadAsync(ToolRunner tools, string directory, CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find("git") is null)
            return (null, null);
        var revision = await GitAsync(tools, directory, ["rev-parse", "HEAD"], cancellationToken);
        var source = revision is null ? null : await GitAsync(tools, directory, ["remote", "get-url", "origin"], cancellationToken);
        return (revision, WithoutCredentials(source));
    }

    // A remote like https://token@github.com/... must not end up in a label anyone can read.
    public static string? WithoutCredentials(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    // Through the one git client: its environment (no prompts, English messages) and its echo.
    private static async Task<string?> GitAsync(ToolRunner tools, string directory, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await new GitClient(tools).QueryAsync(directory, arguments, [0, 1, 2, 128], cancellationToken);
        return result.Succeeded && result.Output.Trim() is { Length: > 0 } text ? text : null;
    }
}
