using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Planning;

public sealed class PlanErrorTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private sealed class CycleBuild : RecordingBuild
    {
        // B before A (dependency), C before B (order), A before C (trigger): a cycle no single edge kind shows.
        public Target A => _ => _.DependsOn(B).Triggers(C).Executes(() => Record("A"));
        public Target B => _ => _.After(C).Executes(() => Record("B"));
        public Target C => _ => _.Executes(() => Record("C"));
        public Target D => _ => _.Executes(() => Record("D"));
    }

    private sealed class SelfBuild : RecordingBuild
    {
        public Target Loop => _ => _.DependsOn(Loop).Executes(() => Record("Loop"));
    }

    public interface IClean : INukeBuild
    {
        Target Clean => _ => _.Executes(() => { });
    }

    private sealed class DuplicateBuild : RecordingBuild, IClean
    {
        // Not an implementation of IClean.Clean (that would need the interface's name): a second target named Clean.
        public Target clean => _ => _.Executes(() => Record("clean"));
    }

    [Fact]
    public async Task A_cycle_over_any_edge_kind_is_a_usage_error_naming_its_targets()
    {
        var build = new CycleBuild();
        var run = await _harness.RunAsync(build, ["D"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cycle", run.Output);
        foreach (var name in new[] { "A", "B", "C" })
            Assert.Matches($@"\b{name}\b", run.Output[run.Output.IndexOf("cycle", StringComparison.Ordinal)..]);
        Assert.Empty(build.Ran);
    }

    private sealed class BrokenDefinitionBuild : RecordingBuild
    {
        public Target Broken => _ => throw new InvalidOperationException("no description for you");
        public Target Fine => _ => _.Executes(() => Record("Fine"));
    }

    [Fact]
    public async Task A_definition_that_throws_is_a_usage_error_naming_the_target()
    {
        var build = new BrokenDefinitionBuild();
        var run = await _harness.RunAsync(build, ["Fine"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The definition of target Broken is broken: no description for you", run.Output);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_target_that_depends_on_itself_is_a_usage_error()
    {
        var run = await _harness.RunAsync(new SelfBuild(), ["Loop"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target Loop depends on itself", run.Output);
    }

    [Fact]
    public async Task Two_targets_with_one_name_are_an_error_naming_both()
    {
        var run = await _harness.RunAsync(new DuplicateBuild(), ["Clean"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Two targets are named", run.Output);
        Assert.Contains("IClean", run.Output);
        Assert.Contains("DuplicateBuild", run.Output);
    }
}
