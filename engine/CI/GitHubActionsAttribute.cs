namespace Xooo.Engine;

/// <summary>
/// Describes a GitHub Actions workflow that runs this build; the build writes it to
/// <c>.github/workflows/&lt;name&gt;.yml</c>. As Nuke's attribute of the same name, plus what Nuke cannot
/// express: self-hosted runner labels, a concurrency group.
/// </summary>
/// <param name="name">The workflow's name, file name and job id (letters, digits, '-' and '_').</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>Runner labels: one hosted image ("ubuntu-latest") or self-hosted labels ("self-hosted", "linux", "docker").</summary>
    public string[] RunsOn { get; set; } = ["ubuntu-latest"];

    /// <summary>Branches whose pushes run the workflow.</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Only pushes that touch these paths (globs such as "base-image/**") run the workflow.</summary>
    public string[] OnPushPaths { get; set; } = [];

    /// <summary>A cron schedule in UTC ("0 3 1 * *": 03:00 on the first of each month).</summary>
    public string? OnCronSchedule { get; set; }

    /// <summary>The workflow can be started by hand (the Actions tab, `gh workflow run`).</summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>
    /// Parameters (as on the command line: "pull-request") offered as inputs of a manual start. Their type,
    /// description and default come from the build's [Parameter] members; the value reaches the build through
    /// the environment, so an input never becomes shell text.
    /// </summary>
    public string[] OnWorkflowDispatchInputs { get; set; } = [];

    /// <summary>The targets the workflow runs, as on the command line.</summary>
    public string[] InvokedTargets { get; set; } = [];

    /// <summary>More fixed words for the command line after the targets ("--force").</summary>
    public string[] Arguments { get; set; } = [];

    /// <summary>Repository secrets passed to the build as environment variables of the same name ("GITHUB_TOKEN").</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>The job's timeout-minutes; 0 leaves GitHub's default (six hours).</summary>
    public int TimeoutMinutes { get; set; }

    /// <summary>Runs of workflows sharing this group never overlap; a new run waits for the running one.</summary>
    public string? ConcurrencyGroup { get; set; }

    /// <summary>A new run cancels the running one of its group instead of waiting.</summary>
    public bool ConcurrencyCancelInProgress { get; set; }
}
