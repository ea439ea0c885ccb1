namespace Xooo.Engine;

/// <summary>The engine's own options: --verbosity, --host and --root.</summary>
internal static class Options
{
    public static Verbosity Verbosity(ParsedArguments arguments) =>
        arguments.Single("verbosity") is not { } value ? Engine.Verbosity.Normal
        : Enum.TryParse<Verbosity>(value, ignoreCase: true, out var verbosity) ? verbosity
        : throw new UsageException($"--verbosity '{value}' is not one of: quiet, minimal, normal, verbose.");

    public static HostKind Host(ParsedArguments arguments, IReadOnlyDictionary<string, string> environment)
    {
        if (arguments.Single("host") is { } value)
            return ParsedArguments.Normalize(value) switch
            {
                "githubactions" => HostKind.GitHubActions,
                "terminal" => HostKind.Terminal,
                _ => throw new UsageException($"--host '{value}' is not one of: terminal, github-actions."),
            };
        return environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? HostKind.GitHubActions
            : HostKind.Terminal;
    }

    /// <summary>--root, else the nearest folder upwards that holds .nuke/, else the working directory.</summary>
    public static AbsolutePath Root(ParsedArguments arguments, string workingDirectory)
    {
        if (arguments.Single("root") is { } root)
            return Directory.Exists(Path.GetFullPath(root, workingDirectory))
                ? AbsolutePath.Create(root, workingDirectory)
                : throw new UsageException($"--root '{root}' is not a directory.");
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return AbsolutePath.Create(directory.FullName);
        return AbsolutePath.Create(workingDirectory);
    }
}
