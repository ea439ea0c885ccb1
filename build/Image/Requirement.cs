namespace Xooo.Build.Image;

/// <summary>One pinned line of requirements.txt: <c>name[extra,...]==version</c>.</summary>
public sealed record Requirement(string Name, IReadOnlyList<string> Extras, string Version, int Line)
{
    public string NormalizedName => PackageName.Normalize(Name);

    public override string ToString() =>
        Name + (Extras.Count > 0 ? "[" + string.Join(",", Extras) + "]" : "") + "==" + Version;
}
