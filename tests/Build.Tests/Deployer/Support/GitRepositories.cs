using System.Diagnostics;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>
/// Real git on disk for one test: a bare repository as the deployer's remote (branch main, holding a
/// nixpacks.toml), a folder for the build's clone, and a second clone that plays a colleague moving the remote.
/// Git reads a config of its own here (GIT_CONFIG_GLOBAL), never the machine's.
/// </summary>
public sealed class GitRepositories : IDisposable
{
    public const string AuthorName = "Deployer Test";
    public const string AuthorEmail = "deployer-test@example.test";

    private GitRepositories(string root) => Root = root;

    public string Root { get; }
    public string Remote => Path.Combine(Root, "remote.git");
    public string Clone => Path.Combine(Root, "clone");
    public string GlobalConfig => Path.Combine(Root, "gitconfig");
    private string Colleague => Path.Combine(Root, "colleague");

    /// <summary>For the code under test: git sees only this fixture's config.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["GIT_CONFIG_GLOBAL"] = GlobalConfig,
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    /// <param name="nixpacks">The remote's nixpacks.toml; null for a repository without one.</param>
    /// <param name="withIdentity">Whether the git config names an author.</param>
    public static GitRepositories Create(string? nixpacks = RealisticFile.Before, bool withIdentity = true)
    {
        var repositories = new GitRepositories(Path.Combine(Path.GetTempPath(), "xooo-deployer-tests", Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(repositories.Root);
        File.WriteAllText(repositories.GlobalConfig,
            "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n" +
            (withIdentity ? $"[user]\n\tname = {AuthorName}\n\temail = {AuthorEmail}\n" : ""));
        repositories.Git(repositories.Root, "init", "--quiet", "--bare", "--initial-branch=main", repositories.Remote);
        repositories.Git(repositories.Root, "clone", "--quiet", repositories.Remote, repositories.Colleague);
        repositories.CommitAsColleague(nixpacks is null ? [("README.md", "# deployer\n")] : [("README.md", "# deployer\n"), ("nixpacks.toml", nixpacks)], "Initial deployer");
        return repositories;
    }

    /// <summary>A colleague commits files and pushes them to main: the remote moves. Returns the new commit.</summary>
    public string CommitAsColleague(IEnumerable<(string Path, string Content)> files, string message)
    {
        Git(Colleague, ["pull", "--quiet", "--ff-only", "origin", "main"], allowFailure: true);
        foreach (var (path, content) in files)
        {
            File.WriteAllText(Path.Combine(Colleague, path), content);
            Git(Colleague, "add", "--", path);
        }
        Git(Colleague, "-c", "user.name=Colleague", "-c", "user.email=colleague@example.test", "commit", "--quiet", "--message", message);
        Git(Colleague, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        return Git(Colleague, "rev-parse", "HEAD");
    }

    public string RemoteHead(string branch = "main") => Git(Remote, "rev-parse", $"refs/heads/{branch}");

    public string RemoteFile(string path, string branch = "main") => Git(Remote, ["show", $"refs/heads/{branch}:{path}"], trim: false);

    /// <summary>A hook script (bash), in the remote (a bare repository) or a clone.</summary>
    public void Hook(string repository, string name, string script)
    {
        var hooks = Directory.Exists(Path.Combine(repository, ".git")) ? Path.Combine(repository, ".git", "hooks") : Path.Combine(repository, "hooks");
        var path = Path.Combine(hooks, name);
        // Hooks run with GIT_DIR and friends set for their own repository; a hook that works elsewhere clears them.
        File.WriteAllText(path, "#!/usr/bin/env bash\nunset $(git rev-parse --local-env-vars)\nset -e\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A shell line for a hook: the colleague moves the remote (in a subshell: the hook's folder stays).</summary>
    public string ColleaguePushLine(string file) =>
        $"(cd '{Colleague}' && git pull -q --ff-only origin main && date +%s%N >> '{file}' && git add '{file}' && " +
        $"git -c user.name=Colleague -c user.email=colleague@example.test commit -q -m 'Colleague moves main' && git push -q origin HEAD:refs/heads/main)";

    public string Git(string directory, params string[] arguments) => Git(directory, arguments, allowFailure: false);

    public string Git(string directory, string[] arguments, bool allowFailure = false, bool trim = true)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish in 30 s");
        }
        if (process.ExitCode != 0 && !allowFailure)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} in {directory} failed ({process.ExitCode}): {error.Result}");
        return trim ? output.Result.Trim() : output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed half-way may leave a git process holding a file; the temp folder is cleaned later.
        }
    }
}
