using Xooo.Build.Tests.Support;

namespace Xooo.Build.Tests.Image;

/// <summary>
/// Whatever goes wrong in a build or a check, the working `latest` and its keeper stay exactly as they were.
/// Each test starts from a planted `latest` (the parent image, tagged and kept as a rollout would leave it).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ImageFailureTests(DockerFixture docker) : DockerImageTest(docker)
{
    private async Task<string> PlantLatestAsync() => await TestDocker.PlantLatestAsync(Name, await Docker.ReadyAsync());

    private async Task AssertLatestUnchangedAsync(string latest)
    {
        Assert.Equal(latest, await TestDocker.ImageIdAsync($"{Name}:latest"));
        Assert.Equal(latest, (await TestDocker.ContainerAsync($"{Name}-latest-keeper"))?.ImageId);
        Assert.Null(await TestDocker.ImageIdAsync($"{Name}:prev"));
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task A_wrong_postgrest_checksum_fails_the_build_and_leaves_latest_alone()
    {
        var latest = await PlantLatestAsync();

        var (exitCode, output) = await BuildAsync(["BuildBaseImage"], postgrestSha256: new string('0', 64));

        Assert.Equal(1, exitCode);
        Assert.Contains($"has SHA-256 {Docker.Postgrest.GoodSha256} but the pin is {new string('0', 64)}: refusing it", output);
        await AssertLatestUnchangedAsync(latest);
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task A_package_the_index_lacks_fails_the_build_and_leaves_latest_alone()
    {
        var latest = await PlantLatestAsync();
        File.AppendAllText(Root.BaseImageFile("requirements.txt"), "left-pad==1.0.0\n");

        var (exitCode, output) = await BuildAsync(["BuildBaseImage"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("No matching distribution found for left-pad==1.0.0", output);
        await AssertLatestUnchangedAsync(latest);
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task A_failing_check_fails_verify_lists_the_failure_and_moves_nothing()
    {
        var latest = await PlantLatestAsync();

        var (exitCode, output) = await BuildAsync(["BuildBaseImage"], Docker.Postgrest.WrongVersionUrl, Docker.Postgrest.WrongVersionSha256);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Verify failed on {Name}:candidate, so {Name}:latest did not move.", output);
        Assert.Contains("  - postgrest --version is 12.2.3: PostgREST 12.2.2", output);
        Assert.DoesNotContain("uvicorn[standard]==0.32.0: ", output);
        await AssertLatestUnchangedAsync(latest);
        Assert.NotNull(await TestDocker.ImageIdAsync($"{Name}:candidate"));
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task Cancelling_during_the_build_stops_docker_build_and_leaves_latest_alone()
    {
        var latest = await PlantLatestAsync();
        var (url, stall) = Docker.Postgrest.StallingDownload();
        using var cancellation = new CancellationTokenSource();

        var run = BuildAsync(["BuildBaseImage"], url, new string('0', 64), cancellation.Token);
        var started = await Task.WhenAny(stall.Requested, run);
        Assert.True(started == stall.Requested, started == run ? (await run).Output : "");
        cancellation.Cancel();
        var (exitCode, output) = await run;

        Assert.Equal(1, exitCode);
        Assert.Contains("cancelled", output);
        Assert.Empty(DockerBuildProcesses());
        // The daemon stops the build's container too: the download it was making is dropped.
        Assert.Same(stall.ClientGone, await Task.WhenAny(stall.ClientGone, Task.Delay(TimeSpan.FromSeconds(60))));
        await AssertLatestUnchangedAsync(latest);
        Assert.Null(await TestDocker.ImageIdAsync($"{Name}:candidate"));
    }

    // Any docker CLI process still building this test's candidate, found through /proc.
    private List<string> DockerBuildProcesses() =>
        [.. Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(c => c.Contains("build", StringComparison.Ordinal) && c.Contains($"{Name}:candidate", StringComparison.Ordinal))];
}
