using System.Diagnostics;
using Xooo.Build.Deployer;
using Xooo.Build.Tests.Deployer.Support;
using Xooo.Engine;

namespace Xooo.Build.Tests.Deployer;

public class GitClientTests
{
    private const string Token = "ghp_gitclient0123456789abcdefSECRET";

    [Fact(Timeout = 30_000)]
    public async Task The_credential_helper_hands_git_the_token_from_the_environment()
    {
        using var repositories = GitRepositories.Create();
        var start = new ProcessStartInfo("git") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repositories.Root };
        start.ArgumentList.Add("credential");
        start.ArgumentList.Add("fill");
        foreach (var (name, value) in repositories.Environment.Concat(GitClient.CredentialEnvironment))
            start.Environment[name] = value;
        start.Environment[GitClient.TokenVariable] = Token;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        using var git = Process.Start(start)!;
        await git.StandardInput.WriteAsync("protocol=https\nhost=github.com\npath=owner/deployer.git\n\n");
        git.StandardInput.Close();
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();

        Assert.Equal(0, git.ExitCode);
        Assert.Contains("username=x-access-token\n", output);
        Assert.Contains($"password={Token}\n", output);
        Assert.DoesNotContain(Token, string.Join(' ', GitClient.CredentialEnvironment.Values));
    }

    [Fact(Timeout = 60_000)]
    public async Task Clone_and_push_over_https_authenticate_with_the_token_from_the_environment()
    {
        using var repositories = GitRepositories.Create();
        using var server = new GitHttpServer(repositories, Token);
        Secrets.Register(Token);
        var output = CapturedOutput.Start();
        var git = new GitClient(new ToolRunner(false), Token, repositories.Environment);

        await new DeployerClone(git).EnsureAsync(server.RemoteUrl, "main", repositories.Clone, CancellationToken.None);
        File.WriteAllText(Path.Combine(repositories.Clone, "nixpacks.toml"), RealisticFile.After);
        var commit = new DeployerCommit(git);
        await commit.CommitAsync(repositories.Clone, ["nixpacks.toml"], "Use the image", CancellationToken.None);
        var pushed = await commit.PushAsync(repositories.Clone, "main", CancellationToken.None);

        Assert.Equal("pushed to main", pushed);
        Assert.Equal(RealisticFile.After, repositories.RemoteFile("nixpacks.toml"));
        Assert.True(server.Challenged > 0 && server.Authorized > 0, $"challenged {server.Challenged}, authorized {server.Authorized}");
        Assert.Equal(server.RemoteUrl, repositories.Git(repositories.Clone, "config", "--get", "remote.origin.url"));
        Assert.DoesNotContain(Token, output.Text);
        // The token travels only in the environment: the one place it shows, as ***, is the debug line that lists it.
        Assert.All(output.Text.Split('\n').Where(line => line.Contains(Secrets.Placeholder)),
            line => Assert.Contains("with environment", line));
        Assert.DoesNotContain(Token, File.ReadAllText(Path.Combine(repositories.Clone, ".git", "config")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_token_fails_the_clone_at_once_without_a_prompt_or_the_token_in_the_error()
    {
        using var repositories = GitRepositories.Create();
        using var server = new GitHttpServer(repositories, Token);
        const string wrong = "ghp_wrongTOKEN0123456789abcdefghij";
        Secrets.Register(wrong);
        var git = new GitClient(new ToolRunner(false), wrong, repositories.Environment);

        var error = await Assert.ThrowsAsync<ToolException>(() => new DeployerClone(git).EnsureAsync(server.RemoteUrl, "main", repositories.Clone, CancellationToken.None));

        Assert.Contains("Authentication failed", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.Equal(0, server.Authorized);
    }
}
