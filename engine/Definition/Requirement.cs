using System.Linq.Expressions;

namespace Xooo.Engine;

/// <summary>
/// Something a target needs before the build starts: a parameter with a value, or a condition that holds.
/// Checked for every scheduled target before the first one runs, so a missing token fails in second 0.
/// </summary>
internal sealed record Requirement(string MemberName, string Text, Func<bool> IsMet)
{
    public bool IsParameter => MemberName.Length > 0;

    public static Requirement ForValue<T>(Expression<Func<T>> parameter)
    {
        var member = parameter.Body is MemberExpression m ? m.Member.Name
            : parameter.Body is UnaryExpression { Operand: MemberExpression inner } ? inner.Member.Name
            : throw new ArgumentException($"Requires(() => Member) needs a member access, got '{parameter.Body}'.");
        var read = parameter.Compile(preferInterpretation: true);
        return new Requirement(member, member, () => HasValue(read()));
    }

    /// <param name="text">The condition as written in the source (CallerArgumentExpression), shown when it fails.</param>
    public static Requirement ForCondition(Expression<Func<bool>> condition, string? text)
    {
        var check = condition.Compile(preferInterpretation: true);
        return new Requirement("", text is null ? ConditionText.Of(condition.Body) : ConditionText.OfSource(text), check);
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string s => !string.IsNullOrWhiteSpace(s),
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };
}

/// <summary>Renders an expression the way a reader wrote it, without closure class names.</summary>
internal static class ConditionText
{
    public static string Of(Expression expression) =>
        System.Text.RegularExpressions.Regex.Replace(expression.ToString(), @"value\([^)]*\)\.", "");

    /// <summary>"() => Token != null" reads as "Token != null".</summary>
    public static string OfSource(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"^\(\)\s*=>\s*", "");
}
