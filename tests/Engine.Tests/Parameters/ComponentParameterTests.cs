using Serilog;
using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class ComponentParameterTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    public interface IHasRegion : INukeBuild
    {
        [Parameter("Region to deploy to")]
        string? Region { get; }

        Target ShowRegion => _ => _.Executes(() => Log.Information("region={Region}", Region));
    }

    public interface IHasZone : INukeBuild
    {
        [Parameter("Zone inside the region")]
        string Zone { get; set; }
    }

    public interface IHasReplicas : INukeBuild
    {
        [Parameter("Replicas")]
        int Replicas { get; }
    }

    /// <summary>Implements one component's parameter publicly, another explicitly.</summary>
    private sealed class ComponentBuild : NukeBuild, IHasRegion, IHasZone
    {
        public string? Region { get; set; }
        string IHasZone.Zone { get; set; } = "a";

        public string Zone => ((IHasZone)this).Zone;
    }

    /// <summary>Implements a get-only component parameter get-only: nothing can write it.</summary>
    private sealed class ReplicasBuild : NukeBuild, IHasReplicas
    {
        public int Replicas => 1;
    }

    public interface IHasFixedValue : INukeBuild
    {
        [Parameter("Cannot be set")]
        string Fixed => "fixed";
    }

    private sealed class FixedBuild : NukeBuild, IHasFixedValue;

    [Fact]
    public void A_component_parameter_is_set_through_the_implementing_property()
    {
        var build = _root.Inject<ComponentBuild>("--region", "eu-west", "--zone", "b");

        Assert.Equal("eu-west", build.Region);
        Assert.Equal("b", build.Zone);
    }

    [Fact]
    public void A_component_parameter_reads_the_environment_and_files_like_any_other()
    {
        _root.Environment["REGION"] = "from-env";
        _root.WithFile("parameters.json", """{ "Zone": "from-file" }""");

        var build = _root.Inject<ComponentBuild>();

        Assert.Equal(("from-env", "from-file"), (build.Region, build.Zone));
    }

    [Fact]
    public void A_get_only_component_parameter_without_a_settable_implementation_is_named_in_the_error()
    {
        Assert.Equal(
            "Parameter IHasReplicas.Replicas cannot be set: implement it in ReplicasBuild as a property with a setter ({ get; set; }).",
            _root.ErrorOf<ReplicasBuild>());
        Assert.Contains("Parameter IHasFixedValue.Fixed cannot be set", _root.ErrorOf<FixedBuild>());
    }

    private sealed class RegionBuild : NukeBuild, IHasRegion
    {
        public string? Region { get; set; }
    }

    [Fact]
    public async Task A_component_target_sees_its_parameter_and_help_lists_it()
    {
        var (code, output) = await _root.RunAsync<RegionBuild>("ShowRegion", "--region", "ap-south");
        var (_, help) = await _root.RunAsync<RegionBuild>("--help");

        Assert.Equal(0, code);
        Assert.Contains("region=ap-south", output);
        Assert.Contains("--region", help);
        Assert.Contains("Region to deploy to", help);
    }
}
