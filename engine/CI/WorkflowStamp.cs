namespace Xooo.Engine;

/// <summary>
/// Remembers, in .nuke/temp, which compiled build wrote which workflow files (length and time). When the
/// build is the same compilation and the files are as it left them, the workflows cannot differ and are not
/// generated again: that keeps the check out of every run's start-up time.
/// </summary>
internal sealed class WorkflowStamp(AbsolutePath root, Type buildType)
{
    private readonly string _path = root / ".nuke" / "temp" / $"workflows.{buildType.FullName}.stamp";
    // The build's compilation (attributes, parameter defaults) and the engine's (the writer) decide the text.
    private readonly string _key = $"{buildType.Assembly.ManifestModule.ModuleVersionId} {typeof(WorkflowStamp).Assembly.ManifestModule.ModuleVersionId} {buildType.FullName}";

    public bool IsCurrent()
    {
        try
        {
            var lines = File.ReadAllLines(_path);
            return lines.Length > 1 && lines[0] == _key && lines.Skip(1).All(line => line == Describe(root / line[..line.IndexOf('|')]));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    public void Save(IEnumerable<WorkflowFile> files)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllLines(_path, files.Select(f => Describe(root / f.RelativePath, f.RelativePath)).Prepend(_key));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only a shortcut: without it the next run generates the workflows again.
        }
    }

    private string Describe(string path, string? relative = null)
    {
        var file = new FileInfo(path);
        return $"{relative ?? Path.GetRelativePath(root, path).Replace('\\', '/')}|{(file.Exists ? file.Length : -1)}|{(file.Exists ? file.LastWriteTimeUtc.Ticks : 0)}";
    }
}
