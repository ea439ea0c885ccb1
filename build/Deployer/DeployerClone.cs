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
        var current = await RefuseLocalChangesAsync(directory, cancellationToken);
        await git.RemoteAsync(directory, ["fetch", "--quiet", "origin"], cancellationToken);
        await RefuseLocalCommitsAsync(directory, cancellationToken);
        if (current != branch)
            await SwitchToBranchAsync(current, branch, directory, cancellationToken);

        var tracking = $"origin/{branch}";
        var heads = (await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD", tracking)).Split('\n');
        var (before, after) = (heads[0].Trim(), heads[^1].Trim());
        if (before == after)
            return $"{branch} up to date at {Short(after)}";
        var merge = await git.ChangeAsync(directory, ["merge", "--ff-only", "--quiet", tracking], cancellationToken);
        return merge.Ran ? $"fast-forwarded {branch} {Short(before)}..{Short(after)}" : $"would fast-forward {branch} {Short(before)}..{Short(after)} (dry run)";
    }

    private async Task<string> CloneAsync(string repository, string branch, string directory, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
        if (!git.IsDryRun)
            Directory.CreateDirectory(parent);
        var clone = await git.RemoteAsync(parent, ["clone", "--quiet", "--branch", branch, "--", repository, directory], cancellationToken);
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

    /// <returns>The current branch, or null on a detached HEAD.</returns>
    private async Task<string?> RefuseLocalChangesAsync(string directory, CancellationToken cancellationToken)
    {
        // --branch puts "## main...origin/main" (or "## HEAD (no branch)") first: one call answers both questions.
        var lines = (await git.ReadAsync(directory, cancellationToken, "status", "--porcelain=v1", "--branch", "--untracked-files=all")).Split('\n');
        var changes = string.Join('\n', lines.Skip(1));
        if (changes.Length > 0)
            throw new DeployerException(
                $"The clone at {directory} has local changes:{Environment.NewLine}{Indent(changes)}{Environment.NewLine}" +
                "Commit and push them, or discard them yourself; the build does not reset, stash or delete anything.");
        var header = lines[0].StartsWith("## ") ? lines[0][3..] : "";
        return header.StartsWith("HEAD (no branch)") ? null
            : header.StartsWith("No commits yet on ") ? header["No commits yet on ".Length..]
            : header.Split("...")[0];
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

    private async Task SwitchToBranchAsync(string? current, string branch, string directory, CancellationToken cancellationToken)
    {
        // Clean, with nothing unpushed (checked before): switching loses nothing.
        Log.Information("The clone is on {Current}; switching to {Branch}", current ?? "a detached HEAD", branch);
        var local = await git.QueryAsync(directory, ["show-ref", "--verify", "--quiet", $"refs/heads/{branch}"], [0, 1], cancellationToken);
        await git.ChangeAsync(directory, local.ExitCode == 0 ? ["switch", "--quiet", branch] : ["switch", "--quiet", "--track", $"origin/{branch}"], cancellationToken);
    }

    private static string Indent(string lines) => string.Join(Environment.NewLine, lines.Split('\n').Select(l => "  " + l.TrimEnd('\r')));

    internal static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
