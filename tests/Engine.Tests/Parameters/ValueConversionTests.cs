using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class ValueConversionTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    public enum Mode { Fast, SlowAndSteady }

    private sealed class TypedBuild
    {
        [Parameter] public string Name { get; set; } = "default";
        [Parameter] public bool Force { get; set; }
        [Parameter] public bool? Maybe { get; set; }
        [Parameter] public int MaxAgeDays { get; set; } = 30;
        [Parameter] public int? Limit { get; set; }
        [Parameter] public long Size { get; set; }
        [Parameter] public double Ratio { get; set; }
        [Parameter] public Mode Speed { get; set; }
        [Parameter] public Mode? OptionalSpeed { get; set; }
        [Parameter] public string[] Tags { get; set; } = [];
        [Parameter] public int[] Ports { get; set; } = [];
        [Parameter] public Mode[] Speeds { get; set; } = [];
        [Parameter] public AbsolutePath? Output { get; set; }
    }

    /// <summary>As the real build declares them: readonly fields with initializers.</summary>
    private sealed class FieldBuild
    {
        [Parameter] private readonly string _imageName = "xooo-backend-base";
        [Parameter] private readonly int _maxAgeDays = 30;

        public (string, int) Values => (_imageName, _maxAgeDays);
    }

    [Fact]
    public void Command_line_values_convert_to_their_types()
    {
        var build = _root.Inject<TypedBuild>(
            "--name", "n", "--force", "--maybe=false", "--max-age-days", "7", "--limit", "-3", "--size", "5000000000",
            "--ratio", "0.25", "--speed", "slow-and-steady", "--optional-speed", "FAST", "--tags", "a", "b", "c",
            "--ports", "80", "443", "--speeds", "fast", "SlowAndSteady", "--output", "out/dir");

        Assert.Equal("n", build.Name);
        Assert.True(build.Force);
        Assert.False(build.Maybe);
        Assert.Equal(7, build.MaxAgeDays);
        Assert.Equal(-3, build.Limit);
        Assert.Equal(5_000_000_000L, build.Size);
        Assert.Equal(0.25, build.Ratio);
        Assert.Equal(Mode.SlowAndSteady, build.Speed);
        Assert.Equal(Mode.Fast, build.OptionalSpeed);
        Assert.Equal(["a", "b", "c"], build.Tags);
        Assert.Equal([80, 443], build.Ports);
        Assert.Equal([Mode.Fast, Mode.SlowAndSteady], build.Speeds);
        Assert.Equal(Path.Combine(_root.Path, "out", "dir"), build.Output?.ToString());
    }

    [Fact]
    public void Absent_parameters_keep_their_defaults_and_nullables_stay_null()
    {
        var build = _root.Inject<TypedBuild>();

        Assert.Equal(("default", false, null, 30, null, null), (build.Name, build.Force, build.Maybe, build.MaxAgeDays, build.Limit, build.OptionalSpeed));
        Assert.Empty(build.Tags);
    }

    [Fact]
    public void Readonly_fields_receive_their_values()
    {
        var build = _root.Inject<FieldBuild>("--image-name", "other", "--max-age-days=5");

        Assert.Equal(("other", 5), build.Values);
    }

    [Fact]
    public void A_bool_flag_takes_true_or_false_after_it_and_leaves_other_words_alone()
    {
        Assert.False(_root.Inject<TypedBuild>("--force", "false").Force);
        Assert.True(_root.Inject<TypedBuild>("--force", "--name", "x").Force);
        Assert.True(_root.Inject<TypedBuild>("--force=TRUE").Force);
    }

    [Fact]
    public void An_absolute_path_stays_as_given_and_a_relative_one_is_under_the_root()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere");
        Assert.Equal(elsewhere, _root.Inject<TypedBuild>("--output", elsewhere).Output?.ToString());
        Assert.Equal(Path.Combine(_root.Path, "rel"), _root.Inject<TypedBuild>("--output", "./rel").Output?.ToString());
    }

    [Fact]
    public void Environment_values_convert_and_arrays_split_on_white_space()
    {
        _root.Environment["MAX_AGE_DAYS"] = "12";
        _root.Environment["TAGS"] = "one two\tthree";
        _root.Environment["SPEED"] = "slow_and_steady";
        _root.Environment["FORCE"] = "true";

        var build = _root.Inject<TypedBuild>();

        Assert.Equal((12, Mode.SlowAndSteady, true), (build.MaxAgeDays, build.Speed, build.Force));
        Assert.Equal(["one", "two", "three"], build.Tags);
    }

    [Fact]
    public void Parameters_file_values_may_be_strings_numbers_bools_and_arrays()
    {
        _root.WithFile("parameters.json", """
            { "MaxAgeDays": 9, "Ratio": 1.5, "Force": true, "Maybe": false, "Ports": [8080, "8081"], "Speeds": ["slow-and-steady"],
              "Tags": ["x"], "Size": "42", "Output": "from/file" }
            """);

        var build = _root.Inject<TypedBuild>();

        Assert.Equal((9, 1.5, true, (bool?)false, 42L), (build.MaxAgeDays, build.Ratio, build.Force, build.Maybe, build.Size));
        Assert.Equal([8080, 8081], build.Ports);
        Assert.Equal([Mode.SlowAndSteady], build.Speeds);
        Assert.Equal(["x"], build.Tags);
        Assert.Equal(Path.Combine(_root.Path, "from", "file"), build.Output?.ToString());
    }

    [Theory]
    [InlineData(new[] { "--max-age-days", "abc" }, "--max-age-days: 'abc' is not a whole number.")]
    [InlineData(new[] { "--max-age-days", "99999999999" }, "--max-age-days: '99999999999' is not a whole number from -2147483648 to 2147483647.")]
    [InlineData(new[] { "--limit", "1.5" }, "--limit: '1.5' is not a whole number.")]
    [InlineData(new[] { "--size", "big" }, "--size: 'big' is not a whole number.")]
    [InlineData(new[] { "--ratio", "half" }, "--ratio: 'half' is not a number.")]
    [InlineData(new[] { "--maybe=yes" }, "--maybe: 'yes' is not true or false.")]
    [InlineData(new[] { "--speed", "slow" }, "--speed: 'slow' is not one of: fast, slow-and-steady.")]
    [InlineData(new[] { "--speeds", "fast", "faster" }, "--speeds: 'faster' is not one of: fast, slow-and-steady.")]
    [InlineData(new[] { "--ports", "80", "http" }, "--ports: 'http' is not a whole number.")]
    [InlineData(new[] { "--name" }, "--name: needs a value.")]
    [InlineData(new[] { "--name", "a", "Compile" }, "--name: takes one value, got 2: a Compile (targets go before the first option).")]
    public void A_bad_command_line_value_names_the_parameter_the_value_and_what_was_expected(string[] arguments, string expected)
    {
        Assert.Equal(expected, _root.ErrorOf<TypedBuild>(arguments));
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable_it_came_from()
    {
        _root.Environment["NUKE_MAX_AGE_DAYS"] = "soon";

        Assert.Equal("--max-age-days: 'soon' is not a whole number (from environment variable NUKE_MAX_AGE_DAYS).", _root.ErrorOf<TypedBuild>());
    }

    [Fact]
    public void A_bad_file_value_names_the_file_it_came_from()
    {
        _root.WithFile("parameters.json", """{ "Name": ["a", "b"], "Speed": "turbo" }""");
        var file = $".nuke{Path.DirectorySeparatorChar}parameters.json";

        Assert.Equal($"--name: takes one value, got 2: a b (from {file}).", _root.ErrorOf<TypedBuild>());

        _root.WithFile("parameters.json", """{ "Speed": "turbo" }""");
        Assert.Equal($"--speed: 'turbo' is not one of: fast, slow-and-steady (from {file}).", _root.ErrorOf<TypedBuild>());
    }

    [Fact]
    public async Task A_bad_value_exits_with_code_2_and_says_why()
    {
        var (code, output) = await _root.RunAsync<RunnableBuild>("--max-age-days", "abc");

        Assert.Equal(2, code);
        Assert.Contains("--max-age-days: 'abc' is not a whole number.", output);
    }

    private sealed class RunnableBuild : NukeBuild
    {
        [Parameter] public int MaxAgeDays { get; set; }
        public Target Show => _ => _.Executes(() => Serilog.Log.Information("days={Days}", MaxAgeDays));
    }

    private sealed class UnsupportedBuild
    {
        [Parameter] public TimeSpan Timeout { get; set; }
    }

    [Fact]
    public void An_unsupported_parameter_type_is_named_in_the_error()
    {
        Assert.Contains("Parameters of type TimeSpan are not supported", _root.ErrorOf<UnsupportedBuild>("--timeout", "5"));
    }
}
