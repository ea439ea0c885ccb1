namespace Xooo.Engine;

/// <summary>
/// What every build and component sees of the running build. Components are interfaces deriving from this
/// one, carrying default-implemented targets and parameters.
/// </summary>
public interface INukeBuild
{
    /// <summary>The folder holding .nuke/ (or given by --root).</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary>.nuke/temp under the root: ignored by git, for reports and state.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>--dry-run: print what would change, change nothing.</summary>
    bool IsDryRun { get; }

    HostKind Host { get; }

    Verbosity Verbosity { get; }

    /// <summary>The façade that starts processes (dry-run aware).</summary>
    ToolRunner Tools { get; }

    /// <summary>The file writer (dry-run aware).</summary>
    FileWriter Files { get; }

    /// <summary>A note for the running target's row in the summary table.</summary>
    void ReportSummary(string note);
}
