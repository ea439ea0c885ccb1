using System.Security.Cryptography;
using System.Text;

namespace Xooo.Build.Image;

/// <summary>
/// One hash of everything a build's result depends on: the files sent to docker build, the build arguments
/// and the parent image's ID. Stored as a label on the image; an equal hash means a rebuild would make the
/// same image (apart from the parent's apt archive and PyPI, which the monthly rebuild picks up).
/// </summary>
public static class InputHash
{
    public const string Prefix = "sha256:";

    public static string Compute(
        IEnumerable<KeyValuePair<string, byte[]>> files,
        IEnumerable<KeyValuePair<string, string>> buildArguments,
        string parentImageId)
    {
        var text = new StringBuilder("xooo-backend-base inputs v1\n");
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append("file ").Append(name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append('\n');
        foreach (var (name, value) in buildArguments.OrderBy(a => a.Key, StringComparer.Ordinal))
            text.Append("arg ").Append(name).Append('=').Append(value.ReplaceLineEndings(" ")).Append('\n');
        text.Append("parent ").Append(parentImageId).Append('\n');
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The first 12 hex digits, for messages.</summary>
    public static string Short(string? hash) =>
        hash is null ? "none" : hash.StartsWith(Prefix, StringComparison.Ordinal) ? hash[Prefix.Length..Math.Min(hash.Length, Prefix.Length + 12)] : hash;
}
