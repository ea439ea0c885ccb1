using Tomlyn.Syntax;

namespace Xooo.Build.Deployer;

/// <summary>
/// Small edits of a Tomlyn syntax tree that keep every byte they do not own: comments and blank lines are trivia
/// hung on neighbouring tokens, so a replaced value takes over the old one's trivia, and an appended entry takes
/// over the trivia that followed the entry it is appended after (the blank lines and comments that lead to the
/// next table stay in front of that table).
/// </summary>
internal static class TomlSyntax
{
    public static string[] KeyPath(KeySyntax? key) =>
        key is null ? [] : [Name(key.Key), .. key.DotKeys.Select(dot => Name(dot.Key))];

    public static T? Last<T>(SyntaxList<T> list) where T : SyntaxNode =>
        list.ChildrenCount > 0 ? list.GetChild(list.ChildrenCount - 1) : null;

    public static string Dotted(IEnumerable<string> path) => string.Join('.', path);

    /// <summary>1-based line of a node, as an editor shows it.</summary>
    public static int Line(SyntaxNode node) => node.Span.Start.Line + 1;

    public static KeyValueSyntax? Find(SyntaxList<KeyValueSyntax> items, string name)
    {
        foreach (var item in items)
            if (KeyPath(item.Key) is [var only] && only == name)
                return item;
        return null;
    }

    /// <summary>The values of an array of strings; null for anything else.</summary>
    public static string[]? StringArray(ValueSyntax? value)
    {
        if (value is not ArraySyntax array)
            return null;
        var values = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.Value is not StringValueSyntax text)
                return null;
            values.Add(text.Value ?? "");
        }
        return [.. values];
    }

    /// <summary>A value on one line, for messages: decoded strings for a string array, else the source text.</summary>
    public static string Describe(ValueSyntax? value) =>
        StringArray(value) is { } strings
            ? "[" + string.Join(", ", strings.Select(s => "\"" + s + "\"")) + "]"
            : string.Join(' ', (value?.ToString() ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();

    public static void ReplaceValue(KeyValueSyntax keyValue, ValueSyntax replacement)
    {
        var old = keyValue.Value ?? throw new InvalidOperationException("A parsed key/value has a value.");
        var (oldFirst, oldLast) = (Tokens(old).First(), Tokens(old).Last());
        var (newFirst, newLast) = (Tokens(replacement).First(), Tokens(replacement).Last());
        newFirst.LeadingTrivia = oldFirst.LeadingTrivia;
        newLast.TrailingTrivia = oldLast.TrailingTrivia;
        (replacement.LeadingTrivia, replacement.TrailingTrivia) = (old.LeadingTrivia, old.TrailingTrivia);
        keyValue.Value = replacement;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> after <paramref name="anchor"/>, the end-of-line token of what it follows;
    /// null when what it follows is the last line of a file without a final newline.
    /// </summary>
    public static void Append(SyntaxList<KeyValueSyntax> items, KeyValueSyntax entry, SyntaxToken? anchor, string newLine)
    {
        if (anchor is null)
            entry.LeadingTrivia = [NewLine(newLine)];
        else
        {
            entry.EndOfLineToken!.TrailingTrivia = anchor.TrailingTrivia;
            anchor.TrailingTrivia = null;
        }
        items.Add(entry);
    }

    public static KeyValueSyntax NewEntry(string key, ValueSyntax value, string newLine) =>
        new(key, value) { EndOfLineToken = new SyntaxToken(TokenKind.NewLine, newLine) };

    public static SyntaxTrivia NewLine(string newLine) => new(TokenKind.NewLine, newLine);

    public static SyntaxToken Comma(List<SyntaxTrivia>? trailing) => new(TokenKind.Comma, ",") { TrailingTrivia = trailing };

    public static bool HasNewLine(List<SyntaxTrivia>? trivia) => trivia?.Any(t => t.Kind == TokenKind.NewLine) == true;

    public static List<SyntaxTrivia>? Copy(IEnumerable<SyntaxTrivia>? trivia) => trivia?.Select(t => new SyntaxTrivia(t.Kind, t.Text ?? "")).ToList();

    /// <summary>The whitespace that starts the next line, after the last line break: an array item's indentation.</summary>
    public static List<SyntaxTrivia> IndentAfterLastNewLine(List<SyntaxTrivia>? trivia) =>
        trivia is null ? [] : [.. trivia.Skip(trivia.FindLastIndex(t => t.Kind == TokenKind.NewLine) + 1).Where(t => t.Kind == TokenKind.Whitespaces)];

    public static IEnumerable<SyntaxToken> Tokens(SyntaxNode node)
    {
        if (node is SyntaxToken token)
        {
            yield return token;
            yield break;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
            if (node.GetChild(i) is { } child)
                foreach (var inner in Tokens(child))
                    yield return inner;
    }

    private static string Name(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };
}
