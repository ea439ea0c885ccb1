using Xooo.Build.Tests.Support;
using Xooo.Engine;

namespace Xooo.Build.Tests.Image;

/// <summary>A developer laptop without Docker: the compiled build runs as a process with no docker on PATH.</summary>
public sealed class DryRunTests : IDisposable
{
    private readonly ImageTestRoot _root = new();
    private readonly DirectoryInfo _emptyPath = Directory.CreateTempSubdirectory("xooo-empty-path-");

    public void Dispose()
    {
        _root.Dispose();
        _emptyPath.Delete(recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_dry_run_without_docker_completes_and_prints_the_docker_commands_it_would_run()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ProgramLocator.Find("dotnet")
            ?? throw new InvalidOperationException("dotnet was not found");
        var sha = new string('a', 64);

        var result = await TestProcess.RunAsync(dotnet,
            [Path.Combine(AppContext.BaseDirectory, "_build.dll"), "BuildBaseImage", "--dry-run", "--root", _root.Path, "--no-logo", "--postgrest-sha256", sha],
            TimeSpan.FromSeconds(100),
            new Dictionary<string, string?> { ["PATH"] = _emptyPath.FullName, ["DOCKER_HOST"] = null },
            _root.Path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("[dry run] docker is not installed; skipped the query: docker version", result.Output);
        Assert.Contains("[dry run] would run: docker pull python:3.11-slim-bookworm", result.Output);
        Assert.Contains($"[dry run] would run: docker build --network host --force-rm --file {_root.BaseImageFile("Dockerfile")} --tag xooo-backend-base:candidate", result.Output);
        Assert.Contains($"--build-arg POSTGREST_SHA256={sha} --build-arg POSTGREST_URL=https://github.com/PostgREST/postgrest/releases/download/v12.2.3/postgrest-v12.2.3-linux-static-x64.tar.xz --build-arg PYTHON_IMAGE=python:3.11-slim-bookworm", result.Output);
        Assert.Contains("[dry run] would run: docker run --rm --interactive --network none --entrypoint /opt/venv/bin/python xooo-backend-base:candidate -", result.Output);
        Assert.Contains("[dry run] would run: docker tag xooo-backend-base:candidate xooo-backend-base:latest", result.Output);
        Assert.Contains("[dry run] would run: docker create --name xooo-backend-base-latest-keeper --network none --label coolify.managed=false", result.Output);
        Assert.Contains("Build succeeded", result.Output);
        Assert.Contains("Promoted: xooo-backend-base:latest is xooo-backend-base:candidate (first image)", result.Output);
        Assert.False(File.Exists(_root.TempFile("verify-report.json")), "a dry run wrote the Verify report");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_dry_run_without_a_PostgREST_pin_warns_that_a_real_build_would_refuse_and_goes_on()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ProgramLocator.Find("dotnet")
            ?? throw new InvalidOperationException("dotnet was not found");

        var result = await TestProcess.RunAsync(dotnet,
            [Path.Combine(AppContext.BaseDirectory, "_build.dll"), "BuildBaseImage", "--dry-run", "--root", _root.Path, "--no-logo"],
            TimeSpan.FromSeconds(100),
            new Dictionary<string, string?> { ["PATH"] = _emptyPath.FullName, ["DOCKER_HOST"] = null },
            _root.Path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("A real build would stop here: No PostgREST SHA-256 pin is recorded", result.Output);
        Assert.Contains("[dry run] would run: docker build", result.Output);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_dry_run_with_the_docker_CLI_but_no_daemon_warns_and_completes()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ProgramLocator.Find("dotnet")
            ?? throw new InvalidOperationException("dotnet was not found");
        Skip.If(ProgramLocator.Find("docker") is null, "the docker CLI is not on PATH");
        var socket = $"unix:///nonexistent-{Guid.NewGuid():N}.sock";

        var result = await TestProcess.RunAsync(dotnet,
            [Path.Combine(AppContext.BaseDirectory, "_build.dll"), "BuildBaseImage", "--dry-run", "--root", _root.Path, "--no-logo", "--postgrest-sha256", new string('b', 64)],
            TimeSpan.FromSeconds(100),
            new Dictionary<string, string?> { ["DOCKER_HOST"] = socket },
            _root.Path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"A real build would stop here: The Docker daemon at {socket} does not answer", result.Output);
        Assert.Contains("[dry run] the Docker daemon does not answer; skipped the query: docker image inspect", result.Output);
        Assert.Contains("[dry run] would run: docker build", result.Output);
        Assert.Contains("Build succeeded", result.Output);
    }
}
