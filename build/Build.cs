using Xooo.Engine;

namespace Xooo.Build;

/// <summary>
/// Builds, proves and rolls out xooo-backend-base:latest, then points the deployer's nixpacks.toml at it.
/// This file holds the targets and their wiring; each target's body lives in the facet file of its concern
/// (Build.Image.cs, Build.Deployer.cs) and calls plain classes that know nothing of the engine.
/// </summary>
[GitHubActions("base-image",
    RunsOn = ["self-hosted", "linux", "docker"],
    OnPushBranches = ["main"],
    OnPushPaths = ["base-image/**", "build/**"],
    OnCronSchedule = "0 3 1 * *",
    OnWorkflowDispatch = true,
    InvokedTargets = [nameof(BuildBaseImage)],
    TimeoutMinutes = 60,
    ConcurrencyGroup = "base-image")]
[GitHubActions("rollout",
    RunsOn = ["self-hosted", "linux", "docker"],
    OnWorkflowDispatch = true,
    OnWorkflowDispatchInputs = ["pull-request"],
    InvokedTargets = [nameof(BuildBaseImage), nameof(CommitAndPush)],
    ImportSecrets = ["GITHUB_TOKEN"],
    TimeoutMinutes = 90,
    // The same group as base-image: both move the image's tags, so they must never run at once.
    ConcurrencyGroup = "base-image")]
public sealed partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.BuildBaseImage);

    Target Clone => _ => _
        .Description("Clone or fast-forward the deployer repository that holds nixpacks.toml")
        .Executes(CloneDeployer);

    Target Restore => _ => _
        .Description("Check Docker, the base-image files, pinned requirements and the PostgREST pin; make the parent image available")
        .Executes(RestoreInputs);

    Target BuildBaseImage => _ => _
        .Description("Build a candidate base image when its inputs changed or it is older than --max-age-days")
        .DependsOn(Restore)
        .Triggers(Verify)
        .Executes(BuildCandidate);

    Target Verify => _ => _
        .Description("Check the candidate (or latest) in throwaway containers, then promote it to latest")
        .After(BuildBaseImage)
        .Executes(VerifyAndPromote);

    Target UpdateNixpacksToml => _ => _
        .Description("Point the deployer's nixpacks.toml at the base image, keeping every other byte")
        .DependsOn(Clone)
        .After(Verify)
        .Executes(UpdateNixpacks);

    Target CommitAndPush => _ => _
        .Description("Commit what UpdateNixpacksToml changed and push it, or open a pull request")
        .DependsOn(UpdateNixpacksToml)
        .Requires(() => GitHubToken != null || !PullRequest || IsDryRun)
        .Executes(CommitAndPushDeployer);

    Target Status => _ => _
        .Description("Show the base image: ID, age, inputs changed, keepers, packages (--json for scripts)")
        .Executes(ShowStatus);

    Target Rollback => _ => _
        .Description("Move latest back to prev, keepers with it")
        .Executes(RollbackImage);
}
