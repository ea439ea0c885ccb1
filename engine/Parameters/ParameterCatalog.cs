using System.Reflection;

namespace Xooo.Engine;

/// <summary>Finds the [Parameter] members of a build type.</summary>
public static class ParameterCatalog
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<ParameterMember> Of(Type buildType) =>
        buildType.GetMembers(Instance)
            .Where(m => m is FieldInfo or PropertyInfo)
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new ParameterMember(
                p.Member,
                p.Attribute!.Name ?? KebabCase(p.Member.Name),
                p.Attribute.Description,
                p.Member is FieldInfo f ? f.FieldType : ((PropertyInfo)p.Member).PropertyType,
                p.Member.GetCustomAttribute<SecretAttribute>() is not null))
            .ToList();

    public static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
