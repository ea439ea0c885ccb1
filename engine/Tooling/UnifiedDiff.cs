namespace Xooo.Engine;

/// <summary>A unified diff of two texts (line based, three lines of context), as `diff -u` prints it.</summary>
public static class UnifiedDiff
{
    public static string Create(string oldText, string newText, string path)
    {
        // Placeholder until the process/dry-run issue lands a real LCS diff.
        var lines = new List<string> { $"--- a/{path}", $"+++ b/{path}" };
        lines.AddRange(Split(oldText).Select(l => "-" + l));
        lines.AddRange(Split(newText).Select(l => "+" + l));
        return string.Join(Environment.NewLine, lines);
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
