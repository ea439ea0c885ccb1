namespace Xooo.Engine;

/// <summary>
/// What succeeded in the last run, kept in .nuke/temp, so that --continue skips it when the command line is
/// the same (apart from --continue itself). Plain lines, not JSON: loading a serializer costs start-up time.
/// </summary>
internal sealed class ContinueRecord(string path, string invocation)
{
    public static ContinueRecord For(AbsolutePath root, IReadOnlyList<string> arguments) =>
        new(root / ".nuke" / "temp" / "last-run.txt",
            // Hashed: the command line may hold a secret, which must not land on disk either.
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                string.Join('\u001f', arguments.Where(a => ParsedArguments.Normalize(a) != "continue"))))));

    /// <summary>The first line is the invocation's hash, each further line a target that succeeded.</summary>
    public HashSet<string> Load()
    {
        try
        {
            var lines = File.ReadAllLines(path);
            return lines.Length > 0 && lines[0] == invocation ? [.. lines.Skip(1)] : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    public void Save(IEnumerable<string> succeeded)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, succeeded.Prepend(invocation));
        }
        catch (IOException)
        {
            // Losing the record only means --continue reruns more; never fail the build for it.
        }
    }
}
