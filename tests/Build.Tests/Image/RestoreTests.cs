using System.Text.RegularExpressions;
using Xooo.Build.Tests.Support;

namespace Xooo.Build.Tests.Image;

/// <summary>Restore's checks, run in memory; none of them builds anything.</summary>
public sealed class RestoreTests : IDisposable
{
    private const string Sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly ImageTestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private Task<(int ExitCode, string Output)> RestoreAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        InMemoryBuild.RunAsync(_root.Path, ["Restore", "--python-image", TestParentImage.Reference, .. arguments], environment);

    [Fact(Timeout = 60_000)]
    public async Task Every_missing_file_is_named_at_once()
    {
        foreach (var file in Directory.EnumerateFiles(_root.BaseImage))
            File.Delete(file);

        var (exitCode, output) = await RestoreAsync([]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Missing in {_root.BaseImage}: Dockerfile, requirements.txt, postgrest.sha256.", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Each_bad_requirement_line_is_named_with_its_number()
    {
        File.WriteAllText(_root.BaseImageFile("requirements.txt"), "fastapi==0.115.0\nuvicorn>=0.32\n# fine\npydantic\n");

        var (exitCode, output) = await RestoreAsync(["--postgrest-sha256", Sha]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{_root.BaseImageFile("requirements.txt")}:2: 'uvicorn>=0.32' is not pinned: write name==version", output);
        Assert.Contains($"{_root.BaseImageFile("requirements.txt")}:4: 'pydantic' is not pinned: write name==version", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_recorded_pin_it_refuses_and_says_how_to_record_one()
    {
        File.WriteAllText(_root.BaseImageFile("postgrest.sha256"), "# no pin yet\n");

        var (exitCode, output) = await RestoreAsync([]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"No PostgREST SHA-256 pin is recorded in {_root.BaseImageFile("postgrest.sha256")}.", output);
        Assert.Contains($"sha256sum postgrest-v12.2.3-linux-static-x64.tar.xz >> {_root.BaseImageFile("postgrest.sha256")}", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Credentials_in_the_package_index_address_are_refused_and_never_printed()
    {
        var (exitCode, output) = await RestoreAsync(["--postgrest-sha256", Sha, "--pip-index-url", "https://builder:s3cr3t-t0ken@pypi.example.org/simple/"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("--pip-index-url carries credentials: docker build records build arguments in the image's history.", output);
        Assert.DoesNotContain("s3cr3t-t0ken", output);
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Without_a_daemon_Restore_fails_with_a_clear_error_and_nothing_is_built()
    {
        DockerRequirement.Cli();
        var socket = $"unix:///tmp/xooo-no-daemon-{Guid.NewGuid():N}.sock";

        var (exitCode, output) = await InMemoryBuild.RunAsync(_root.Path,
            ["BuildBaseImage", "--python-image", TestParentImage.Reference, "--postgrest-sha256", Sha],
            new Dictionary<string, string> { ["DOCKER_HOST"] = socket });

        Assert.Equal(1, exitCode);
        Assert.Contains($"The Docker daemon at {socket} does not answer (Cannot connect to the Docker daemon at {socket}. Is the docker daemon running?)", output);
        Assert.Matches(new Regex(@"^BuildBaseImage\s+NotRun", RegexOptions.Multiline), output);
        Assert.DoesNotContain("docker build", output);
    }
}
