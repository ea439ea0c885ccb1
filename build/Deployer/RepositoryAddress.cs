using System.Text.RegularExpressions;

namespace Xooo.Build.Deployer;

/// <summary>
/// What --deployer-repository names: a URL (https, ssh, scp-like git@host:path), a file:// URL or a local path.
/// Two spellings of one repository compare equal, so an existing clone is recognised as the same remote.
/// </summary>
public static partial class RepositoryAddress
{
    public static bool IsLocal(string repository) =>
        repository.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
        || (!repository.Contains("://") && !ScpLike().IsMatch(repository));

    /// <summary>A relative local path is taken from the build's root, so git and the comparison see one folder.</summary>
    public static string Resolve(string repository, string rootDirectory) =>
        IsLocal(repository) && !repository.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(repository, rootDirectory)
            : repository;

    public static bool AreSame(string left, string right) => Normalize(left) == Normalize(right);

    /// <summary>owner/name of a GitHub (or GitHub Enterprise) address; null for a local path.</summary>
    public static (string Owner, string Name)? GitHubRepository(string repository)
    {
        if (IsLocal(repository))
            return null;
        var path = ScpLike().Match(repository) is { Success: true } scp ? scp.Groups["path"].Value
            : Uri.TryCreate(repository, UriKind.Absolute, out var uri) ? uri.AbsolutePath
            : null;
        var segments = path?.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is { Length: >= 2 }
            ? (segments[^2], TrimGitSuffix(segments[^1]))
            : null;
    }

    /// <summary>Parses --github-repository "owner/name".</summary>
    public static (string Owner, string Name) ParseOwnerAndName(string value) =>
        value.Split('/') is [var owner, var name] && owner.Length > 0 && name.Length > 0
            ? (owner, TrimGitSuffix(name))
            : throw new DeployerException($"--github-repository '{value}' is not of the form owner/name.");

    private static string Normalize(string repository)
    {
        repository = repository.Trim();
        if (repository.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            repository = new Uri(repository).LocalPath;
        if (IsLocal(repository))
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository));
        if (Uri.TryCreate(repository, UriKind.Absolute, out var uri))
            // Scheme and host compare without case; user info (a user name) does not make another repository.
            return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{TrimGitSuffix(uri.AbsolutePath.TrimEnd('/'))}";
        return TrimGitSuffix(repository.TrimEnd('/'));
    }

    private static string TrimGitSuffix(string path) =>
        path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;

    // git@github.com:owner/name.git; a Windows drive letter (C:\...) is not a host.
    [GeneratedRegex(@"^(?:[^@/\\]+@)?(?<host>[^:/\\]{2,}):(?<path>[^/\\].*)$")]
    private static partial Regex ScpLike();
}
