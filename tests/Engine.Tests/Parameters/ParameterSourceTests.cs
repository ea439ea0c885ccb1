using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class ParameterSourceTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class LayeredBuild
    {
        [Parameter] public string First { get; set; } = "default";
        [Parameter] public string Second { get; set; } = "default";
        [Parameter] public string Third { get; set; } = "default";
        [Parameter] public string Fourth { get; set; } = "default";
        [Parameter] public string Fifth { get; set; } = "default";
    }

    private sealed class NamedBuild
    {
        [Parameter("Image tag")] public string ImageTag { get; set; } = "latest";
        [Parameter("Region")] public string? Region { get; set; }
        [Parameter("Token", Name = "github-token")] public string? GitHubToken { get; set; }
    }

    [Fact]
    public void Command_line_beats_environment_beats_profile_beats_parameters_json()
    {
        _root.WithFile("parameters.json", """{ "First": "json", "Second": "json", "Third": "json", "Fourth": "json" }""");
        _root.WithFile("parameters.ci.json", """{ "First": "profile", "Second": "profile", "Third": "profile" }""");
        _root.Environment["FIRST"] = "env";
        _root.Environment["SECOND"] = "env";

        var build = _root.Inject<LayeredBuild>("--first", "cli", "--profile", "ci");

        Assert.Equal(["cli", "env", "profile", "json", "default"], [build.First, build.Second, build.Third, build.Fourth, build.Fifth]);
    }

    [Fact]
    public void A_later_profile_wins_over_an_earlier_one()
    {
        _root.WithFile("parameters.a.json", """{ "First": "a", "Second": "a" }""");
        _root.WithFile("parameters.b.json", """{ "First": "b" }""");

        var together = _root.Inject<LayeredBuild>("--profile", "a", "b");
        var repeated = _root.Inject<LayeredBuild>("--profile", "a", "--profile", "b");
        var reversed = _root.Inject<LayeredBuild>("--profile", "b", "a");

        Assert.Equal(("b", "a"), (together.First, together.Second));
        Assert.Equal(("b", "a"), (repeated.First, repeated.Second));
        Assert.Equal(("a", "a"), (reversed.First, reversed.Second));
    }

    [Fact]
    public void Environment_names_match_ignoring_case_and_underscores_with_or_without_the_nuke_prefix()
    {
        _root.Environment["image_tag"] = "from-lower-case";
        _root.Environment["NUKE_REGION"] = "eu-from-prefixed";
        _root.Environment["GITHUB_TOKEN"] = "plain-token";
        _root.Environment["NUKE_GITHUB_TOKEN"] = "prefixed-token";

        var build = _root.Inject<NamedBuild>();

        Assert.Equal("from-lower-case", build.ImageTag);
        Assert.Equal("eu-from-prefixed", build.Region);
        Assert.Equal("prefixed-token", build.GitHubToken);
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        _root.WithFile("parameters.json", """{ "Region": "from-file" }""");
        _root.Environment["REGION"] = "";

        Assert.Equal("from-file", _root.Inject<NamedBuild>().Region);
    }

    [Fact]
    public void Parameters_file_keys_may_be_the_member_name_or_the_option_name_and_schema_is_ignored()
    {
        _root.WithFile("parameters.json", """
            {
              "$schema": "./build.schema.json",
              "ImageTag": "by-member-name",
              "github-token": "by-option-name",
              // comments and trailing commas are allowed, as editors write them
              "region": null,
            }
            """);

        var build = _root.Inject<NamedBuild>();

        Assert.Equal(("by-member-name", "by-option-name", null), (build.ImageTag, build.GitHubToken, build.Region));
    }

    [Fact]
    public void A_malformed_parameters_file_is_a_usage_error_naming_the_file_and_line()
    {
        _root.WithFile("parameters.json", "{\n  \"ImageTag\": \"x\",\n  \"Region\": \n}\n");

        var message = _root.ErrorOf<NamedBuild>();

        Assert.Equal($".nuke{Path.DirectorySeparatorChar}parameters.json is not valid JSON: line 4, column 1: '}}' cannot start a value.", message);
    }

    [Fact]
    public void A_key_given_twice_in_a_parameters_file_is_a_usage_error_naming_both_lines()
    {
        _root.WithFile("parameters.json", "{\n  \"ImageTag\": \"a\",\n  \"image-tag\": \"b\"\n}");

        Assert.EndsWith("parameters.json line 3: 'image-tag' is given again (first on line 2).", _root.ErrorOf<NamedBuild>());
    }

    [Fact]
    public void A_parameters_file_that_is_not_an_object_is_a_usage_error()
    {
        _root.WithFile("parameters.staging.json", """["ImageTag"]""");

        var message = _root.ErrorOf<NamedBuild>("--profile", "staging");

        Assert.Contains("parameters.staging.json: expected an object of parameter names and values, got an array", message);
    }

    [Fact]
    public void An_unknown_key_in_a_parameters_file_is_a_usage_error_with_the_closest_name()
    {
        _root.WithFile("parameters.json", """{ "ImageTagg": "x" }""");

        var message = _root.ErrorOf<NamedBuild>();

        Assert.Contains("parameters.json line 1: unknown parameter 'ImageTagg'. Did you mean ImageTag?", message);
    }

    [Fact]
    public void An_object_value_in_a_parameters_file_is_a_usage_error_naming_the_key()
    {
        _root.WithFile("parameters.json", """{ "Region": { "name": "eu" } }""");

        var message = _root.ErrorOf<NamedBuild>();

        Assert.Contains("parameters.json line 1: 'Region' must be a string, a number, true or false, or an array of these; got an object", message);
    }

    [Fact]
    public void A_missing_profile_is_a_usage_error_naming_the_file_and_the_profiles_that_exist()
    {
        _root.WithFile("parameters.ci.json", "{}").WithFile("parameters.local.json", "{}");

        var message = _root.ErrorOf<NamedBuild>("--profile", "staging");

        Assert.Equal($"--profile staging: .nuke{Path.DirectorySeparatorChar}parameters.staging.json does not exist. Profiles: ci, local.", message);
    }

    [Fact]
    public void Profile_without_a_name_is_a_usage_error()
    {
        Assert.Contains("--profile needs a name", _root.ErrorOf<NamedBuild>("--profile"));
    }

    [Fact]
    public void Target_and_skip_in_a_parameters_file_apply_when_the_command_line_gives_none()
    {
        _root.WithFile("parameters.ci.json", """{ "Target": ["Publish"], "Skip": ["Compile"] }""");

        _root.Inject<NamedBuild>(["--profile", "ci"], out var fromFile);
        _root.Inject<NamedBuild>(["Test", "--skip", "--profile", "ci"], out var fromCommandLine);

        Assert.Equal(["Publish"], fromFile.Targets);
        Assert.True(fromFile.TryGet("skip", out var skipped));
        Assert.Equal(["Compile"], skipped);
        Assert.Equal(["Test"], fromCommandLine.Targets);
        Assert.True(fromCommandLine.TryGet("skip", out var bare));
        Assert.Empty(bare);
    }

    private sealed class PipelineBuild : NukeBuild
    {
        public Target Compile => _ => _.Executes(() => Serilog.Log.Information("ran Compile"));
        public Target Publish => _ => _.DependsOn(Compile).Executes(() => Serilog.Log.Information("ran Publish"));
    }

    [Fact]
    public async Task A_profile_can_choose_the_targets_and_skips_of_a_run()
    {
        _root.WithFile("parameters.ci.json", """{ "Target": ["Publish"], "Skip": ["Compile"] }""");

        var (code, output) = await _root.RunAsync<PipelineBuild>("--profile", "ci");

        Assert.Equal(0, code);
        Assert.Contains("ran Publish", output);
        Assert.DoesNotContain("ran Compile", output);
    }
}
