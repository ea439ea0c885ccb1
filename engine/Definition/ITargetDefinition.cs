using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Xooo.Engine;

/// <summary>The fluent definition API of a target; every call returns the same definition so calls chain.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Action<CancellationToken> action);
    ITargetDefinition Executes(Func<Task> action);
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>Pulls the targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Pulls this target into the plan of the given targets, before them.</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Orders this target before the given ones when both are in the plan; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Orders this target after the given ones when both are in the plan; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Pulls the given targets into the plan, to run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>This target is pulled into the plan by the given ones, and runs after them.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Checked before anything runs; when false the target is skipped, its source text as the reason.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>Checked just before the target runs; when false the target is skipped, its source text as the reason.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>The parameter (a reference or nullable type, as in Nuke) must have a value; checked for every scheduled target before the first runs.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter) where T : class?;

    /// <summary>The condition must hold; checked for every scheduled target before the first runs.</summary>
    ITargetDefinition Requires(Expression<Func<bool>> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>When this target fails, the targets that do not depend on it still run.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after a failure or Ctrl+C.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from help.</summary>
    ITargetDefinition Unlisted();
}
