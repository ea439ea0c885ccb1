namespace Xooo.Engine;

/// <summary>
/// What succeeded in the last run, kept in .nuke/temp, so that --continue skips it when the command line is
/// the same (apart from --continue itself).
/// </summary>
/// <remarks>
/// Plain lines, not JSON, and the command line masked rather than hashed: System.Text.Json's reflection and
/// loading OpenSSL for a SHA-256 cost more start-up time than the whole plan. The first line is the masked
/// command line (a secret must not land on disk); each further line is a target that succeeded.
/// </remarks>
internal sealed class ContinueRecord(string path, string invocation)
{
    public static ContinueRecord For(AbsolutePath root, IReadOnlyList<string> arguments) =>
        new(root / ".nuke" / "temp" / "last-run.txt",
            Secrets.Mask(string.Join('\u001f', arguments.Where(a => ParsedArguments.Normalize(a) != "continue"))).ReplaceLineEndings(" "));

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
            File.WriteAllLines(path, [invocation, .. succeeded]);
        }
        catch (IOException)
        {
            // Losing the record only means --continue reruns more; never fail the build for it.
        }
    }
}
