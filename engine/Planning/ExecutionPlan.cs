namespace Xooo.Engine;

/// <summary>The targets a run will consider, in the order they run; skipped ones keep their place and reason.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<ExecutableTarget> Targets, IReadOnlyList<ExecutableTarget> All)
{
    public IEnumerable<ExecutableTarget> Scheduled => Targets.Where(t => t.Status != TargetStatus.Skipped);
}
