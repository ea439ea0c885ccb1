namespace Xooo.Engine;

/// <summary>The state of one run that the build instance reads through <see cref="INukeBuild"/>.</summary>
internal sealed class BuildSession(AbsolutePath rootDirectory, bool isDryRun, BuildOutput output)
{
    public AbsolutePath RootDirectory { get; } = rootDirectory;
    public bool IsDryRun { get; } = isDryRun;
    public BuildOutput Output { get; } = output;
    public ToolRunner Tools { get; } = new(isDryRun);
    public FileWriter Files { get; } = new(isDryRun);

    /// <summary>The target running now; its summary note is what <see cref="Report"/> sets.</summary>
    public ExecutableTarget? Current { get; set; }

    public void Report(string note)
    {
        if (Current is not null)
            Current.Note = note;
    }
}
