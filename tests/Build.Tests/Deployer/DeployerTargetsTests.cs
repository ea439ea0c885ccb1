using Xooo.Build.Image;
using System.Text.Json;
using Xooo.Build.Deployer;
using Xooo.Build.Tests.Deployer.Support;

namespace Xooo.Build.Tests.Deployer;

/// <summary>The three targets end to end, through the engine, with real git and a bare repository as the remote.</summary>
public class DeployerTargetsTests
{
    private const string DefaultMessage = "Use xooo-backend-base image for faster deployments";

    [Fact(Timeout = 120_000)]
    public async Task CommitAndPush_points_the_deployer_at_the_image_and_a_second_run_changes_nothing()
    {
        using var repositories = GitRepositories.Create();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush"]);

        Assert.True(exitCode == 0, output);
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
        Assert.Equal(DefaultMessage, repositories.Git(repositories.Remote, "log", "-1", "--format=%s", "main"));
        Assert.Contains("nixpacks.toml: phases.setup.nixPkgs was [\"python311\", \"gcc\", \"postgresql_16\"] (line 11)", output);
        Assert.Contains("pushed to main", output);
        var head = repositories.RemoteHead();

        var (secondExit, second) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush"]);

        Assert.True(secondExit == 0, second);
        Assert.Contains("already uses xooo-backend-base:latest: nothing to change, nothing written", second);
        Assert.Contains("Nothing changed in the deployer repository: no commit, nothing to push", second);
        Assert.Equal(head, repositories.RemoteHead());
        Assert.Equal("", repositories.Git(repositories.Clone, "status", "--porcelain"));
    }

