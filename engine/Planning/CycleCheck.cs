namespace Xooo.Engine;

/// <summary>Finds a cycle over all edge kinds of all targets, planned or not, and names the targets in it.</summary>
internal static class CycleCheck
{
    public static void ThrowIfAny(IReadOnlyList<ExecutableTarget> all)
    {
        foreach (var target in all)
            if (target.ExecutionDependencies.Concat(target.OrderDependencies).Concat(target.Triggers).Contains(target))
                throw new UsageException($"Target {target.Name} depends on itself.");

        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the path, true: done
        var path = new List<ExecutableTarget>();
        foreach (var target in all)
            Visit(target, all, state, path);
    }

    private static void Visit(ExecutableTarget target, IReadOnlyList<ExecutableTarget> all, Dictionary<ExecutableTarget, bool> state, List<ExecutableTarget> path)
    {
        if (state.TryGetValue(target, out var done))
        {
            if (!done)
            {
                var cycle = path.Skip(path.IndexOf(target)).Append(target).Select(t => t.Name);
                throw new UsageException($"The targets form a cycle: {string.Join(" -> ", cycle)}.");
            }
            return;
        }
        state[target] = false;
        path.Add(target);
        foreach (var predecessor in PlanBuilder.Predecessors(target, all))
            Visit(predecessor, all, state, path);
        path.RemoveAt(path.Count - 1);
        state[target] = true;
    }
}
