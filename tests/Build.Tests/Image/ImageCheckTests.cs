using Xooo.Build.Image;
using Xooo.Build.Tests.Support;
using Xooo.Engine;

namespace Xooo.Build.Tests.Image;

/// <summary>Verify's and Status's classes on small images made for the purpose, without the engine.</summary>
[Collection(DockerCollection.Name)]
public sealed class ImageCheckTests(DockerFixture docker) : DockerImageTest(docker)
{
    private readonly DockerClient _client = new(new ToolRunner(dryRun: false));

    [SkippableFact(Timeout = 600_000)]
    public async Task A_secret_in_the_history_or_environment_fails_its_check_and_is_never_printed()
    {
        await Docker.ReadyAsync();
        const string token = "ghp_leakedLeakedLeaked0123456789";
        File.WriteAllText(Root.BaseImageFile("Dockerfile.leak"), $"FROM {TestParentImage.Reference}\nENV DEPLOY_TOKEN={token}\nRUN true\n");
        await TestDocker.RunAsync("build", "--network", "host", "--force-rm", "--file", Root.BaseImageFile("Dockerfile.leak"), "--tag", $"{Name}:leak", Root.BaseImage);

        var report = await new ImageVerifier(_client).VerifyAsync($"{Name}:leak", [], "12.2.3", [token], CancellationToken.None);

        var secret = Assert.Single(report.Checks, c => c.Name == "no secret in history or environment");
        Assert.Equal(CheckStatus.Failed, secret.Status);
        Assert.Equal("a secret shows in the image history, environment", secret.Detail);
        Assert.DoesNotContain(token, report.ToJson());
        Assert.False(report.Passed);
    }

    [SkippableFact(Timeout = 600_000)]
    public async Task Status_warns_about_an_image_past_the_age_limit_and_a_missing_keeper()
    {
        var parent = await Docker.ReadyAsync();
        await TestDocker.RunAsync("tag", parent, $"{Name}:latest");

        var status = await new ImageStatus(_client).ReadAsync(
            new ImageNames(Name, "latest"), null, maxAgeDays: 0, lastReport: null, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None);

        Assert.Equal(parent, status.Latest.Id);
        Assert.False(status.Latest.KeeperOk);
        Assert.Null(status.Prev.Id);
        Assert.Contains(status.Warnings, w => w.StartsWith($"{Name}:latest is 2 days old, over --max-age-days 0", StringComparison.Ordinal));
        Assert.Contains($"The keeper {Name}-latest-keeper does not hold {Name}:latest: a cleanup may delete it (Verify or Rollback recreates it).", status.Warnings);
        Assert.Contains(status.Warnings, w => w.StartsWith($"{Name}:latest has 2 tags", StringComparison.Ordinal));
        Assert.Contains("  keeper " + $"{Name}-latest-keeper".PadRight(25) + " MISSING", status.Lines());
    }
}
