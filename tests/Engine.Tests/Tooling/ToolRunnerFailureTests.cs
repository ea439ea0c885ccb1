namespace Xooo.Engine.Tests.Tooling;

public class ToolRunnerFailureTests
{
    private readonly ToolRunner _runner = new(dryRun: false);

    [Fact(Timeout = 60_000)]
    public async Task An_unexpected_exit_code_throws_a_ToolException_that_never_shows_the_secret()
    {
        LogCapture.Start();
        var environmentSecret = "env-" + Guid.NewGuid().ToString("N");
        var argumentSecret = TestSecrets.Register();
        var command = new ToolCommand("sh")
            .WithArguments("-c", "echo progress; echo \"denied for $TOKEN\" >&2; echo \"and for $1\" >&2; exit 3", "sh", argumentSecret)
            .WithSecretEnvironment("TOKEN", environmentSecret);

        var exception = await Assert.ThrowsAsync<ToolException>(() => _runner.RunAsync(command));

        Assert.Equal(3, exception.ExitCode);
        Assert.StartsWith("sh -c", exception.Command);
        Assert.Contains("exited with code 3", exception.Message);
        Assert.Contains("denied for *** | and for ***", exception.Message);
        Assert.Contains("denied for ***", exception.Error);
        foreach (var text in new[] { exception.Message, exception.Command, exception.Error, exception.ToString() })
        {
            Assert.DoesNotContain(environmentSecret, text);
            Assert.DoesNotContain(argumentSecret, text);
        }
        Assert.DoesNotContain("CliWrap", exception.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Only_the_last_lines_of_the_error_output_go_into_the_message()
    {
        LogCapture.Start();

        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            _runner.RunAsync(new ToolCommand("sh").WithArguments("-c", "for i in 1 2 3 4 5 6 7 8; do echo err-$i >&2; done; exit 1")));

        Assert.EndsWith(": err-4 | err-5 | err-6 | err-7 | err-8", exception.Message);
        Assert.DoesNotContain("err-3", exception.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exit_code_the_caller_expects_is_returned_not_thrown()
    {
        LogCapture.Start();

        var result = await _runner.RunAsync(new ToolCommand("sh").WithArguments("-c", "exit 1").WithExpectedExitCodes(0, 1));

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Ran);
        Assert.False(result.Succeeded);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_is_not_installed_fails_with_an_error_naming_it()
    {
        LogCapture.Start();

        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            _runner.RunAsync(new ToolCommand("xooo-no-such-tool").WithArguments("status")));

        Assert.Contains("'xooo-no-such-tool' was not found on PATH", exception.Message);
        Assert.Contains("xooo-no-such-tool status", exception.Message);
        Assert.Null(exception.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_working_directory_fails_with_an_error_naming_it()
    {
        LogCapture.Start();
        var missing = Path.Combine(Path.GetTempPath(), "xooo-missing-" + Guid.NewGuid().ToString("N"));

        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            _runner.RunAsync(new ToolCommand("ls").WithWorkingDirectory(missing)));

        Assert.Contains($"The working directory {missing} does not exist", exception.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_cannot_start_fails_with_the_masked_command_and_the_reason()
    {
        LogCapture.Start();
        var secret = TestSecrets.Register();
        var script = Path.Combine(Path.GetTempPath(), "xooo-not-executable-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(script, "#!/bin/sh\necho never\n");
        try
        {
            var exception = await Assert.ThrowsAsync<ToolException>(() =>
                _runner.RunAsync(new ToolCommand(script).WithArguments("--token", secret)));

            Assert.Contains("Could not run", exception.Message);
            Assert.Contains("--token ***", exception.Message);
            Assert.DoesNotContain(secret, exception.ToString());
        }
        finally
        {
            File.Delete(script);
        }
    }
}
