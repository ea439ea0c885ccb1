namespace Xooo.Engine;

/// <summary>Checks every scheduled target's Requires before the first target runs, and names all that fail.</summary>
internal static class RequirementCheck
{
    public static void ThrowIfUnmet(ExecutionPlan plan, object build)
    {
        var parameters = ParameterCatalog.Of(build.GetType());
        var unmet = plan.Scheduled
            .SelectMany(t => t.Definition.Requirements.Where(r => !r.IsMet()).Select(r => (Target: t, Requirement: r)))
            .Select(p => p.Requirement.IsParameter
                ? $"{p.Target.Name} needs parameter --{parameters.FirstOrDefault(x => x.Member.Name == p.Requirement.MemberName)?.Name ?? ParameterCatalog.KebabCase(p.Requirement.MemberName)}"
                : $"{p.Target.Name} needs {p.Requirement.Text}")
            .ToList();
        if (unmet.Count > 0)
            throw new UsageException("Requirements not met, nothing was run:" + string.Concat(unmet.Select(u => Environment.NewLine + "  - " + u)));
    }
}
