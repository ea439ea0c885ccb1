using System.Reflection;

namespace Xooo.Engine;

public enum TargetStatus
{
    None,
    Skipped,
    Succeeded,
    Failed,
    NotRun,
}

/// <summary>A target of the build with its resolved edges, and, once run, its outcome.</summary>
internal sealed class ExecutableTarget(string name, Type owner, MethodInfo identity, TargetDefinition definition, int index)
{
    public string Name { get; } = name;

    /// <summary>The class or component interface that declares the target.</summary>
    public Type Owner { get; } = owner;

    /// <summary>The lambda's method: the same for every delegate the property returns.</summary>
    public MethodInfo Identity { get; } = identity;

    public TargetDefinition Definition { get; } = definition;

    /// <summary>Declaration order, which breaks ties in the plan.</summary>
    public int Index { get; } = index;

    /// <summary>Targets that must run first and are pulled into the plan (DependsOn, others' DependentFor).</summary>
    public List<ExecutableTarget> ExecutionDependencies { get; } = [];

    /// <summary>Targets that must run first when both are planned (After, others' Before).</summary>
    public List<ExecutableTarget> OrderDependencies { get; } = [];

    /// <summary>Targets this one pulls in, to run after it (Triggers, others' TriggeredBy).</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public string? Description => Definition.DescriptionText;
    public bool IsDefault { get; set; }
    public bool IsInvoked { get; set; }

    public TargetStatus Status { get; set; }
    public TimeSpan Duration { get; set; }
    public string? Note { get; set; }

    public override string ToString() => Name;
}
