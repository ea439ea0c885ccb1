using System.Reflection;

namespace Xooo.Engine;

/// <summary>A [Parameter] field or property of the build, as help, the schema and injection see it.</summary>
public sealed record ParameterMember(MemberInfo Member, string Name, string? Description, Type Type, bool IsSecret)
{
    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field: field.SetValue(build, value); break;
            case PropertyInfo property: property.SetValue(build, value); break;
        }
    }
}
