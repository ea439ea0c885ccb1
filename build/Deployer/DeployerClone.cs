using Serilog;

namespace Xooo.Build.Deployer;

/// <summary>
/// Brings the deployer clone to the tip of its branch: clones it when there is none, else fetches and
/// fast-forwards. A clone with local changes, local commits the remote does not have, or another remote is
/// refused with what was found; nothing is ever reset, stashed or deleted.
/// </summary>
public sealed class DeployerClone(GitClient git)
{
    /// <returns>One line for the summary: what was done.</returns>
    public async Task<string> EnsureAsync(string repository, string branch, string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any())
            return await CloneAsync(repository, branch, directory, cancellationToken);
        if (!Directory.Exists(Path.Combine(directory, ".git")))
            throw new DeployerException($"{directory} exists but is not a git clone. Move it away or choose another --deployer-directory; the build does not delete it.");

        await RefuseOtherRemoteAsync(repository, directory, cancellationToken);
        await RefuseLocalChangesAsync(directory, cancellationToken);
        await git.RemoteAsync(directory, ["fetch", "--quiet", "origin"], cancellationToken);
        await RefuseLocalCommitsAsync(directory, cancellationToken);
        await SwitchToBranchAsync(branch, directory, cancellationToken);

        var before = await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD");
        var tracking = $"origin/{branch}";
        var merge = await git.ChangeAsync(directory, ["merge", "--ff-only", "--quiet", tracking], cancellationToken);
        if (!merge.Ran)
            return $"would fast-forward {branch} to {tracking} (dry run)";
        var after = await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD");
        return before == after ? $"{branch} up to date at {Short(after)}" : $"fast-forwarded {branch} {Short(before)}..{Short(after)}";
    }

    private async Task<string> CloneAsync(string repository, string branch, string directory, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
        if (!git.IsDryRun)
            Directory.CreateDirectory(parent);
        var clone = await git.RemoteAsync(git.IsDryRun && !Directory.Exists(parent) ? Directory.GetCurrentDirectory() : parent,
            ["clone", "--quiet", "--branch", branch, "--", repository, directory], cancellationToken);
        if (!clone.Ran)
            return $"would clone {repository} ({branch}) into {directory} (dry run)";
        var head = await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD");
        return $"cloned {branch} at {Short(head)}";
    }

    private async Task RefuseOtherRemoteAsync(string repository, string directory, CancellationToken cancellationToken)
    {
        var result = await git.QueryAsync(directory, ["config", "--get", "remote.origin.url"], [0, 1], cancellationToken);
        var found = result.Output.Trim();
        if (result.ExitCode != 0 || !RepositoryAddress.AreSame(found, repository))
            throw new DeployerException(
                $"The clone at {directory} has remote origin '{(found.Length > 0 ? found : "(none)")}', not '{repository}'. " +
                "Point --deployer-repository at that remote, or --deployer-directory at another folder; the build leaves this clone as it is.");
    }

    private async Task RefuseLocalChangesAsync(string directory, CancellationToken cancellationToken)
    {
        var status = await git.ReadAsync(directory, cancellationToken, "status", "--porcelain=v1", "--untracked-files=all");
        if (status.Length > 0)
            throw new DeployerException(
                $"The clone at {directory} has local changes:{Environment.NewLine}{Indent(status)}{Environment.NewLine}" +
                "Commit and push them, or discard them yourself; the build does not reset, stash or delete anything.");
    }

    private async Task RefuseLocalCommitsAsync(string directory, CancellationToken cancellationToken)
    {
        // HEAD too: a commit left on a detached HEAD by a failed pull-request push counts.
        var commits = await git.ReadAsync(directory, cancellationToken,
            "log", "--format=%h %s", "HEAD", "--branches", "--not", "--remotes=origin");
        if (commits.Length > 0)
            throw new DeployerException(
                $"The clone at {directory} has local commits that are not on the remote:{Environment.NewLine}{Indent(commits)}{Environment.NewLine}" +
                "Push them, or remove them yourself; the build does not reset or delete anything.");
    }

    private async Task SwitchToBranchAsync(string branch, string directory, CancellationToken cancellationToken)
    {
        var current = await git.QueryAsync(directory, ["symbolic-ref", "--quiet", "--short", "HEAD"], [0, 1], cancellationToken);
        if (current.ExitCode == 0 && current.Output.Trim() == branch)
            return;
        // Clean, with nothing unpushed (checked above): switching loses nothing.
        Log.Information("The clone is on {Current}; switching to {Branch}", current.ExitCode == 0 ? current.Output.Trim() : "a detached HEAD", branch);
        var local = await git.QueryAsync(directory, ["show-ref", "--verify", "--quiet", $"refs/heads/{branch}"], [0, 1], cancellationToken);
        await git.ChangeAsync(directory, local.ExitCode == 0 ? ["switch", "--quiet", branch] : ["switch", "--quiet", "--track", $"origin/{branch}"], cancellationToken);
    }

    private static string Indent(string lines) => string.Join(Environment.NewLine, lines.Split('\n').Select(l => "  " + l.TrimEnd('\r')));

    internal static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
