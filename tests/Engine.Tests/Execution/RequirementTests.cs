using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Execution;

public sealed class RequirementTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class TokenBuild : RecordingBuild
    {
        [Parameter("API token")] public string? ApiToken { get; set; }
        [Parameter("Replicas")] public string Replicas { get; set; } = "1";

        public Target Build => _ => _.Executes(() => Record(nameof(Build)));
        public Target Publish => _ => _.DependsOn(Build).Requires(() => ApiToken).Executes(() => Record(nameof(Publish)));
        public Target Scale => _ => _.Requires(() => Replicas != "0").Executes(() => Record(nameof(Scale)));
    }

    [Fact]
    public async Task A_missing_required_parameter_fails_before_any_target_runs()
    {
        var build = new TokenBuild();
        var run = await _harness.RunAsync(build, ["Publish", "Scale", "--replicas", "0"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Publish needs parameter --api-token", run.Output);
        Assert.Contains("Scale needs Replicas != \"0\"", run.Output);
    }

    [Fact]
    public async Task A_requirement_of_a_target_outside_the_plan_is_not_checked()
    {
        var build = new TokenBuild();
        var run = await _harness.RunAsync(build, ["Build"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Build"], build.Ran);
    }

    [Fact]
    public async Task A_met_requirement_lets_the_target_run()
    {
        var build = new TokenBuild();
        _harness.Environment["API_TOKEN"] = "token-from-environment";
        var run = await _harness.RunAsync(build, ["Publish"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Build", "Publish"], build.Ran);
    }
}
