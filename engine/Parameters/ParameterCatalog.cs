using System.Collections.Concurrent;
using System.Reflection;

namespace Xooo.Engine;

/// <summary>
/// Finds the [Parameter] members of a build type: fields and properties of the class and its bases, and
/// properties of the component interfaces it implements. Read once per type.
/// </summary>
public static class ParameterCatalog
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ParameterMember>> Cache = new();

    public static IReadOnlyList<ParameterMember> Of(Type buildType) => Cache.GetOrAdd(buildType, Find);

    public static string KebabCase(string name)
    {
        name = name.TrimStart('_'); // a private field's prefix is not part of the name
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // A word starts at an upper-case letter after a lower-case one or a digit, or at the last capital
            // of an acronym followed by lower case: IOPath -> io-path, MaxAgeDays -> max-age-days.
            if (i > 0 && char.IsUpper(c) && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && name[i - 1] != '_')
                text.Append('-');
            text.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static IReadOnlyList<ParameterMember> Find(Type buildType)
    {
        // IsDefined before GetCustomAttribute: making attribute instances is the slow part of a cold start.
        var found = new List<ParameterMember>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Instance | BindingFlags.DeclaredOnly))
                if (field.IsDefined(typeof(ParameterAttribute), inherit: false))
                    found.Add(Describe(field, field.FieldType));
            foreach (var property in type.GetProperties(Instance | BindingFlags.DeclaredOnly))
                if (property.IsDefined(typeof(ParameterAttribute), inherit: false))
                    found.Add(Describe(property, property.PropertyType));
        }

        foreach (var @interface in buildType.GetInterfaces())
            foreach (var property in @interface.GetProperties(Instance | BindingFlags.DeclaredOnly))
            {
                if (!property.IsDefined(typeof(ParameterAttribute), inherit: false) || property.GetMethod is null)
                    continue;
                var implementation = Implementation(buildType, @interface, property);
                if (implementation?.IsDefined(typeof(ParameterAttribute), inherit: false) == true)
                    continue; // the class declares it again, with its own attribute: already listed
                MemberInfo writer = property.SetMethod is not null ? property
                    : implementation?.SetMethod is not null ? implementation
                    : throw new UsageException(
                        $"Parameter {@interface.Name}.{property.Name} cannot be set: implement it in {buildType.Name} as a property with a setter ({{ get; set; }}).");
                found.Add(Describe(property, property.PropertyType) with { Writer = writer });
            }

        ThrowOnClashes(found);
        return found;
    }

    private static ParameterMember Describe(MemberInfo member, Type type)
    {
        var attribute = member.GetCustomAttribute<ParameterAttribute>()!;
        return new(member, attribute.Name ?? KebabCase(member.Name), attribute.Description, type, member.IsDefined(typeof(SecretAttribute), inherit: false));
    }

    /// <summary>The class property that implements an interface property, or null when the interface's default stands.</summary>
    private static PropertyInfo? Implementation(Type buildType, Type @interface, PropertyInfo property)
    {
        var map = buildType.GetInterfaceMap(@interface);
        var getter = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, property.GetMethod)];
        if (getter.DeclaringType is not { IsInterface: false } declaring)
            return null;
        return declaring.GetProperties(Instance | BindingFlags.DeclaredOnly).FirstOrDefault(p => p.GetMethod == getter);
    }

    private static void ThrowOnClashes(List<ParameterMember> parameters)
    {
        var builtIn = ParameterInjector.BuiltInOptions.Select(ParsedArguments.Normalize).ToHashSet();
        var seen = new Dictionary<string, ParameterMember>();
        foreach (var parameter in parameters)
        {
            var key = parameter.Key;
            if (builtIn.Contains(key))
                throw new UsageException($"Parameter {Owner(parameter)} is named --{parameter.Name}, which is one of the engine's own options.");
            if (seen.TryGetValue(key, out var other))
                throw new UsageException($"Two parameters are named --{parameter.Name}: {Owner(other)} and {Owner(parameter)}.");
            seen[key] = parameter;
        }
    }

    private static string Owner(ParameterMember parameter) => $"{parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}";
}
