using System.Linq.Expressions;

namespace Xooo.Engine;

/// <summary>Records what a target's delegate says of it; the plan reads it afterwards.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public List<TargetReference> Dependencies { get; } = [];
    public List<TargetReference> Dependents { get; } = [];
    public List<TargetReference> RunsBefore { get; } = [];
    public List<TargetReference> RunsAfter { get; } = [];
    public List<TargetReference> TriggersTargets { get; } = [];
    public List<TargetReference> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public DependencyBehavior SkippedDependencyBehavior { get; private set; } = DependencyBehavior.Skip;
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);

    public ITargetDefinition Executes(Action action) => Set(() => Actions.Add(_ => { action(); return Task.CompletedTask; }));
    public ITargetDefinition Executes(Action<CancellationToken> action) => Set(() => Actions.Add(token => { action(token); return Task.CompletedTask; }));
    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add(_ => action()));
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add(action));

    public ITargetDefinition DependsOn(params Target[] targets) => Add(Dependencies, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(Dependencies, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(Dependents, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(Dependents, targets);
    public ITargetDefinition Before(params Target[] targets) => Add(RunsBefore, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(RunsBefore, targets);
    public ITargetDefinition After(params Target[] targets) => Add(RunsAfter, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(RunsAfter, targets);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? text = null) =>
        Set(() => StaticConditions.Add(new Condition(condition, text ?? "condition")));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? text = null) =>
        Set(() => DynamicConditions.Add(new Condition(condition, text ?? "condition")));

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Set(() => SkippedDependencyBehavior = behavior);

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter) where T : class? => Set(() => Requirements.Add(Requirement.ForValue(parameter)));
    public ITargetDefinition Requires(Expression<Func<bool>> condition, string? text = null) => Set(() => Requirements.Add(Requirement.ForCondition(condition, text)));

    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets) =>
        Set(() => list.AddRange(targets.Select(target => new TargetReference(_ => target))));

    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets) =>
        Set(() => list.AddRange(targets.Select(select => new TargetReference(build => select((T)build)))));
}

/// <summary>A target named by a definition, resolved against the build instance when the plan is made.</summary>
internal sealed record TargetReference(Func<object, Target> Resolve);

/// <summary>A condition with its source text, which becomes the skip reason.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text);
