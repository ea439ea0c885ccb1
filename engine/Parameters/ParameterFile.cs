namespace Xooo.Engine;

/// <summary>
/// One .nuke/parameters*.json file: keys are a parameter's member name or option name (matched ignoring case,
/// dashes and underscores), values are strings, numbers, true/false or arrays of these; null leaves the
/// parameter to the next source. "$schema" is ignored; "Target" and "Skip" name targets as --target and
/// --skip do. A malformed file is a usage error naming the file and the line.
/// </summary>
internal sealed class ParameterFile
{
    private ParameterFile(Dictionary<string, RawValue> values) => Values = values;

    /// <summary>Values by normalized key.</summary>
    public Dictionary<string, RawValue> Values { get; }

    public static ParameterFile Load(AbsolutePath path, AbsolutePath root, ISet<string> knownKeys, IEnumerable<string> validNames)
    {
        var name = path.RelativeTo(root);
        JsonNode document;
        try
        {
            document = JsonSyntax.Parse(File.ReadAllText(path));
        }
        catch (JsonSyntaxException exception)
        {
            throw new UsageException($"{name} is not valid JSON: {exception.Message}.");
        }
        if (document.Kind != JsonKind.Object)
            throw new UsageException($"{name}: expected an object of parameter names and values, got {Describe(document.Kind)}.");

        var values = new Dictionary<string, RawValue>();
        var lines = new Dictionary<string, int>();
        foreach (var (key, value) in document.Members!)
        {
            if (key == "$schema")
                continue;
            var normalized = ParsedArguments.Normalize(key);
            if (!knownKeys.Contains(normalized))
                throw new UsageException($"{name} line {value.Line}: unknown parameter '{key}'.{Suggestions.For(key, validNames)}");
            if (!lines.TryAdd(normalized, value.Line))
                throw new UsageException($"{name} line {value.Line}: '{key}' is given again (first on line {lines[normalized]}).");
            if (value.Kind == JsonKind.Null)
                continue;
            values[normalized] = value.Kind == JsonKind.Array
                ? new RawValue(value.Items!.Select(item => Scalar(item, name, key)).ToList(), name, IsList: true)
                : new RawValue([Scalar(value, name, key)], name, IsList: false);
        }
        return new ParameterFile(values);
    }

    private static string Scalar(JsonNode node, string file, string key) => node.Kind switch
    {
        JsonKind.String or JsonKind.Number or JsonKind.True or JsonKind.False => node.Text,
        _ => throw new UsageException($"{file} line {node.Line}: '{key}' must be a string, a number, true or false, or an array of these; got {Describe(node.Kind)}."),
    };

    private static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.Null => "null",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
