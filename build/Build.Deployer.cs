using Serilog;
using Xooo.Build.Deployer;
using Xooo.Build.Image;
using Xooo.Engine;

namespace Xooo.Build;

// Clone, UpdateNixpacksToml and CommitAndPush: the deployer repository's targets (issue: the deployer).
public sealed partial class Build
{
    const string NixpacksFile = "nixpacks.toml";

    /// <summary>
    /// What UpdateNixpacksToml changed in this run (or, in a dry run, would have): CommitAndPush commits it.
    /// Null when it did not run (skipped), and git is asked instead.
    /// </summary>
    List<string>? _nixpacksChanges;

    AbsolutePath DeployerClonePath => string.IsNullOrEmpty(DeployerDirectory) ? TemporaryDirectory / "deployer" : AbsolutePath.Create(DeployerDirectory, RootDirectory);

    GitClient DeployerGit => new(Tools, GitHubToken);

    string BaseImageReference => $"{ImageName}:{ImageTag}";

    async Task CloneDeployer(CancellationToken cancellationToken)
    {
        var outcome = await new DeployerClone(DeployerGit).EnsureAsync(
            RepositoryAddress.Resolve(DeployerRepository, RootDirectory), DeployerBranch, DeployerClonePath, cancellationToken);
        Log.Information("Deployer clone at {Directory}: {Outcome}", DeployerClonePath, outcome);
        ReportSummary(outcome);
    }

    // A dry run clones nothing, so on a first run there is no nixpacks.toml to compare or commit.
    bool NoCloneInDryRun()
    {
        if (!IsDryRun || DeployerClonePath.DirectoryExists())
            return false;
        Log.Warning("[dry run] There is no clone at {Directory} yet, so no nixpacks.toml to compare; a run without --dry-run clones it first", DeployerClonePath);
        ReportSummary("no clone yet (dry run): nothing to compare");
        return true;
    }

    void UpdateNixpacks()
    {
        if (NoCloneInDryRun())
            return;
        var path = DeployerClonePath / NixpacksFile;
        var edit = NixpacksConfig.Apply(path.FileExists() ? File.ReadAllText(path) : null, path, BaseImageReference);
        _nixpacksChanges = [.. edit.Changes];
        foreach (var replaced in edit.Replaced)
            Log.Warning("{Path}: {Replaced}", NixpacksFile, replaced);
        if (!edit.Changed)
        {
            Log.Information("{Path} already uses {Image}: nothing to change, nothing written", path, BaseImageReference);
            ReportSummary($"unchanged: already uses {BaseImageReference}");
            return;
        }
        foreach (var change in edit.Changes)
            Log.Information("  {Change}", change);
        Files.Write(path, edit.Text);
        ReportSummary($"{(IsDryRun ? "would change" : "changed")} {edit.Changes.Count} setting(s)" +
                      (edit.Replaced.Count > 0 ? $", replaced {edit.Replaced.Count} non-empty value(s) (see warnings)" : ""));
    }

    async Task CommitAndPushDeployer(CancellationToken cancellationToken)
    {
        var directory = DeployerClonePath;
        var git = DeployerGit;
        if (NoCloneInDryRun())
            return;
        // Normally UpdateNixpacksToml said so in this run; with it skipped, git says whether nixpacks.toml differs.
        var pending = _nixpacksChanges is { } changes ? changes.Count > 0
            : directory.DirectoryExists() && (await git.ReadAsync(directory, cancellationToken, "status", "--porcelain", "--", NixpacksFile)).Length > 0;
        if (!pending)
        {
            Log.Information("Nothing changed in the deployer repository: no commit, nothing to push");
            ReportSummary("nothing to commit");
            return;
        }
        var commit = new DeployerCommit(git);
        if (PullRequest)
        {
            await CommitAndOpenPullRequest(commit, git, directory, cancellationToken);
            return;
        }
        var sha = await commit.CommitAsync(directory, [NixpacksFile], CommitMessage, cancellationToken);
        if (sha is null)
        {
            Log.Information("{File} does not differ from the last commit: no commit, nothing to push", NixpacksFile);
            ReportSummary("nothing to commit");
            return;
        }
        var pushed = await commit.PushAsync(directory, DeployerBranch, cancellationToken);
        Log.Information("Committed {Sha} and {Pushed}", DeployerClone.Short(sha), pushed);
        ReportSummary($"{DeployerClone.Short(sha)} {pushed}");
    }

    async Task CommitAndOpenPullRequest(DeployerCommit commit, GitClient git, AbsolutePath directory, CancellationToken cancellationToken)
    {
        var (owner, name) = !string.IsNullOrEmpty(GitHubRepository) ? RepositoryAddress.ParseOwnerAndName(GitHubRepository)
            : RepositoryAddress.GitHubRepository(DeployerRepository)
              ?? throw new DeployerException($"--deployer-repository '{DeployerRepository}' does not name a GitHub repository; give --github-repository owner/name.");
        var branch = PullRequestBranch.Name(ImageName, ImageTag, DateTimeOffset.UtcNow);

        // The commit goes on a detached HEAD, so the deployer branch never holds a commit its remote lacks; if the
        // push fails, HEAD stays on the commit (kept, and the next Clone names it).
        await git.ChangeAsync(directory, ["switch", "--quiet", "--detach"], cancellationToken);
        var sha = await commit.CommitAsync(directory, [NixpacksFile], CommitMessage, cancellationToken);
        if (sha is not null)
            await commit.PushBranchAsync(directory, branch, cancellationToken);
        await git.ChangeAsync(directory, ["switch", "--quiet", DeployerBranch], cancellationToken);
        if (sha is null)
        {
            ReportSummary("nothing to commit");
            return;
        }
        if (IsDryRun)
        {
            Log.Information("[dry run] would open a pull request from {Branch} into {Base} on {Owner}/{Name} through {Api}", branch, DeployerBranch, owner, name, GitHubApiUrl);
            ReportSummary($"would push {branch} and open a pull request (dry run)");
            return;
        }
        var body = PullRequestBody.Create(BaseImageReference, _nixpacksChanges ?? [], VerificationReport.MarkdownOf(VerifyReportFile));
        var pullRequest = await new PullRequestOpener(GitHubApiUrl, GitHubToken!).OpenAsync(owner, name, branch, DeployerBranch, CommitMessage, body);
        var note = pullRequest.AlreadyOpen
            ? $"updated {branch}; pull request #{pullRequest.Number} was already open: {pullRequest.Url}"
            : $"pushed {branch} and opened pull request #{pullRequest.Number}: {pullRequest.Url}";
        Log.Information("{Note}", note);
        ReportSummary(note);
    }
}
