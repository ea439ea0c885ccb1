using System.Globalization;
using System.Numerics;

namespace Xooo.Engine;

/// <summary>
/// Turns a parameter's raw words into its type: string, bool, int, long, double, enums (case-insensitive,
/// kebab-case allowed), nullable forms, arrays of these, and <see cref="AbsolutePath"/> (relative to the root).
/// A bad value is a usage error naming the parameter, the value (unless secret) and what was expected.
/// </summary>
internal static class ValueConverter
{
    public static bool IsFlag(Type type) => Scalar(type) == typeof(bool) && !type.IsArray;

    public static object? Convert(ParameterMember parameter, RawValue raw, AbsolutePath root)
    {
        if (parameter.Type.IsArray)
        {
            var element = parameter.Type.GetElementType()!;
            var array = Array.CreateInstance(element, raw.Tokens.Count);
            for (var i = 0; i < raw.Tokens.Count; i++)
                array.SetValue(ConvertOne(parameter, element, raw.Tokens[i], raw, root), i);
            return array;
        }
        if (raw.Tokens.Count == 0)
            return IsFlag(parameter.Type) ? true : throw Error(parameter, raw, "needs a value");
        if (raw.IsList || raw.Tokens.Count > 1)
            throw Error(parameter, raw, parameter.IsSecret
                ? $"takes one value, got {raw.Tokens.Count}"
                : $"takes one value, got {raw.Tokens.Count}: {string.Join(' ', raw.Tokens)}" + (raw.Origin is null ? " (targets go before the first option)" : ""));
        return ConvertOne(parameter, parameter.Type, raw.Tokens[0], raw, root);
    }

    /// <summary>The names an enum accepts, as a user types them: kebab case.</summary>
    public static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(Scalar(type)).Select(ParameterCatalog.KebabCase);

    /// <summary>The type without Nullable and without the array around it.</summary>
    public static Type Scalar(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    private static object ConvertOne(ParameterMember parameter, Type type, string token, RawValue raw, AbsolutePath root)
    {
        var scalar = Scalar(type);
        var problem = TryConvert(scalar, token, root, out var value);
        return problem is null ? value! : throw Error(parameter, raw, parameter.IsSecret ? $"the value given is not {problem}" : $"'{token}' is not {problem}");
    }

    /// <returns>null when converted, else what was expected ("a whole number").</returns>
    private static string? TryConvert(Type type, string token, AbsolutePath root, out object? value)
    {
        value = null;
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(string))
            value = token;
        else if (type == typeof(bool))
            value = bool.TryParse(token.Trim(), out var flag) ? flag : null;
        else if (type == typeof(int))
            value = int.TryParse(token, NumberStyles.Integer, invariant, out var number) ? number : null;
        else if (type == typeof(long))
            value = long.TryParse(token, NumberStyles.Integer, invariant, out var big) ? big : null;
        else if (type == typeof(double))
            value = double.TryParse(token, NumberStyles.Float, invariant, out var real) && double.IsFinite(real) ? real : null;
        else if (type.IsEnum)
            value = Enum.GetNames(type).FirstOrDefault(n => ParsedArguments.Normalize(n) == ParsedArguments.Normalize(token)) is { } name ? Enum.Parse(type, name) : null;
        else if (type == typeof(AbsolutePath))
            value = Path(token, root);
        else
            throw new UsageException($"Parameters of type {type.Name} are not supported: use string, bool, int, long, double, an enum, AbsolutePath, or an array of these.");

        return value is not null ? null
            : type == typeof(bool) ? "true or false"
            : type == typeof(int) ? WholeNumber(token, int.MinValue, int.MaxValue)
            : type == typeof(long) ? WholeNumber(token, long.MinValue, long.MaxValue)
            : type == typeof(double) ? "a number"
            : type.IsEnum ? "one of: " + string.Join(", ", EnumNames(type))
            : "a path";
    }

    private static AbsolutePath? Path(string token, AbsolutePath root)
    {
        try
        {
            return token.Length > 0 ? AbsolutePath.Create(token, root) : null;
        }
        catch (ArgumentException)
        {
            return null; // not a path this system can hold (a NUL character): reported as such
        }
    }

    private static string WholeNumber<T>(string token, T min, T max) =>
        BigInteger.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? $"a whole number from {min} to {max}"
            : "a whole number";

    private static UsageException Error(ParameterMember parameter, RawValue raw, string problem) =>
        new($"--{parameter.Name}: {problem}{(raw.Origin is null ? "" : $" (from {raw.Origin})")}.");
}
