namespace Xooo.Engine;

/// <summary>Marks a field or property as a build parameter, injected before the plan runs.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>The name on the command line without dashes; defaults to the member name in kebab case.</summary>
    public string? Name { get; set; }
}

/// <summary>A parameter whose value is never printed: help, logs, command echoes, exceptions, the summary.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
