namespace Xooo.Engine;

/// <summary>
/// Gives each [Parameter] member its value: command line, then environment, then .nuke/parameters.json and
/// the --profile files; first found wins. Converts with clear errors, registers secrets.
/// </summary>
internal static class ParameterInjector
{
    /// <summary>Option names the engine itself handles; any other option must be a parameter.</summary>
    public static readonly string[] BuiltInOptions = ["help", "plan", "skip", "target", "root", "verbosity", "host", "profile", "no-logo", "continue", "dry-run"];

    /// <summary>Normalized names of the options that take no value: the engine's flags and every bool parameter.</summary>
    public static HashSet<string> FlagsOf(Type buildType) =>
        [.. new[] { "help", "plan", "no-logo", "continue", "dry-run" }.Concat(ParameterCatalog.Of(buildType).Where(p => p.Type == typeof(bool)).Select(p => p.Name)).Select(ParsedArguments.Normalize)];

    public static void Inject(object build, ParsedArguments arguments, IReadOnlyDictionary<string, string> environment, AbsolutePath rootDirectory)
    {
        // Minimal first cut: command line and environment for string and bool; the parameters issue completes it.
        foreach (var parameter in ParameterCatalog.Of(build.GetType()))
        {
            string? value = null;
            if (arguments.TryGet(parameter.Name, out var values))
                value = values.Count == 0 ? "true" : values[0];
            else if (environment.FirstOrDefault(e => ParsedArguments.Normalize(e.Key) == ParsedArguments.Normalize(parameter.Name)) is { Key: not null } found)
                value = found.Value;
            if (value is null)
                continue;
            if (parameter.IsSecret)
                Secrets.Register(value);
            parameter.SetValue(build, parameter.Type == typeof(bool) ? bool.Parse(value) : value);
        }
    }
}
