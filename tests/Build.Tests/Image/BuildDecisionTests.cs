using Xooo.Build.Image;

namespace Xooo.Build.Tests.Image;

public sealed class BuildDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private static DockerImage Latest(string? hash, double daysOld) => new(
        "sha256:abc", ["xooo-backend-base:latest"], Now.AddDays(-daysOld), 1,
        hash is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [BuildDecision.InputsHashLabel] = hash }, []);

    [Fact]
    public void Same_inputs_and_younger_than_the_limit_is_up_to_date()
    {
        var decision = BuildDecision.Decide(Latest(Hash, 3), "xooo-backend-base:latest", Hash, 30, force: false, Now);

        Assert.False(decision.Build);
        Assert.Equal("xooo-backend-base:latest is up to date: same inputs, built 3 days ago (rebuilt after 30 days)", decision.Reason);
    }

    [Fact]
    public void No_latest_changed_inputs_old_age_or_force_each_build()
    {
        Assert.Equal("no image is tagged x:latest yet", BuildDecision.Decide(null, "x:latest", Hash, 30, false, Now).Reason);
        Assert.StartsWith("the inputs changed since x:latest was built (hash 222222222222 → 111111111111)",
            BuildDecision.Decide(Latest("sha256:" + new string('2', 64), 1), "x:latest", Hash, 30, false, Now).Reason);
        Assert.StartsWith("the inputs changed", BuildDecision.Decide(Latest(null, 1), "x:latest", Hash, 30, false, Now).Reason);
        Assert.Equal("x:latest is 31 days old, over --max-age-days 30 (the monthly security rebuild)",
            BuildDecision.Decide(Latest(Hash, 31), "x:latest", Hash, 30, false, Now).Reason);
        Assert.Equal("--force", BuildDecision.Decide(Latest(Hash, 1), "x:latest", Hash, 30, true, Now).Reason);
        Assert.All(new[] { (Hash, 31.0, false), (Hash, 1.0, true) },
            c => Assert.True(BuildDecision.Decide(Latest(c.Item1, c.Item2), "x:latest", Hash, 30, c.Item3, Now).Build));
    }
}
