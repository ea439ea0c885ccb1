namespace Xooo.Engine;

/// <summary>A full file-system path; <c>/</c> joins segments, as in Nuke.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path) => _path = path;

    public static AbsolutePath Create(string path, string? relativeTo = null) =>
        new(Path.GetFullPath(path, relativeTo ?? Directory.GetCurrentDirectory()).TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } p ? p : "/");

    public static AbsolutePath operator /(AbsolutePath left, string right) => new(Path.GetFullPath(Path.Combine(left._path, right)));

    public static implicit operator string(AbsolutePath path) => path._path;

    public string Name => Path.GetFileName(_path);
    public AbsolutePath Parent => new(Path.GetDirectoryName(_path) ?? _path);
    public bool FileExists() => File.Exists(_path);
    public bool DirectoryExists() => Directory.Exists(_path);

    public string RelativeTo(AbsolutePath root) => Path.GetRelativePath(root._path, _path);

    public override string ToString() => _path;
    public bool Equals(AbsolutePath? other) => other is not null && other._path == _path;
    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);
    public override int GetHashCode() => _path.GetHashCode(StringComparison.Ordinal);
}
