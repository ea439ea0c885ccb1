namespace Xooo.Engine.Tests.Tooling;

public class ToolRunnerEchoTests
{
    private readonly ToolRunner _runner = new(dryRun: false);

    [Fact(Timeout = 60_000)]
    public async Task A_secret_passed_by_environment_is_masked_in_the_echo_and_in_what_the_tool_prints()
    {
        var log = LogCapture.Start();
        var secret = "s3cr-" + Guid.NewGuid().ToString("N");
        var command = new ToolCommand("sh")
            .WithArguments("-c", "echo \"the token is $API_TOKEN\"")
            .WithSecretEnvironment("API_TOKEN", secret);

        var result = await _runner.RunAsync(command);

        Assert.Contains("the token is " + secret, result.Output);
        Assert.Contains(log.Lines, l => l.Contains("> sh -c"));
        Assert.Contains(log.Lines, l => l.EndsWith("the token is ***"));
        Assert.DoesNotContain(secret, log.Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_short_secret_in_the_environment_is_still_echoed_as_stars()
    {
        var log = LogCapture.Start(Verbosity.Verbose);

        await _runner.RunAsync(new ToolCommand("true").WithSecretEnvironment("PIN", "42").WithEnvironment("MODE", "fast lane"));

        Assert.Contains(log.Lines, l => l.Contains("with environment MODE='fast lane' PIN=***"));
        Assert.Contains(log.Lines, l => l.EndsWith("> true"));
        Assert.DoesNotContain(log.Lines, l => l.Contains("PIN=42"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_argument_that_happens_to_contain_a_registered_secret_is_echoed_masked()
    {
        var log = LogCapture.Start();
        var secret = TestSecrets.Register();

        await _runner.RunAsync(new ToolCommand("echo").WithArguments("https://x:" + secret + "@example.invalid/repo.git"));

        Assert.Contains(log.Lines, l => l.Contains("> echo https://x:***@example.invalid/repo.git"));
        Assert.Contains(log.Lines, l => l.EndsWith("  https://x:***@example.invalid/repo.git"));
        Assert.DoesNotContain(secret, log.Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_command_is_echoed_before_its_output_quoted_so_it_can_be_pasted_back()
    {
        var log = LogCapture.Start();

        await _runner.RunAsync(new ToolCommand("echo").WithArguments("two words", "it's"));

        var echo = log.Lines.ToList().FindIndex(l => l.Contains("> echo 'two words' 'it'\\''s'"));
        var output = log.Lines.ToList().FindIndex(l => l.EndsWith("  two words it's"));
        Assert.True(echo >= 0 && output > echo, log.Text);
    }
}
