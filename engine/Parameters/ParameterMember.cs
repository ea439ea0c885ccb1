using System.Reflection;

namespace Xooo.Engine;

/// <summary>A [Parameter] field or property of the build, as help, the schema and injection see it.</summary>
public sealed record ParameterMember(MemberInfo Member, string Name, string? Description, Type Type, bool IsSecret)
{
    /// <summary>
    /// Where a value is written when that is not <see cref="Member"/>: for a parameter declared get-only on a
    /// component interface, the build class's property that implements it.
    /// </summary>
    public MemberInfo? Writer { get; init; }

    /// <summary>The option name normalized: how the command line finds it.</summary>
    public string Key { get; } = ParsedArguments.Normalize(Name);

    /// <summary>The names a parameters file or environment variable may use: the option name and the member name.</summary>
    public IReadOnlyList<string> Keys { get; } = KeysOf(Name, Member.Name);

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (Writer ?? Member)
        {
            case FieldInfo field: field.SetValue(build, value); break;
            case PropertyInfo property: property.SetValue(build, value); break;
        }
    }

    private static string[] KeysOf(string name, string memberName)
    {
        var (key, member) = (ParsedArguments.Normalize(name), ParsedArguments.Normalize(memberName));
        return key == member ? [key] : [key, member];
    }
}
