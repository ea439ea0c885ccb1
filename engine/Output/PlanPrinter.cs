namespace Xooo.Engine;

/// <summary>--plan: the ordered plan with each target's edges and, for skipped ones, why.</summary>
internal static class PlanPrinter
{
    public static void Print(BuildOutput output, ExecutionPlan plan)
    {
        output.WriteLine("Plan:");
        var step = 0;
        foreach (var target in plan.Targets)
        {
            var state = target.Status == TargetStatus.Skipped ? $"skip ({target.Note})" : $"{++step}.";
            var marks = string.Join(", ", Edges(target, plan.Targets));
            output.WriteLine($"  {state,-4} {target.Name}{(target.IsInvoked ? " *" : "")}{(marks.Length > 0 ? "  [" + marks + "]" : "")}");
        }
        output.WriteLine();
        output.WriteLine("* invoked; [after: ordering, needs: dependency, triggered by: trigger]");
    }

    private static IEnumerable<string> Edges(ExecutableTarget target, IReadOnlyList<ExecutableTarget> planned)
    {
        var needs = target.ExecutionDependencies.Where(planned.Contains).Select(d => d.Name).ToList();
        var after = target.OrderDependencies.Where(planned.Contains).Select(d => d.Name).ToList();
        var triggeredBy = planned.Where(t => t.Triggers.Contains(target)).Select(t => t.Name).ToList();
        if (needs.Count > 0) yield return "needs " + string.Join(", ", needs);
        if (after.Count > 0) yield return "after " + string.Join(", ", after);
        if (triggeredBy.Count > 0) yield return "triggered by " + string.Join(", ", triggeredBy);
    }
}