    [Fact(Timeout = 120_000)]
    public async Task With_UpdateNixpacksToml_skipped_CommitAndPush_commits_what_an_earlier_run_wrote()
    {
        using var repositories = GitRepositories.Create();
        Assert.Equal(0, (await DeployerBuild.RunAsync(repositories, ["UpdateNixpacksToml"])).ExitCode);
        Assert.Equal(RealisticFile.Before, repositories.RemoteFile("nixpacks.toml"));

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush", "--skip", "UpdateNixpacksToml"]);

        Assert.True(exitCode == 0, output);
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Clone_uses_the_temporary_folder_by_default()
    {
        using var repositories = GitRepositories.Create();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["Clone"], defaultDirectory: true);

        Assert.True(exitCode == 0, output);
        Assert.Equal(RealisticFile.Before, File.ReadAllText(Path.Combine(repositories.Root, ".nuke", "temp", "deployer", "nixpacks.toml")));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_missing_nixpacks_toml_is_created_and_committed()
    {
        using var repositories = GitRepositories.Create(nixpacks: null);

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush", "--image-tag", "v7"]);

        Assert.True(exitCode == 0, output);
        var created = repositories.RemoteFile("nixpacks.toml");
        Assert.Contains("buildImage = \"xooo-backend-base:v7\"", created);
        Assert.Contains("# Without a provider Nixpacks detects nothing", created);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_malformed_nixpacks_toml_fails_with_its_position_and_is_left_untouched()
    {
        const string broken = "buildImage = \"old\"\nproviders = [\"python\"\n";
        using var repositories = GitRepositories.Create(nixpacks: broken);
        var head = repositories.RemoteHead();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush"]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Path.Combine(repositories.Clone, "nixpacks.toml")}:3:1: ", output);
        Assert.Equal(broken, File.ReadAllText(Path.Combine(repositories.Clone, "nixpacks.toml")));
        Assert.Equal(head, repositories.RemoteHead());
        Assert.Matches(@"CommitAndPush\s+│?\s*NotRun|CommitAndPush.*NotRun", output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_dry_run_shows_the_diff_and_the_commands_and_changes_nothing()
    {
        using var repositories = GitRepositories.Create();
        Assert.Equal(0, (await DeployerBuild.RunAsync(repositories, ["Clone"])).ExitCode);
        var head = repositories.RemoteHead();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush", "--dry-run"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("+buildImage = \"xooo-backend-base:latest\"", output);
        Assert.Contains("[dry run] would run: git commit", output);
        Assert.Contains("[dry run] would run: git push --porcelain origin HEAD:refs/heads/main", output);
        Assert.Equal(RealisticFile.Before, File.ReadAllText(Path.Combine(repositories.Clone, "nixpacks.toml")));
        Assert.Equal(head, repositories.RemoteHead());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_push_rejected_because_the_remote_moved_is_rebased_and_pushed()
    {
        using var repositories = GitRepositories.Create();
        Assert.Equal(0, (await DeployerBuild.RunAsync(repositories, ["Clone"])).ExitCode);
        // Right after the build commits, a colleague pushes: the build's first push is rejected.
        repositories.Hook(repositories.Clone, "post-commit", repositories.ColleaguePushLine("colleague.txt") + "\nrm -- \"$0\"");

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("moved since the clone was updated; rebasing", output);
        Assert.Contains("after rebasing on the remote's new commits", output);
        Assert.Equal([DefaultMessage, "Colleague moves main", "Initial deployer"],
            repositories.Git(repositories.Remote, "log", "--format=%s", "main").Split('\n'));
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Pull_request_mode_pushes_a_branch_opens_one_pull_request_and_never_shows_the_token()
    {
        const string token = "ghp_e2eTOKEN0123456789abcdefghijklmnop";
        using var repositories = GitRepositories.Create();
        using var github = new FakeGitHub("xooo", "deployer", token);
        // git talks to the remote over HTTP with the same token, as it would to github.com.
        using var gitServer = new GitHttpServer(repositories, token);
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = token };
        string[] arguments = ["CommitAndPush", "--pull-request", "--github-api-url", github.BaseUrl, "--github-repository", "xooo/deployer"];
        Directory.CreateDirectory(Path.Combine(repositories.Root, ".nuke", "temp"));
        File.WriteAllText(Path.Combine(repositories.Root, ".nuke", "temp", VerificationReport.FileName), new VerificationReport(
            "xooo-backend-base:candidate", "sha256:0123456789abcdef", DateTimeOffset.UtcNow,
            [CheckResult.Pass("python is 3.11", "3.11.2"), CheckResult.Pass("postgrest --version", "PostgREST 12.2.3")], []).ToJson());
        var main = repositories.RemoteHead();
        var branch = PullRequestBranch.Name("xooo-backend-base", "latest", DateTimeOffset.UtcNow);

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, arguments, environment, remote: gitServer.RemoteUrl);

        Assert.True(exitCode == 0, output);
        Assert.True(gitServer.Authorized > 0);
        Assert.Equal(main, repositories.RemoteHead());
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml", branch));
        var pullRequest = Assert.Single(github.PullRequests);
        Assert.Equal((branch, "main", DefaultMessage), ((string?)pullRequest["head"]!["ref"], (string?)pullRequest["base"]!["ref"], (string?)pullRequest["title"]));
        Assert.Contains("all 2 checks passed", (string?)pullRequest["body"]);
        Assert.Contains("- ✅ postgrest --version", (string?)pullRequest["body"]);
        Assert.Contains("opened pull request #1", output);
        Assert.Equal("main", repositories.Git(repositories.Clone, "symbolic-ref", "--short", "HEAD"));
        Assert.Equal("", repositories.Git(repositories.Clone, "status", "--porcelain"));

        // Main has not merged it yet: the next run updates the branch and reports the open pull request.
        var (secondExit, second) = await DeployerBuild.RunAsync(repositories, arguments, environment, remote: gitServer.RemoteUrl);

        Assert.True(secondExit == 0, second);
        Assert.Contains("pull request #1 was already open", second);
        Assert.Single(github.PullRequests);
        foreach (var text in new[] { output, second })
        {
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(Xooo.Engine.Secrets.Placeholder, text);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Pull_request_mode_in_a_dry_run_needs_no_token_and_opens_nothing()
    {
        using var repositories = GitRepositories.Create();
        Assert.Equal(0, (await DeployerBuild.RunAsync(repositories, ["Clone"])).ExitCode);
        var main = repositories.RemoteHead();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush", "--pull-request", "--dry-run", "--github-repository", "xooo/deployer"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("[dry run] would run: git switch --quiet --detach", output);
        Assert.Contains("[dry run] would open a pull request from xooo-backend-base/latest-", output);
        Assert.Equal(main, repositories.RemoteHead());
        Assert.Equal("main", repositories.Git(repositories.Clone, "symbolic-ref", "--short", "HEAD"));
        Assert.Equal("", repositories.Git(repositories.Remote, "branch", "--list", "xooo-backend-base/*"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Pull_request_mode_without_a_token_stops_before_anything_runs()
    {
        using var repositories = GitRepositories.Create();

        var (exitCode, output) = await DeployerBuild.RunAsync(repositories, ["CommitAndPush", "--pull-request"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Requirements not met", output);
        Assert.False(Directory.Exists(repositories.Clone));
    }
}
