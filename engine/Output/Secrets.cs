using System.Collections.Concurrent;

namespace Xooo.Engine;

/// <summary>
/// Every secret value the build has seen. Anything printed, echoed or thrown passes through <see cref="Mask"/>,
/// so a secret never reaches a log, a command echo, an exception message or the summary.
/// </summary>
public static class Secrets
{
    public const string Placeholder = "***";
    private static readonly ConcurrentDictionary<string, byte> Values = new();

    public static void Register(string? value)
    {
        // Very short values would mask ordinary words; a real token is long.
        if (!string.IsNullOrEmpty(value) && value.Length >= 4)
            Values.TryAdd(value, 0);
    }

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text) || Values.IsEmpty)
            return text ?? "";
        foreach (var secret in Values.Keys.OrderByDescending(s => s.Length))
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        return text;
    }
}
