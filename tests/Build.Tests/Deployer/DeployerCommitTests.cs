using Xooo.Build.Deployer;
using Xooo.Build.Tests.Deployer.Support;
using Xooo.Engine;

namespace Xooo.Build.Tests.Deployer;

public class DeployerCommitTests
{
    private const string Message = "Use xooo-backend-base image for faster deployments";

    private static async Task<(GitRepositories Repositories, DeployerCommit Commit)> ClonedAsync(bool withIdentity = true, bool dryRun = false)
    {
        var repositories = GitRepositories.Create(withIdentity: withIdentity);
        var git = new GitClient(new ToolRunner(dryRun), environment: repositories.Environment);
        await new DeployerClone(new GitClient(new ToolRunner(false), environment: repositories.Environment))
            .EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        return (repositories, new DeployerCommit(git));
    }

    private static void Edit(GitRepositories repositories, string file = "nixpacks.toml", string content = RealisticFile.After) =>
        File.WriteAllText(Path.Combine(repositories.Clone, file), content);

    [Fact(Timeout = 60_000)]
    public async Task Only_the_named_file_is_committed_and_pushed_as_the_configured_author()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        Edit(repositories);
        Edit(repositories, "README.md", "# someone's unrelated edit\n");

        var sha = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        var pushed = await commit.PushAsync(repositories.Clone, "main", CancellationToken.None);

        Assert.Equal("pushed to main", pushed);
        Assert.Equal(sha, repositories.RemoteHead());
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
        Assert.Equal("nixpacks.toml", repositories.Git(repositories.Remote, "show", "--name-only", "--format=", "main"));
        Assert.Equal($"{GitRepositories.AuthorName} <{GitRepositories.AuthorEmail}>|{Message}", repositories.Git(repositories.Remote, "log", "-1", "--format=%an <%ae>|%s", "main"));
        Assert.Equal(" M README.md", repositories.Git(repositories.Clone, ["status", "--porcelain"], trim: false).TrimEnd());
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_changed_means_no_commit()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        var head = repositories.RemoteHead();

        var sha = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);

        Assert.Null(sha);
        Assert.Equal(head, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_configured_author_the_build_commits_under_a_clear_identity_of_its_own()
    {
        var (repositories, commit) = await ClonedAsync(withIdentity: false);
        using var _ = repositories;
        Edit(repositories);

        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);

        Assert.Equal("xooo-backend-base build <build@xooo.invalid>", repositories.Git(repositories.Clone, "log", "-1", "--format=%an <%ae>"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_rejected_because_the_remote_moved_is_rebased_once_and_pushed()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        Edit(repositories);
        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        var colleague = repositories.CommitAsColleague([("README.md", "# colleague\n")], "Colleague's change");

        var pushed = await commit.PushAsync(repositories.Clone, "main", CancellationToken.None);

        Assert.Equal("pushed to main after rebasing on the remote's new commits", pushed);
        Assert.Equal(colleague, repositories.Git(repositories.Remote, "rev-parse", "main~1"));
        Assert.Equal(Message, repositories.Git(repositories.Remote, "log", "-1", "--format=%s", "main"));
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
        Assert.Equal("# colleague\n", repositories.RemoteFile("README.md"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_configured_author_a_rejected_push_is_still_rebased_and_pushed()
    {
        var (repositories, commit) = await ClonedAsync(withIdentity: false);
        using var _ = repositories;
        Edit(repositories);
        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        repositories.CommitAsColleague([("README.md", "# colleague\n")], "Colleague's change");

        var pushed = await commit.PushAsync(repositories.Clone, "main", CancellationToken.None);

        Assert.Equal("pushed to main after rebasing on the remote's new commits", pushed);
        Assert.Equal("xooo-backend-base build <build@xooo.invalid>", repositories.Git(repositories.Remote, "log", "-1", "--format=%cn <%ce>", "main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_rejected_again_after_the_one_rebase_fails_clearly_and_keeps_the_commit()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        Edit(repositories);
        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        repositories.CommitAsColleague([("README.md", "# colleague\n")], "Colleague's change");
        // The remote moves again right after the rebase, before the second push.
        repositories.Hook(repositories.Clone, "post-rewrite", repositories.ColleaguePushLine("busy.txt"));

        var error = await Assert.ThrowsAsync<DeployerException>(() => commit.PushAsync(repositories.Clone, "main", CancellationToken.None));

        Assert.Contains("rejected again after one rebase", error.Message);
        Assert.Contains("is kept in", error.Message);
        Assert.Equal(Message, repositories.Git(repositories.Clone, "log", "-1", "--format=%s"));
        Assert.NotEqual(Message, repositories.Git(repositories.Remote, "log", "-1", "--format=%s", "main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_rebase_that_conflicts_is_undone_and_the_commit_kept()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        Edit(repositories);
        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        var ours = repositories.Git(repositories.Clone, "rev-parse", "HEAD");
        repositories.CommitAsColleague([("nixpacks.toml", "buildImage = \"someone-else:1\"\n")], "Colleague edits nixpacks.toml");

        var error = await Assert.ThrowsAsync<DeployerException>(() => commit.PushAsync(repositories.Clone, "main", CancellationToken.None));

        Assert.Contains("does not rebase cleanly", error.Message);
        Assert.Equal(ours, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
        Assert.Equal("", repositories.Git(repositories.Clone, "status", "--porcelain"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_the_remote_refuses_is_a_clear_error_and_the_commit_is_kept()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        repositories.Hook(repositories.Remote, "pre-receive", "echo 'main is protected' >&2; exit 1");
        Edit(repositories);
        var sha = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DeployerException>(() => commit.PushAsync(repositories.Clone, "main", CancellationToken.None));

        Assert.Contains("The remote refused the push to main", error.Message);
        Assert.Contains("--pull-request", error.Message);
        Assert.Equal(sha, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pull_request_branch_is_created_then_replaced_by_the_next_run()
    {
        var (repositories, commit) = await ClonedAsync();
        using var _ = repositories;
        Edit(repositories);
        var first = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        await commit.PushBranchAsync(repositories.Clone, "xooo-backend-base/latest-2026-12-04", CancellationToken.None);
        repositories.Git(repositories.Clone, "reset", "--quiet", "--hard", "origin/main");
        Edit(repositories, content: RealisticFile.After + "# second run\n");
        var second = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);

        await commit.PushBranchAsync(repositories.Clone, "xooo-backend-base/latest-2026-12-04", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(second, repositories.RemoteHead("xooo-backend-base/latest-2026-12-04"));
        Assert.NotEqual(second, repositories.RemoteHead());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_prints_the_commit_and_push_and_does_neither()
    {
        var (repositories, commit) = await ClonedAsync(dryRun: true);
        using var _ = repositories;
        var output = CapturedOutput.Start();
        Edit(repositories);

        var sha = await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], Message, CancellationToken.None);
        var pushed = await commit.PushAsync(repositories.Clone, "main", CancellationToken.None);

        Assert.Equal("(dry run)", sha);
        Assert.Equal("would push to main (dry run)", pushed);
        Assert.Contains("[dry run] would run: git commit --quiet --message 'Use xooo-backend-base image for faster deployments' -- nixpacks.toml", output.Text);
        Assert.Contains("[dry run] would run: git push --porcelain origin HEAD:refs/heads/main", output.Text);
        Assert.Equal(" M nixpacks.toml", repositories.Git(repositories.Clone, ["status", "--porcelain"], trim: false).TrimEnd());
    }
}
