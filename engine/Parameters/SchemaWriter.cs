using Serilog;

namespace Xooo.Engine;

/// <summary>
/// .nuke/build.schema.json (JSON Schema draft-07), generated from the parameters and targets so that editors
/// complete and check .nuke/parameters*.json. Written on a run only when its content changed.
/// </summary>
public static class SchemaWriter
{
    public const string FileName = "build.schema.json";

    /// <summary>The schema of a build class, as a run writes it.</summary>
    public static string Render<T>() where T : NukeBuild, new() =>
        Render(typeof(T), TargetCollector.Collect(new T()));

    internal static void WriteIfChanged(AbsolutePath root, Type buildType, IReadOnlyList<ExecutableTarget> targets, bool isDryRun)
    {
        var folder = root / ".nuke";
        if (isDryRun || !folder.DirectoryExists())
            return;
        var path = folder / FileName;
        var content = Render(buildType, targets);
        try
        {
            if (!path.FileExists() || File.ReadAllText(path) != content)
                File.WriteAllText(path, content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Editors lose completion, nothing more: a read-only checkout must still build.
            Log.Warning("Could not write {Path}: {Message}", path.RelativeTo(root), exception.Message);
        }
    }

    internal static string Render(Type buildType, IReadOnlyList<ExecutableTarget> targets)
    {
        var json = new JsonText().StartObject()
            .String("$schema", "http://json-schema.org/draft-07/schema#")
            .String("title", "Build Schema")
            .String("type", "object")
            .StartObject("properties")
            .StartObject("$schema").String("type", "string").EndObject();
        foreach (var parameter in ParameterCatalog.Of(buildType).OrderBy(p => p.Member.Name, StringComparer.Ordinal))
        {
            json.StartObject(parameter.Member.Name);
            WriteType(json, parameter.Type);
            var description = ((parameter.Description ?? "") + (parameter.IsSecret ? " (secret: give it by environment variable, never in a committed file)" : "")).Trim();
            if (description.Length > 0)
                json.String("description", description);
            json.EndObject();
        }
        WriteTargetList(json, "Skip", "Targets to skip (--skip); an empty list skips every target not invoked");
        WriteTargetList(json, "Target", "Targets to run when the command line names none (--target)");
        json.EndObject()
            .Boolean("additionalProperties", false)
            .StartObject("definitions")
            .StartObject("ExecutableTarget")
            .String("type", "string")
            .StartArray("enum");
        foreach (var name in targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).Order(StringComparer.Ordinal))
            json.String(null, name);
        return json.EndArray().EndObject().EndObject().EndObject().ToString();
    }

    private static void WriteType(JsonText json, Type type)
    {
        if (type.IsArray)
        {
            json.String("type", "array").StartObject("items");
            WriteType(json, type.GetElementType()!);
            json.EndObject();
            return;
        }
        var scalar = ValueConverter.Scalar(type);
        json.String("type", scalar == typeof(bool) ? "boolean"
            : scalar == typeof(int) || scalar == typeof(long) ? "integer"
            : scalar == typeof(double) ? "number"
            : "string");
        if (!scalar.IsEnum)
            return;
        json.StartArray("enum");
        foreach (var name in Enum.GetNames(scalar))
            json.String(null, name);
        json.EndArray();
    }

    private static void WriteTargetList(JsonText json, string name, string description) =>
        json.StartObject(name)
            .String("type", "array")
            .String("description", description)
            .StartObject("items").String("$ref", "#/definitions/ExecutableTarget").EndObject()
            .EndObject();
}
