using System.Text.Json;
using Xooo.Engine;

namespace Engine.Tests.Parameters;

public sealed class SchemaWriterTests : IDisposable
{
    private readonly ParameterRoot _root = new();

    public void Dispose() => _root.Dispose();

    public enum Channel { Stable, Preview }

    private sealed class SchemaBuild : NukeBuild
    {
        [Parameter("Image tag")] public string ImageTag { get; set; } = "latest";
        [Parameter("Days")] public int? MaxAgeDays { get; set; }
        [Parameter("Ratio")] public double Ratio { get; set; }
        [Parameter("Force")] public bool Force { get; set; }
        [Parameter("Channel")] public Channel Channel { get; set; }
        [Parameter("Tags")] public string[] Tags { get; set; } = [];
        [Parameter("Output")] public AbsolutePath? Output { get; set; }
        [Parameter("Token")] [Secret] public string Token { get; set; } = "default-token-value";

        public Target Compile => _ => _.Executes(() => { });
        public Target Publish => _ => _.DependsOn(Compile).Executes(() => { });
        public Target Hidden => _ => _.Unlisted().Executes(() => { });
    }

    private JsonElement Schema() => JsonDocument.Parse(File.ReadAllText(_root.SchemaPath)).RootElement;

    private static string Text(JsonElement element, params string[] path)
    {
        var found = path.Aggregate(element, (e, key) => e.GetProperty(key));
        return found.ValueKind == JsonValueKind.Array ? string.Join(",", found.EnumerateArray()) : found.ToString();
    }

    [Fact]
    public async Task A_run_writes_a_schema_with_each_parameter_and_the_listed_targets()
    {
        await _root.RunAsync<SchemaBuild>("--help");

        var schema = Schema();
        var properties = schema.GetProperty("properties");
        Assert.Equal("http://json-schema.org/draft-07/schema#", Text(schema, "$schema"));
        Assert.Equal(["string", "integer", "number", "boolean", "string", "array", "string"],
            new[] { "ImageTag", "MaxAgeDays", "Ratio", "Force", "Channel", "Tags", "Output" }.Select(p => Text(properties, p, "type")));
        Assert.Equal("Image tag", Text(properties, "ImageTag", "description"));
        Assert.Equal("Stable,Preview", Text(properties, "Channel", "enum"));
        Assert.Equal("string", Text(properties, "Tags", "items", "type"));
        Assert.StartsWith("Token (secret", Text(properties, "Token", "description"));
        Assert.DoesNotContain("default-token-value", File.ReadAllText(_root.SchemaPath));
        Assert.Equal("Compile,Publish", Text(schema, "definitions", "ExecutableTarget", "enum"));
        Assert.Equal("#/definitions/ExecutableTarget", Text(properties, "Target", "items", "$ref"));
        Assert.Equal("#/definitions/ExecutableTarget", Text(properties, "Skip", "items", "$ref"));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task An_unchanged_schema_is_not_written_again_and_a_stale_one_is_replaced()
    {
        await _root.RunAsync<SchemaBuild>("--help");
        var written = File.ReadAllText(_root.SchemaPath);
        var long_ago = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_root.SchemaPath, long_ago);

        await _root.RunAsync<SchemaBuild>("Compile");
        Assert.Equal(long_ago, File.GetLastWriteTimeUtc(_root.SchemaPath));

        File.WriteAllText(_root.SchemaPath, "{}");
        await _root.RunAsync<SchemaBuild>("--help");
        Assert.Equal(written, File.ReadAllText(_root.SchemaPath));
    }

    [Fact]
    public async Task A_dry_run_writes_no_schema()
    {
        await _root.RunAsync<SchemaBuild>("Compile", "--dry-run");

        Assert.False(File.Exists(_root.SchemaPath));
    }

    [Fact]
    public async Task Every_key_the_schema_offers_is_accepted_in_a_parameters_file()
    {
        await _root.RunAsync<SchemaBuild>("--help");
        var keys = Schema().GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(k => k != "$schema").ToList();
        _root.WithFile("parameters.json", "{ " + string.Join(", ", keys.Select(k => $"\"{k}\": null")) + " }");

        var (code, output) = await _root.RunAsync<SchemaBuild>("Compile");

        Assert.True(code == 0, output);
        Assert.Contains("Target", keys);
        Assert.Contains("Skip", keys);
    }
}
