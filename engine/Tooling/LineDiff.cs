namespace Xooo.Engine;

/// <summary>
/// The shortest edit script between two lists of lines (Myers' O((N+M)D) algorithm), as a list of
/// <see cref="Edit"/>s in file order. Within a run of changes, deletions come before insertions, as diff prints them.
/// </summary>
internal static class LineDiff
{
    public enum Kind { Equal, Delete, Insert }

    /// <summary>One line of the script: its kind and its index in the old and the new list (-1 where it has none).</summary>
    public readonly record struct Edit(Kind Kind, int OldIndex, int NewIndex);

    // Beyond this many remembered cells (two huge, unrelated files) the script falls back to "replace all":
    // still a correct patch, only not the shortest.
    private const long TraceLimit = 32_000_000;

    public static List<Edit> Compute(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
            suffix++;

        var edits = new List<Edit>();
        for (var i = 0; i < prefix; i++)
            edits.Add(new Edit(Kind.Equal, i, i));
        var middle = Middle(a, b, prefix, a.Count - prefix - suffix, b.Count - prefix - suffix);
        edits.AddRange(DeletionsFirst(middle));
        for (var i = suffix; i > 0; i--)
            edits.Add(new Edit(Kind.Equal, a.Count - i, b.Count - i));
        return edits;
    }

    /// <summary>The script for a[offset..offset+n) against b[offset..offset+m).</summary>
    private static List<Edit> Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int offset, int n, int m)
    {
        var max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            if ((long)(d + 1) * v.Length > TraceLimit)
                return ReplaceAll(offset, n, m);
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[offset + x] == b[offset + y])
                    (x, y) = (x + 1, y + 1);
                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }
        return Backtrack(trace, max, offset, n, m);
    }

    private static List<Edit> Backtrack(List<int[]> trace, int max, int offset, int n, int m)
    {
        var edits = new List<Edit>();
        var (x, y) = (n, m);
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var previousX = v[max + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                (x, y) = (x - 1, y - 1);
                edits.Add(new Edit(Kind.Equal, offset + x, offset + y));
            }
            if (d > 0)
            {
                if (x == previousX)
                    edits.Add(new Edit(Kind.Insert, -1, offset + y - 1));
                else
                    edits.Add(new Edit(Kind.Delete, offset + x - 1, -1));
            }
            (x, y) = (previousX, previousY);
        }
        edits.Reverse();
        return edits;
    }

    private static List<Edit> ReplaceAll(int offset, int n, int m) =>
        [.. Enumerable.Range(offset, n).Select(i => new Edit(Kind.Delete, i, -1)), .. Enumerable.Range(offset, m).Select(j => new Edit(Kind.Insert, -1, j))];

    private static IEnumerable<Edit> DeletionsFirst(List<Edit> edits)
    {
        for (var start = 0; start < edits.Count;)
        {
            if (edits[start].Kind == Kind.Equal)
            {
                yield return edits[start++];
                continue;
            }
            var end = start;
            while (end < edits.Count && edits[end].Kind != Kind.Equal)
                end++;
            foreach (var edit in edits.Skip(start).Take(end - start).OrderBy(e => e.Kind == Kind.Delete ? 0 : 1))
                yield return edit;
            start = end;
        }
    }
}
