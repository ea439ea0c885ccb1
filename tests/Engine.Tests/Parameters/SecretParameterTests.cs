using Serilog;
using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class SecretParameterTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>A fresh value per test: the secret list is process-wide, so tests must not share one.</summary>
    private static string NewSecret() => "tok_" + Guid.NewGuid().ToString("N");

    private sealed class LeakyBuild : NukeBuild
    {
        [Parameter("API token", Name = "github-token")]
        [Secret]
        public string? GitHubToken { get; set; }

        [Parameter("A secret number")]
        [Secret]
        public int Pin { get; set; }

        public Target Leak => _ => _.Executes(() =>
        {
            Log.Information("token is {Token}", GitHubToken);
            Log.Warning("again: " + GitHubToken);
            throw new InvalidOperationException($"failed with token {GitHubToken}");
        });
    }

    private sealed class DefaultSecretBuild : NukeBuild
    {
        [Parameter("Deploy key")]
        [Secret]
        public string DeployKey { get; set; } = "default-deploy-key-0123456789";

        public Target Noop => _ => _.Executes(() => { });
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("verbose")]
    public async Task A_secret_from_the_environment_never_appears_in_logs_exceptions_or_the_summary(string verbosity)
    {
        var secret = NewSecret();
        _root.Environment["GITHUB_TOKEN"] = secret;

        var (code, output) = await _root.RunAsync<LeakyBuild>("Leak", "--verbosity", verbosity);

        Assert.Equal(1, code);
        Assert.Contains("token is ***", output);
        Assert.Contains("failed with token ***", output);
        Assert.DoesNotContain(secret, output);
    }

    [Fact]
    public async Task A_secret_from_the_command_line_or_a_parameters_file_is_masked_too()
    {
        var fromCommandLine = NewSecret();
        var fromFile = NewSecret();
        _root.WithFile("parameters.json", $$"""{ "GitHubToken": "{{fromFile}}" }""");

        var (code, output) = await _root.RunAsync<LeakyBuild>("Leak", "--github-token", fromCommandLine);

        Assert.Equal(1, code);
        Assert.DoesNotContain(fromCommandLine, output);
        // The file's value lost to the command line, and is registered all the same.
        Assert.Equal("x *** y", Secrets.Mask($"x {fromFile} y"));
    }

    [Fact]
    public async Task A_bad_secret_value_is_reported_without_the_value()
    {
        var secret = NewSecret();
        _root.Environment["PIN"] = secret;

        var (code, output) = await _root.RunAsync<LeakyBuild>("Leak");

        Assert.Equal(2, code);
        Assert.Contains("--pin: the value given is not a whole number (from environment variable PIN).", output);
        Assert.DoesNotContain(secret, output);
    }

    [Fact]
    public void A_secret_error_for_several_values_does_not_list_them()
    {
        var message = _root.ErrorOf<LeakyBuild>("--github-token", "first-secret-word", "second-secret-word");

        Assert.Equal("--github-token: takes one value, got 2.", message);
    }

    [Fact]
    public async Task Help_shows_a_secret_as_secret_and_never_its_default()
    {
        var (code, output) = await _root.RunAsync<DefaultSecretBuild>("--help");

        Assert.Equal(0, code);
        Assert.Contains("--deploy-key", output);
        Assert.Contains("Deploy key (secret)", output);
        Assert.DoesNotContain("default-deploy-key", output);
    }
}
