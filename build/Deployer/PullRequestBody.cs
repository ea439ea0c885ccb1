namespace Xooo.Build.Deployer;

/// <summary>The pull request's description: what changed, and what Verify found.</summary>
public static class PullRequestBody
{
    public static string Create(string image, IReadOnlyList<string> changes, string? verifySummary) =>
        $"""
        Points the deployer's nixpacks.toml at `{image}`, the base image built and verified on the Coolify server, so
        deployments no longer install Python, the packages and PostgREST in Nixpacks' setup phase.

        ### Changes
        {(changes.Count > 0 ? string.Join("\n", changes.Select(c => "- " + c)) : "- (see the diff)")}

        ### Verify
        {verifySummary ?? "No Verify report was found in .nuke/temp for this run."}

        Opened by the xooo-backend-base build (`CommitAndPush --pull-request`).
        """;
}
