namespace Xooo.Engine;

/// <summary>The hint after an unknown name: the closest valid one, or the list of valid ones when none is close.</summary>
internal static class Suggestions
{
    public static string For(string typed, IEnumerable<string> valid)
    {
        var names = valid.ToList();
        var key = typed.TrimStart('-').ToLowerInvariant();
        var closest = names.MinBy(n => Distance.Levenshtein(n.TrimStart('-').ToLowerInvariant(), key));
        if (closest is not null && Distance.Levenshtein(closest.TrimStart('-').ToLowerInvariant(), key) <= Math.Max(2, key.Length / 3))
            return $" Did you mean {closest}?";
        return $" Valid names: {string.Join(", ", names)}.";
    }
}
