using System.Text;

namespace Xooo.Engine;

/// <summary>
/// A unified diff of two texts, line based with three lines of context, as `diff -u` prints it and `patch`
/// applies it: `--- a/path` / `+++ b/path` headers (`--- /dev/null` for a new file), `@@ -a,b +c,d @@` hunks,
/// and "\ No newline at end of file" after a last line that has none.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;
    private const string NoNewline = "\\ No newline at end of file";

    /// <summary>The diff from <paramref name="oldText"/> (null: the file does not exist yet) to <paramref name="newText"/>; empty when they are equal.</summary>
    public static string Create(string? oldText, string newText, string path)
    {
        var a = SplitLines(oldText ?? "");
        var b = SplitLines(newText);
        var edits = LineDiff.Compute(a, b);
        if (edits.All(e => e.Kind == LineDiff.Kind.Equal))
            return "";

        var text = new StringBuilder();
        text.Append(oldText is null ? "--- /dev/null" : $"--- a/{path}").Append('\n');
        text.Append($"+++ b/{path}").Append('\n');
        foreach (var (start, end) in Hunks(edits))
            AppendHunk(text, edits, start, end, a, b);
        return text.ToString();
    }

    /// <summary>Lines with their terminator kept, so a last line without one differs from the same line with one.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }

    /// <summary>[start, end) ranges of the edit script: changes with their context, merged when the contexts touch.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<LineDiff.Edit> edits)
    {
        var changes = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != LineDiff.Kind.Equal).ToList();
        var first = 0;
        while (first < changes.Count)
        {
            var last = first;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] - 1 <= 2 * ContextLines)
                last++;
            yield return (Math.Max(0, changes[first] - ContextLines), Math.Min(edits.Count, changes[last] + 1 + ContextLines));
            first = last + 1;
        }
    }

    private static void AppendHunk(StringBuilder text, List<LineDiff.Edit> edits, int start, int end, List<string> a, List<string> b)
    {
        var range = edits.GetRange(start, end - start);
        // Where the hunk starts in each file: the number of that file's lines before it.
        var oldBefore = edits.Take(start).Count(e => e.Kind != LineDiff.Kind.Insert);
        var newBefore = edits.Take(start).Count(e => e.Kind != LineDiff.Kind.Delete);
        var oldCount = range.Count(e => e.Kind != LineDiff.Kind.Insert);
        var newCount = range.Count(e => e.Kind != LineDiff.Kind.Delete);
        text.Append($"@@ -{Range(oldBefore, oldCount)} +{Range(newBefore, newCount)} @@").Append('\n');
        foreach (var edit in range)
        {
            var (marker, line) = edit.Kind switch
            {
                LineDiff.Kind.Equal => (' ', a[edit.OldIndex]),
                LineDiff.Kind.Delete => ('-', a[edit.OldIndex]),
                _ => ('+', b[edit.NewIndex]),
            };
            text.Append(marker);
            if (line.EndsWith('\n'))
                text.Append(line);
            else
                text.Append(line).Append('\n').Append(NoNewline).Append('\n');
        }
    }

    /// <summary>As diff writes it: "start,count", the count left out when it is 1, an empty range named by the line before it.</summary>
    private static string Range(int before, int count) => count switch
    {
        0 => $"{before},0",
        1 => $"{before + 1}",
        _ => $"{before + 1},{count}",
    };
}
