using Serilog;

namespace Xooo.Engine;

/// <summary>
/// Writes files on the build's behalf. Unchanged content is not written; in a dry run nothing is written and
/// the unified diff it would make is printed instead.
/// </summary>
/// <param name="baseDirectory">Paths in diffs are shown relative to this folder (default: the working directory) when the file is inside it.</param>
public sealed class FileWriter(bool dryRun, string? baseDirectory = null)
{
    public bool IsDryRun { get; } = dryRun;

    /// <summary>Returns true when the file's content changed (or would have, in a dry run).</summary>
    public bool Write(string path, string content)
    {
        var old = File.Exists(path) ? File.ReadAllText(path) : null;
        if (old == content)
            return false;
        if (IsDryRun)
        {
            Log.Information("[dry run] would write {Path}:{NewLine}{Diff}", path, Environment.NewLine, UnifiedDiff.Create(old, content, DisplayPath(path)).TrimEnd('\n'));
            return true;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        // Write beside, then move: a crash never leaves a half-written file. The name is unique so that two
        // writers of one file (parallel builds in one process) never share a temporary.
        var temporary = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
        Log.Information("Wrote {Path}", path);
        return true;
    }

    private string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(baseDirectory ?? Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full.TrimStart('/') : relative;
    }
}
