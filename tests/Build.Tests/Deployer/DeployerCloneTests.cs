using Xooo.Build.Deployer;
using Xooo.Build.Tests.Deployer.Support;
using Xooo.Engine;

namespace Xooo.Build.Tests.Deployer;

public class DeployerCloneTests
{
    private static DeployerClone CloneWith(GitRepositories repositories, bool dryRun = false) =>
        new(new GitClient(new ToolRunner(dryRun), environment: repositories.Environment));

    [Fact(Timeout = 60_000)]
    public async Task A_missing_clone_is_cloned_at_the_branch()
    {
        using var repositories = GitRepositories.Create();

        var outcome = await CloneWith(repositories).EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);

        Assert.StartsWith("cloned main at ", outcome);
        Assert.Equal(repositories.RemoteHead(), repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
        Assert.Equal(RealisticFile.Before, File.ReadAllText(Path.Combine(repositories.Clone, "nixpacks.toml")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_url_works_and_is_the_same_remote_as_its_path()
    {
        using var repositories = GitRepositories.Create();
        var clone = CloneWith(repositories);

        await clone.EnsureAsync("file://" + repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        var again = await clone.EnsureAsync(repositories.Remote + "/", "main", repositories.Clone, CancellationToken.None);

        Assert.StartsWith("main up to date at ", again);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_existing_clone_is_fetched_and_fast_forwarded()
    {
        using var repositories = GitRepositories.Create();
        var clone = CloneWith(repositories);
        await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        var moved = repositories.CommitAsColleague([("README.md", "# moved\n")], "Colleague's change");

        var outcome = await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);

        Assert.StartsWith("fast-forwarded main ", outcome);
        Assert.Equal(moved, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
        Assert.Equal("# moved\n", File.ReadAllText(Path.Combine(repositories.Clone, "README.md")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dirty_clone_is_refused_with_what_was_found_and_nothing_is_lost()
    {
        using var repositories = GitRepositories.Create();
        var clone = CloneWith(repositories);
        await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        var head = repositories.Git(repositories.Clone, "rev-parse", "HEAD");
        File.WriteAllText(Path.Combine(repositories.Clone, "nixpacks.toml"), "# my edit\n");
        File.WriteAllText(Path.Combine(repositories.Clone, "notes.txt"), "mine\n");
        repositories.CommitAsColleague([("README.md", "# moved\n")], "Colleague's change");

        var error = await Assert.ThrowsAsync<DeployerException>(() => clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None));

        Assert.Contains("has local changes", error.Message);
        Assert.Contains(" M nixpacks.toml", error.Message);
        Assert.Contains("?? notes.txt", error.Message);
        Assert.Equal("# my edit\n", File.ReadAllText(Path.Combine(repositories.Clone, "nixpacks.toml")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(repositories.Clone, "notes.txt")));
        Assert.Equal(head, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
        Assert.Equal("", repositories.Git(repositories.Clone, "stash", "list"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_diverged_clone_is_refused_with_its_local_commits_kept()
    {
        using var repositories = GitRepositories.Create();
        var clone = CloneWith(repositories);
        await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        File.WriteAllText(Path.Combine(repositories.Clone, "local.txt"), "local\n");
        repositories.Git(repositories.Clone, "add", "local.txt");
        repositories.Git(repositories.Clone, "commit", "--quiet", "--message", "A local commit nobody pushed");
        var local = repositories.Git(repositories.Clone, "rev-parse", "HEAD");
        repositories.CommitAsColleague([("README.md", "# moved\n")], "Colleague's change");

        var error = await Assert.ThrowsAsync<DeployerException>(() => clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None));

        Assert.Contains("local commits that are not on the remote", error.Message);
        Assert.Contains("A local commit nobody pushed", error.Message);
        Assert.Equal(local, repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_clone_of_another_remote_is_refused_and_left_as_it_is()
    {
        using var repositories = GitRepositories.Create();
        using var other = GitRepositories.Create();
        await CloneWith(repositories).EnsureAsync(other.Remote, "main", repositories.Clone, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DeployerException>(() =>
            CloneWith(repositories).EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None));

        Assert.Contains($"has remote origin '{other.Remote}', not '{repositories.Remote}'", error.Message);
        Assert.Equal(other.RemoteHead(), repositories.Git(repositories.Clone, "rev-parse", "HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_folder_that_is_not_a_clone_is_refused_and_not_deleted()
    {
        using var repositories = GitRepositories.Create();
        Directory.CreateDirectory(repositories.Clone);
        File.WriteAllText(Path.Combine(repositories.Clone, "precious.txt"), "keep\n");

        var error = await Assert.ThrowsAsync<DeployerException>(() =>
            CloneWith(repositories).EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None));

        Assert.Contains("is not a git clone", error.Message);
        Assert.Equal("keep\n", File.ReadAllText(Path.Combine(repositories.Clone, "precious.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_clean_clone_left_on_a_detached_head_is_switched_back_to_the_branch()
    {
        using var repositories = GitRepositories.Create();
        var clone = CloneWith(repositories);
        await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);
        repositories.Git(repositories.Clone, "switch", "--quiet", "--detach");

        await clone.EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);

        Assert.Equal("main", repositories.Git(repositories.Clone, "symbolic-ref", "--short", "HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_clones_nothing()
    {
        using var repositories = GitRepositories.Create();
        var output = CapturedOutput.Start();

        var outcome = await CloneWith(repositories, dryRun: true).EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);

        Assert.StartsWith("would clone ", outcome);
        Assert.False(Directory.Exists(repositories.Clone));
        Assert.Contains("[dry run] would run: git clone --quiet --branch main", output.Text);
    }
}
