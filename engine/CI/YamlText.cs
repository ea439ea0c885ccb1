using System.Globalization;
using System.Text.RegularExpressions;

namespace Xooo.Engine;

/// <summary>YAML scalars for the workflow writer: plain where that reads the same to every parser, else single-quoted.</summary>
internal static partial class YamlText
{
    // Words a YAML 1.1 parser (GitHub's among them) would read as booleans or null.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        { "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~" };

    public static string Scalar(string value) => IsPlain(value) || IsExpression(value) ? value : Quoted(value);

    /// <summary>A flow sequence: [a, b, c]. Braces are flow indicators there, so expressions are quoted.</summary>
    public static string Sequence(IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Select(v => IsPlain(v) ? v : Quoted(v))) + "]";

    private static string Quoted(string value) =>
        value.Any(char.IsControl) ? DoubleQuoted(value) : "'" + value.Replace("'", "''") + "'";

    /// <summary>A string literal inside a GitHub expression.</summary>
    public static string ExpressionLiteral(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Single quotes cannot hold a line break (it folds to a space): control characters need escapes.</summary>
    private static string DoubleQuoted(string value) =>
        "\"" + string.Concat(value.Select(c => c switch
        {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            _ when char.IsControl(c) => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        })) + "\"";

    private static bool IsPlain(string value) =>
        PlainPattern().IsMatch(value) && !Reserved.Contains(value) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>${{ ... }} on one line: GitHub's own examples leave these unquoted.</summary>
    private static bool IsExpression(string value) =>
        value.StartsWith("${{ ", StringComparison.Ordinal) && value.EndsWith(" }}", StringComparison.Ordinal)
        && !value.Contains('\n') && !value.Contains(" #", StringComparison.Ordinal) && !value.Contains(": ", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./@+ -]*(?<! )$")]
    private static partial Regex PlainPattern();
}
