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
        foreach (var argument in GitClient.CredentialArguments.Append("credential").Append("fill"))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in repositories.Environment)
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
        Assert.DoesNotContain(Token, string.Join(' ', GitClient.CredentialArguments));
    }

    [Fact(Timeout = 60_000)]
    public async Task Remote_calls_carry_the_token_only_in_the_environment_and_never_print_it()
    {
        using var repositories = GitRepositories.Create();
        Secrets.Register(Token);
        var output = CapturedOutput.Start();
        var git = new GitClient(new ToolRunner(false), Token, repositories.Environment);

        await new DeployerClone(git).EnsureAsync(repositories.Remote, "main", repositories.Clone, CancellationToken.None);

        Assert.Contains("credential.helper=", output.Text);
        Assert.Contains("git -c credential.helper=", output.Text);
        Assert.DoesNotContain(Token, output.Text);
        Assert.DoesNotContain(Secrets.Placeholder, output.Text);
    }
}
