namespace Xooo.Engine.Tests.CI;

public enum Thoroughness { Fast, Thorough }

/// <summary>Targets and parameters the workflow tests refer to; the attributes go on the classes deriving from it.</summary>
public class WorkflowBuildBase : NukeBuild
{
    [Parameter("Open a pull request")]
    public bool PullRequest { get; init; }

    [Parameter("How thorough: fast or thorough")]
    public Thoroughness Thoroughness { get; init; } = Thoroughness.Thorough;

    [Parameter("A note: with # and 'quotes'")]
    public string Note { get; init; } = "yes";

    [Parameter("Attempts")]
    public int Attempts { get; init; } = 3;

    [Parameter("Token"), Secret]
    public string? Token { get; init; }

    public Target Compile => _ => _.Executes(() => { });
    public Target Publish => _ => _.DependsOn(Compile).Executes(() => { });
}

[GitHubActions("image",
    RunsOn = ["self-hosted", "linux", "docker"],
    OnPushBranches = ["main"],
    OnPushPaths = ["base-image/**", "build/**"],
    OnCronSchedule = "0 3 1 * *",
    OnWorkflowDispatch = true,
    OnWorkflowDispatchInputs = ["pull-request", "thoroughness", "note", "attempts"],
    InvokedTargets = ["compile", "Publish"],
    Arguments = ["--message", "it's done"],
    ImportSecrets = ["GITHUB_TOKEN"],
    TimeoutMinutes = 60,
    ConcurrencyGroup = "image")]
[GitHubActions("hosted", OnWorkflowDispatch = true, InvokedTargets = ["Compile"])]
public class WorkflowBuild : WorkflowBuildBase;

[GitHubActions("x", OnWorkflowDispatch = true, InvokedTargets = ["Deploy"])]
public class UnknownTargetBuild : WorkflowBuildBase;

[GitHubActions("x", OnWorkflowDispatch = true, OnWorkflowDispatchInputs = ["colour"], InvokedTargets = ["Compile"])]
public class UnknownInputBuild : WorkflowBuildBase;

[GitHubActions("x", OnWorkflowDispatch = true, OnWorkflowDispatchInputs = ["token"], InvokedTargets = ["Compile"])]
public class SecretInputBuild : WorkflowBuildBase;

[GitHubActions("x", OnCronSchedule = "monthly", InvokedTargets = ["Compile"])]
public class BadCronBuild : WorkflowBuildBase;

[GitHubActions("base image", OnWorkflowDispatch = true, InvokedTargets = ["Compile"])]
public class BadNameBuild : WorkflowBuildBase;

[GitHubActions("x", InvokedTargets = ["Compile"])]
public class NoTriggerBuild : WorkflowBuildBase;

[GitHubActions("x", OnPushBranches = ["main"], OnWorkflowDispatchInputs = ["note"], InvokedTargets = ["Compile"])]
public class InputsWithoutDispatchBuild : WorkflowBuildBase;

[GitHubActions("x", OnWorkflowDispatch = true, ImportSecrets = ["MY-TOKEN"], InvokedTargets = ["Compile"])]
public class BadSecretBuild : WorkflowBuildBase;

[GitHubActions("x", OnWorkflowDispatch = true, InvokedTargets = ["Compile"])]
[GitHubActions("X", OnWorkflowDispatch = true, InvokedTargets = ["Publish"])]
public class DuplicateNameBuild : WorkflowBuildBase;
