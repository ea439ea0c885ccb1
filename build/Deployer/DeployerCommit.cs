using Serilog;

namespace Xooo.Build.Deployer;

/// <summary>
/// Records the build's change in the deployer clone: commits only the files it names, as the configured author or
/// a clear build identity, and pushes; a push the remote rejects because it moved is rebased once and pushed again.
/// </summary>
public sealed class DeployerCommit(GitClient git)
{
    public static readonly (string Name, string Email) DefaultIdentity = ("xooo-backend-base build", "build@xooo.invalid");

    /// <summary>Commits <paramref name="files"/>; null when none of them differs from HEAD. In a dry run the commit is printed.</summary>
    public async Task<string?> CommitAsync(string directory, IReadOnlyList<string> files, string message, CancellationToken cancellationToken)
    {
        var add = await git.ChangeAsync(directory, ["add", "--", .. files], cancellationToken);
        if (add.Ran)
        {
            var staged = await git.QueryAsync(directory, ["diff", "--cached", "--quiet", "--", .. files], [0, 1], cancellationToken);
            if (staged.ExitCode == 0)
                return null;
        }
        var commit = await git.ChangeAsync(directory, [.. await IdentityAsync(directory, cancellationToken), "commit", "--quiet", "--message", message, "--", .. files], cancellationToken);
        return commit.Ran ? await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD") : "(dry run)";
    }

    /// <summary>Pushes HEAD to <paramref name="branch"/>; on a non-fast-forward rejection fetches, rebases once and pushes again.</summary>
    public async Task<string> PushAsync(string directory, string branch, CancellationToken cancellationToken)
    {
        var target = $"HEAD:refs/heads/{branch}";
        var first = await PushOnceAsync(directory, [target], cancellationToken);
        if (first is PushStatus.Pushed or PushStatus.NotRun)
            return first == PushStatus.NotRun ? $"would push to {branch} (dry run)" : $"pushed to {branch}";
        if (first == PushStatus.Refused)
            throw await KeptCommitAsync(directory, $"The remote refused the push to {branch} (a protected branch or a hook?). Try --pull-request.", cancellationToken);

        Log.Warning("The remote {Branch} moved since the clone was updated; rebasing the commit on it once", branch);
        await git.RemoteAsync(directory, ["fetch", "--quiet", "origin", branch], cancellationToken);
        // Rebasing commits anew: the committer needs the same identity as the commit did.
        var rebase = await git.ChangeAsync(directory, [.. await IdentityAsync(directory, cancellationToken), "rebase", "--quiet", $"origin/{branch}"],
            cancellationToken, expectedExitCodes: [0, 1]);
        if (rebase.ExitCode != 0)
        {
            await git.ChangeAsync(directory, ["rebase", "--abort"], cancellationToken);
            throw await KeptCommitAsync(directory, $"The commit does not rebase cleanly on the new origin/{branch}: {Tail(rebase)}", cancellationToken);
        }
        if (await PushOnceAsync(directory, [target], cancellationToken) != PushStatus.Pushed)
            throw await KeptCommitAsync(directory, $"The push to {branch} was rejected again after one rebase: the remote keeps moving.", cancellationToken);
        return $"pushed to {branch} after rebasing on the remote's new commits";
    }

    /// <summary>
    /// Pushes HEAD to a branch of its own (for a pull request), replacing that branch only if it still is what
    /// the remote said a moment ago, so a concurrent update is never overwritten.
    /// </summary>
    public async Task PushBranchAsync(string directory, string branch, CancellationToken cancellationToken)
    {
        var reference = $"refs/heads/{branch}";
        var expected = git.IsDryRun ? ""
            : (await git.RemoteAsync(directory, ["ls-remote", "origin", reference], cancellationToken, changesState: false)).Output.Split('\t', 2)[0].Trim();
        var status = await PushOnceAsync(directory, [$"--force-with-lease={reference}:{expected}", $"HEAD:{reference}"], cancellationToken);
        if (status is not (PushStatus.Pushed or PushStatus.NotRun))
            throw await KeptCommitAsync(directory, $"The push to branch {branch} was rejected.", cancellationToken);
    }

    private async Task<PushStatus> PushOnceAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var push = await git.RemoteAsync(directory, ["push", "--porcelain", "origin", .. arguments], cancellationToken, expectedExitCodes: [0, 1]);
        if (!push.Ran)
            return PushStatus.NotRun;
        if (push.ExitCode == 0)
            return PushStatus.Pushed;
        // --porcelain: "!<TAB>from:to<TAB>[rejected] (fetch first|non-fast-forward)" or "[remote rejected] (reason)".
        return push.Output.Contains("\t[rejected]") ? PushStatus.Rejected
            : push.Output.Contains("[remote rejected]") ? PushStatus.Refused
            : throw new DeployerException($"git push failed: {Tail(push)}");
    }

    private async Task<string[]> IdentityAsync(string directory, CancellationToken cancellationToken)
    {
        var name = await ConfigAsync(directory, "user.name", cancellationToken);
        var email = await ConfigAsync(directory, "user.email", cancellationToken);
        if (name is not null && email is not null)
            return [];
        Log.Information("No git author configured; committing as {Name} <{Email}>", name ?? DefaultIdentity.Name, email ?? DefaultIdentity.Email);
        return [.. name is null ? ["-c", $"user.name={DefaultIdentity.Name}"] : Array.Empty<string>(),
                .. email is null ? ["-c", $"user.email={DefaultIdentity.Email}"] : Array.Empty<string>()];
    }

    private async Task<string?> ConfigAsync(string directory, string key, CancellationToken cancellationToken)
    {
        var value = await git.QueryAsync(directory, ["config", "--get", key], [0, 1], cancellationToken);
        return value.ExitCode == 0 && value.Output.Trim() is { Length: > 0 } text ? text : null;
    }

    private async Task<DeployerException> KeptCommitAsync(string directory, string problem, CancellationToken cancellationToken)
    {
        var head = await git.ReadAsync(directory, cancellationToken, "rev-parse", "HEAD");
        return new DeployerException($"{problem} The commit {DeployerClone.Short(head)} is kept in {directory}; push it yourself, or remove it, before the next run.");
    }

    private static string Tail(Xooo.Engine.ToolResult result) =>
        string.Join(" | ", (result.Error + "\n" + result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("hint:")).TakeLast(4));

    private enum PushStatus { Pushed, NotRun, Rejected, Refused }
}
