using System.Linq.Expressions;

namespace Xooo.Engine;

/// <summary>
/// The base class of a build, as in Nuke: <c>public static int Main() => Execute&lt;Build&gt;(x => x.Default);</c>
/// </summary>
public abstract class NukeBuild : INukeBuild
{
    private BuildSession? _session;

    private BuildSession Session => _session ?? throw new InvalidOperationException("The build has not been started by Execute<T>.");

    public AbsolutePath RootDirectory => Session.RootDirectory;
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";
    public bool IsDryRun => Session.IsDryRun;
    public HostKind Host => Session.Output.Host;
    public Verbosity Verbosity => Session.Output.Verbosity;
    public ToolRunner Tools => Session.Tools;
    public FileWriter Files => Session.Files;

    public void ReportSummary(string note) => Session.Report(note);

    internal void Attach(BuildSession session) => _session = session;

    /// <summary>Runs the build for this process's command line and environment; returns the exit code.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new() =>
        BuildRunner.Run<T>(BuildInvocation.FromProcess(), defaultTargets);
}
