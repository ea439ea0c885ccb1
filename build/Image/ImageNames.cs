using System.Text.RegularExpressions;

namespace Xooo.Build.Image;

/// <summary>
/// The tags and keeper containers of one image name. Each image carries one tag only: `docker rmi` of a tag on
/// an image with two tags just untags it, which would let a cleanup take the image we mean to keep.
/// </summary>
public sealed partial record ImageNames(string Repository, string Tag)
{
    public const string ManagedLabel = "coolify.managed";
    public const string KeeperOfLabel = "xooo.keeper-of";

    public string Latest => $"{Repository}:{Tag}";
    public string PrevTag => Tag == "latest" ? "prev" : $"{Tag}-prev";
    public string Prev => $"{Repository}:{PrevTag}";
    public string Candidate => $"{Repository}:{(Tag == "latest" ? "candidate" : $"{Tag}-candidate")}";

    public string LatestKeeper => KeeperName(Tag);
    public string PrevKeeper => KeeperName(PrevTag);

    /// <summary>
    /// Keepers say coolify.managed=false: containers inherit their image's labels, and Coolify removes
    /// containers labelled managed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KeeperLabels(string reference) => new SortedDictionary<string, string>
    {
        [ManagedLabel] = "false",
        [KeeperOfLabel] = reference,
    };

    private string KeeperName(string tag) => $"{Unsafe().Replace(Repository, "-").Trim('-', '.')}-{tag}-keeper";

    [GeneratedRegex("[^a-zA-Z0-9_.-]+")]
    private static partial Regex Unsafe();
}
