using Serilog;
using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class UnknownParameterTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class TagBuild : NukeBuild
    {
        [Parameter("Image tag")] public string ImageTag { get; set; } = "latest";
        [Parameter("Retries")] public int Retries { get; set; } = 1;

        public Target Show => _ => _.Executes(() => Log.Information("tag={Tag}", ImageTag));
    }

    [Fact]
    public async Task An_unknown_option_exits_with_code_2_and_suggests_the_closest_parameter()
    {
        var (code, output) = await _root.RunAsync<TagBuild>("Show", "--imagetagg", "x");

        Assert.Equal(2, code);
        Assert.Contains("Unknown parameter --imagetagg. Did you mean --image-tag?", output);
        Assert.DoesNotContain("tag=", output);
    }

    [Fact]
    public async Task An_unknown_option_far_from_every_name_lists_the_valid_names()
    {
        var (code, output) = await _root.RunAsync<TagBuild>("Show", "--completely-different");

        Assert.Equal(2, code);
        Assert.Contains("Unknown parameter --completely-different. Valid names: --image-tag, --retries, --help, --plan", output);
    }

    [Fact]
    public async Task A_near_miss_of_a_built_in_option_suggests_it()
    {
        var (code, output) = await _root.RunAsync<TagBuild>("Show", "--dry-rum");

        Assert.Equal(2, code);
        Assert.Contains("Did you mean --dry-run?", output);
    }

    [Fact]
    public async Task Unrelated_environment_variables_never_cause_errors()
    {
        _root.Environment["SOME_UNRELATED_THING"] = "value";
        _root.Environment["IMAGE_TAG_OLD"] = "value";
        _root.Environment["image-tag"] = "from-env";

        var (code, output) = await _root.RunAsync<TagBuild>("Show");

        Assert.Equal(0, code);
        Assert.Contains("tag=from-env", output);
    }

    [Fact]
    public async Task Built_in_options_and_parameters_in_any_spelling_are_accepted()
    {
        var (code, output) = await _root.RunAsync<TagBuild>("Show", "--ImageTag", "v2", "--no-logo", "--verbosity", "normal", "--RETRIES", "3");

        Assert.Equal(0, code);
        Assert.Contains("tag=v2", output);
    }
}
