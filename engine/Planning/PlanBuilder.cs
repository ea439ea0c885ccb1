namespace Xooo.Engine;

/// <summary>
/// Makes the plan: the invoked targets, their execution dependencies and what they trigger, ordered
/// topologically over all edges (ties by declaration order), with --skip and static conditions applied.
/// </summary>
internal static class PlanBuilder
{
    /// <param name="skip">null: no --skip; empty: a bare --skip (skip all not invoked); else the names to skip.</param>
    public static ExecutionPlan Create(IReadOnlyList<ExecutableTarget> all, IReadOnlyList<string> invokedNames, IReadOnlyList<string>? skip)
    {
        CycleCheck.ThrowIfAny(all);
        var invoked = invokedNames.Select(name => Resolve(all, name)).Distinct().ToList();
        foreach (var target in invoked)
            target.IsInvoked = true;
        var skipped = skip is null ? [] : skip.Count == 0
            ? all.Where(t => !t.IsInvoked).ToDictionary(t => t, _ => "--skip")
            : skip.Select(name => Resolve(all, name)).Where(t => !t.IsInvoked).Distinct().ToDictionary(t => t, _ => "--skip");

        var planned = Pull(invoked);
        foreach (var target in planned.Where(t => !skipped.ContainsKey(t)))
            if (target.Definition.StaticConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
                skipped[target] = $"condition false: {condition.Text}";

        var scheduled = Pull(invoked.Where(t => !skipped.ContainsKey(t)), through: t => !skipped.ContainsKey(t) || t.Definition.SkippedDependencyBehavior == DependencyBehavior.Execute);
        foreach (var target in planned)
        {
            if (skipped.TryGetValue(target, out var reason))
                (target.Status, target.Note) = (TargetStatus.Skipped, reason);
            else if (!scheduled.Contains(target))
                (target.Status, target.Note) = (TargetStatus.Skipped, $"only needed by skipped {string.Join(", ", NeededBy(target, planned))}");
        }
        return new ExecutionPlan(Order(planned), all);
    }

    public static ExecutableTarget Resolve(IReadOnlyList<ExecutableTarget> all, string name) =>
        all.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException(UnknownTarget(all, name));

    public static string UnknownTarget(IReadOnlyList<ExecutableTarget> all, string name)
    {
        var closest = all.MinBy(t => Distance.Levenshtein(t.Name.ToLowerInvariant(), name.ToLowerInvariant()))!;
        var hint = Distance.Levenshtein(closest.Name.ToLowerInvariant(), name.ToLowerInvariant()) <= Math.Max(2, name.Length / 3)
            ? $" Did you mean {closest.Name}?" : "";
        return $"Unknown target '{name}'.{hint} Available targets: {string.Join(", ", all.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name))}.";
    }

    /// <summary>Everything reachable from the roots over execution dependencies and triggers.</summary>
    /// <param name="through">Whether to go on past a target; a skipped target only passes when it says WhenSkipped(Execute).</param>
    private static HashSet<ExecutableTarget> Pull(IEnumerable<ExecutableTarget> roots, Func<ExecutableTarget, bool>? through = null)
    {
        var reached = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(roots);
        while (pending.TryPop(out var target))
        {
            if (!reached.Add(target) || (through is not null && !through(target)))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.Triggers))
                pending.Push(next);
        }
        return reached;
    }

    private static IEnumerable<string> NeededBy(ExecutableTarget target, HashSet<ExecutableTarget> planned) =>
        planned.Where(t => t.Status == TargetStatus.Skipped && (t.ExecutionDependencies.Contains(target) || t.Triggers.Contains(target)))
            .Select(t => t.Name).DefaultIfEmpty("targets");

    /// <summary>Kahn's algorithm over execution, order and trigger edges; the earliest declared ready target goes first.</summary>
    private static List<ExecutableTarget> Order(HashSet<ExecutableTarget> planned)
    {
        var before = planned.ToDictionary(t => t, t => Predecessors(t, planned).ToHashSet());
        var ordered = new List<ExecutableTarget>();
        while (before.Count > 0)
        {
            var next = before.Where(p => p.Value.Count == 0).Select(p => p.Key).MinBy(t => t.Index)!;
            ordered.Add(next);
            before.Remove(next);
            foreach (var waiting in before.Values)
                waiting.Remove(next);
        }
        return ordered;
    }

    public static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target, IReadOnlyCollection<ExecutableTarget> among) =>
        target.ExecutionDependencies.Concat(target.OrderDependencies)
            .Concat(among.Where(other => other.Triggers.Contains(target)))
            .Where(among.Contains);
}
