using System.Text.Json;

namespace Xooo.Engine;

/// <summary>
/// What succeeded in the last run, kept in .nuke/temp, so that --continue skips it when the command line is
/// the same (apart from --continue itself).
/// </summary>
internal sealed class ContinueRecord(string path, string invocation)
{
    public static ContinueRecord For(AbsolutePath root, IReadOnlyList<string> arguments) =>
        new(root / ".nuke" / "temp" / "last-run.json",
            // Hashed: the command line may hold a secret, which must not land on disk either.
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                string.Join('\u001f', arguments.Where(a => ParsedArguments.Normalize(a) != "continue"))))));

    public HashSet<string> Load()
    {
        try
        {
            var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(path));
            return saved is not null && saved.Invocation == invocation ? [.. saved.Succeeded] : [];
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return [];
        }
    }

    public void Save(IEnumerable<string> succeeded)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(new Saved(invocation, [.. succeeded])));
        }
        catch (IOException)
        {
            // Losing the record only means --continue reruns more; never fail the build for it.
        }
    }

    private sealed record Saved(string Invocation, List<string> Succeeded);
}
