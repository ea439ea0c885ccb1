using System.Text.Json;
using Xooo.Build.Tests.Support;

namespace Xooo.Build.Tests.Image;

/// <summary>Builds, verifies, promotes and rolls back real images on the machine's Docker engine.</summary>
[Collection(DockerCollection.Name)]
public sealed class ImageBuildTests(DockerFixture docker) : DockerImageTest(docker)
{
    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => BuildAsync(arguments);

    [SkippableFact(Timeout = 600_000)]
    public async Task A_full_build_promotes_latest_with_its_labels_and_keeper_and_an_unchanged_rerun_is_up_to_date()
    {
        var parent = await Docker.ReadyAsync();

        var (exitCode, output) = await RunAsync("BuildBaseImage");

        Assert.True(exitCode == 0, output);
        var latest = await TestDocker.ImageIdAsync($"{Name}:latest");
        Assert.NotNull(latest);
        Assert.NotEqual(parent, latest);
        Assert.Equal([$"{Name}:latest"], await TestDocker.TagsAsync(latest));
        Assert.Null(await TestDocker.ImageIdAsync($"{Name}:candidate"));
        var labels = await TestDocker.LabelsAsync($"{Name}:latest");
        Assert.Matches("^sha256:[0-9a-f]{64}$", labels["xooo.base-image.inputs-hash"]);
        Assert.Equal(TestParentImage.Reference, labels["org.opencontainers.image.base.name"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", labels["org.opencontainers.image.created"]);
        Assert.Contains("org.opencontainers.image.version", labels.Keys);
        Assert.Contains("org.opencontainers.image.revision", labels.Keys);
        var keeper = await TestDocker.ContainerAsync($"{Name}-latest-keeper");
        Assert.Equal(latest, keeper?.ImageId);
        Assert.Equal("false", keeper?.Labels["coolify.managed"]);
        using (var report = JsonDocument.Parse(File.ReadAllText(Root.TempFile("verify-report.json"))))
        {
            Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
            Assert.Equal(latest, report.RootElement.GetProperty("imageId").GetString());
            Assert.Contains(report.RootElement.GetProperty("checks").EnumerateArray(),
                c => c.GetProperty("name").GetString() == "uvicorn[standard]==0.32.0" && c.GetProperty("status").GetString() == "passed");
        }

        var (again, rerun) = await RunAsync("BuildBaseImage");

        Assert.True(again == 0, rerun);
        Assert.Contains($"{Name}:latest is up to date: same inputs", rerun);
        Assert.DoesNotContain("docker build", rerun);
        Assert.Equal(latest, await TestDocker.ImageIdAsync($"{Name}:latest"));

        var (alone, verified) = await RunAsync("Verify");

        Assert.True(alone == 0, verified);
        Assert.Contains($"({Name}:latest; nothing moves)", verified);
        Assert.Equal(latest, await TestDocker.ImageIdAsync($"{Name}:latest"));
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task A_changed_requirement_rebuilds_keeps_the_old_image_as_prev_and_rollback_swaps_them_back()
    {
        await Docker.ReadyAsync();
        var (first, firstOutput) = await RunAsync("BuildBaseImage");
        Assert.True(first == 0, firstOutput);
        var old = await TestDocker.ImageIdAsync($"{Name}:latest");

        var requirements = Root.BaseImageFile("requirements.txt");
        File.WriteAllText(requirements, File.ReadAllText(requirements).Replace("python-dotenv==1.0.1", "python-dotenv==1.0.0"));
        var (second, secondOutput) = await RunAsync("BuildBaseImage");

        Assert.True(second == 0, secondOutput);
        Assert.Contains("the inputs changed since", secondOutput);
        var rebuilt = await TestDocker.ImageIdAsync($"{Name}:latest");
        Assert.NotEqual(old, rebuilt);
        Assert.Equal(old, await TestDocker.ImageIdAsync($"{Name}:prev"));
        Assert.Equal([$"{Name}:latest"], await TestDocker.TagsAsync(rebuilt!));
        Assert.Equal([$"{Name}:prev"], await TestDocker.TagsAsync(old!));
        Assert.Equal(rebuilt, (await TestDocker.ContainerAsync($"{Name}-latest-keeper"))?.ImageId);
        Assert.Equal(old, (await TestDocker.ContainerAsync($"{Name}-prev-keeper"))?.ImageId);
        Assert.Equal("false", (await TestDocker.ContainerAsync($"{Name}-prev-keeper"))?.Labels["coolify.managed"]);

        var (rollback, rollbackOutput) = await RunAsync("Rollback");

        Assert.True(rollback == 0, rollbackOutput);
        Assert.Equal(old, await TestDocker.ImageIdAsync($"{Name}:latest"));
        Assert.Equal(rebuilt, await TestDocker.ImageIdAsync($"{Name}:prev"));
        Assert.Equal(old, (await TestDocker.ContainerAsync($"{Name}-latest-keeper"))?.ImageId);
        Assert.Equal(rebuilt, (await TestDocker.ContainerAsync($"{Name}-prev-keeper"))?.ImageId);

        var (status, statusOutput) = await RunAsync("Status", "--json");

        Assert.True(status == 0, statusOutput);
        Assert.Contains($"Inputs changed since {Name}:latest was built", statusOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Root.TempFile("image-status.json")));
        var latest = json.RootElement.GetProperty("latest");
        Assert.Equal(old, latest.GetProperty("id").GetString());
        Assert.True(latest.GetProperty("keeperOk").GetBoolean());
        Assert.True(json.RootElement.GetProperty("prev").GetProperty("keeperOk").GetBoolean());
        Assert.True(json.RootElement.GetProperty("inputsChanged").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("packages").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "python-dotenv" && p.GetProperty("version").GetString() == "1.0.1");
    }
}
