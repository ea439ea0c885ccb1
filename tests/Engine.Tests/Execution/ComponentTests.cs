using Engine.Tests.Support;
using Xooo.Engine;

namespace Engine.Tests.Execution;

public sealed class ComponentTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public interface IHasLint : INukeBuild
    {
        List<string> Ran { get; }
        Target Lint => _ => _.Description("Lint the sources").Executes(() => Ran.Add(nameof(Lint)));
    }

    private sealed class ComposedBuild : RecordingBuild, IHasLint
    {
        public Target Compile => _ => _.DependsOn<IHasLint>(x => x.Lint).Executes(() => Record(nameof(Compile)));
    }

    [Fact]
    public async Task A_component_interface_brings_its_default_target_and_can_be_depended_on()
    {
        var build = new ComposedBuild();
        var run = await _harness.RunAsync(build, ["Compile"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Lint", "Compile"], build.Ran);
    }

    [Fact]
    public async Task A_component_target_appears_in_help_with_its_description()
    {
        var run = await _harness.RunAsync(new ComposedBuild(), ["--help"]);
        Assert.Matches(@"Lint\s+Lint the sources", run.Output);
        Assert.Matches(@"Compile\s+-> Lint", run.Output);
    }
}
