using System.Reflection;
using System.Text.RegularExpressions;

namespace Xooo.Engine;

/// <summary>One generated workflow: its path under the repository root and its text.</summary>
public sealed record WorkflowFile(string RelativePath, string Text);

/// <summary>
/// The workflows a build class describes with <see cref="GitHubActionsAttribute"/>, checked against its targets
/// and parameters (a misspelt target fails every run, not the first CI run), and kept up to date on disk.
/// </summary>
public static partial class GitHubWorkflows
{
    public const string Folder = ".github/workflows";

    /// <summary>The workflow files of a build class, as they should be committed.</summary>
    public static IReadOnlyList<WorkflowFile> Generate(Type buildType)
    {
        var build = Activator.CreateInstance(buildType)
            ?? throw new InvalidOperationException($"Could not create {buildType.Name}.");
        return Generate(buildType, build, TargetCollector.Collect(build).Select(t => t.Name).ToList());
    }

    /// <summary>
    /// Called at the start of every run: rewrites the workflow files whose text changed (a dry run prints the
    /// diff instead). Only on a workstation (on CI the checkout is what was committed) and only in the build's own
    /// repository (the root holds .nuke/), so a test that runs a build in a scratch folder gets no files.
    /// </summary>
    internal static void Update(object build, IReadOnlyList<ExecutableTarget> targets, AbsolutePath root, HostKind host, FileWriter files)
    {
        if (host != HostKind.Terminal || !build.GetType().IsDefined(typeof(GitHubActionsAttribute), inherit: false)
            || !Directory.Exists(root / ".nuke"))
            return;
        var stamp = new WorkflowStamp(root, build.GetType());
        if (stamp.IsCurrent())
            return;
        var workflows = Generate(build.GetType(), build, targets.Select(t => t.Name).ToList());
        foreach (var file in workflows)
            files.Write(root / file.RelativePath, file.Text);
        if (!files.IsDryRun)
            stamp.Save(workflows);
    }

    /// <param name="build">An instance whose parameters still hold their declared defaults.</param>
    internal static IReadOnlyList<WorkflowFile> Generate(Type buildType, object build, IReadOnlyList<string> targetNames)
    {
        var workflows = buildType.GetCustomAttributes<GitHubActionsAttribute>(inherit: false).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        var files = new List<WorkflowFile>();
        foreach (var workflow in workflows)
        {
            var where = $"[GitHubActions(\"{workflow.Name}\")] on {buildType.Name}";
            if (!NamePattern().IsMatch(workflow.Name))
                throw new UsageException($"{where}: the name must be letters, digits, '-' and '_' (it names the file and the job).");
            if (workflows.Count(w => w.Name.Equals(workflow.Name, StringComparison.OrdinalIgnoreCase)) > 1)
                throw new UsageException($"{where}: two workflows have this name.");
            Check(where, workflow);
            var targets = workflow.InvokedTargets.Select(name => ResolveTarget(where, name, targetNames)).ToList();
            var inputs = workflow.OnWorkflowDispatchInputs.Select(name => ResolveInput(where, name, buildType, build)).ToList();
            files.Add(new WorkflowFile($"{Folder}/{workflow.Name}.yml", WorkflowWriter.Write(workflow, targets, inputs, buildType.Name)));
        }
        return files;
    }

    private static void Check(string where, GitHubActionsAttribute workflow)
    {
        if (workflow.InvokedTargets.Length == 0)
            throw new UsageException($"{where}: InvokedTargets is empty; name the targets the workflow runs.");
        if (workflow.RunsOn.Length == 0 || workflow.RunsOn.Any(string.IsNullOrWhiteSpace))
            throw new UsageException($"{where}: RunsOn needs at least one runner label, and no empty ones.");
        if (workflow.OnPushBranches.Length == 0 && workflow.OnPushPaths.Length == 0 && workflow.OnCronSchedule is null && !workflow.OnWorkflowDispatch)
            throw new UsageException($"{where}: no trigger; set OnPushBranches, OnPushPaths, OnCronSchedule or OnWorkflowDispatch.");
        if (workflow.OnCronSchedule is { } cron && cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
            throw new UsageException($"{where}: OnCronSchedule '{cron}' is not a cron expression of five fields (minute hour day month weekday).");
        if (workflow.OnWorkflowDispatchInputs.Length > 0 && !workflow.OnWorkflowDispatch)
            throw new UsageException($"{where}: OnWorkflowDispatchInputs needs OnWorkflowDispatch = true.");
        if (workflow.ImportSecrets.FirstOrDefault(s => !SecretPattern().IsMatch(s)) is { } secret)
            throw new UsageException($"{where}: '{secret}' in ImportSecrets is not a secret name (letters, digits and '_', not starting with a digit).");
        if (workflow.TimeoutMinutes < 0)
            throw new UsageException($"{where}: TimeoutMinutes {workflow.TimeoutMinutes} is negative.");
    }

    private static string ResolveTarget(string where, string name, IReadOnlyList<string> targetNames) =>
        targetNames.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"{where}: '{name}' in InvokedTargets is not a target of the build; targets: {string.Join(", ", targetNames)}.");

    private static WorkflowInput ResolveInput(string where, string name, Type buildType, object build)
    {
        var parameters = ParameterCatalog.Of(buildType);
        var parameter = parameters.FirstOrDefault(p => ParsedArguments.Normalize(p.Name) == ParsedArguments.Normalize(name))
            ?? throw new UsageException($"{where}: '{name}' in OnWorkflowDispatchInputs is not a parameter of the build; parameters: {string.Join(", ", parameters.Select(p => p.Name))}.");
        if (parameter.IsSecret)
            throw new UsageException($"{where}: '{name}' is a secret; pass it with ImportSecrets, never as an input (inputs are shown in the run's page).");
        return WorkflowInput.From(parameter, parameter.GetValue(build));
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretPattern();
}
