namespace Xooo.Engine;

/// <summary>
/// Gives each [Parameter] member its value: command line, then environment, then the --profile files, then
/// .nuke/parameters.json; first found wins. Refuses unknown options, converts with clear errors, and
/// registers every secret value it sees, from whichever source, so that it is masked wherever it is printed.
/// </summary>
internal static class ParameterInjector
{
    /// <summary>Option names the engine itself handles; any other option must be a parameter.</summary>
    public static readonly string[] BuiltInOptions = ["help", "plan", "skip", "target", "root", "verbosity", "host", "profile", "no-logo", "continue", "dry-run"];

    private static readonly string[] BuiltInKeys = [.. BuiltInOptions.Select(ParsedArguments.Normalize)];

    private static readonly string[] BuiltInFlags = ["help", "plan", "no-logo", "continue", "dry-run"];

    /// <summary>Normalized names of the options that take no value: the engine's flags and every bool parameter.</summary>
    public static HashSet<string> FlagsOf(Type buildType) =>
        [.. BuiltInFlags.Concat(ParameterCatalog.Of(buildType).Where(p => ValueConverter.IsFlag(p.Type)).Select(p => p.Name)).Select(ParsedArguments.Normalize)];

    public static void Inject(object build, ParsedArguments arguments, IReadOnlyDictionary<string, string> environment, AbsolutePath rootDirectory)
    {
        var parameters = ParameterCatalog.Of(build.GetType());
        ThrowOnUnknownOptions(arguments, parameters);
        var sources = ParameterSources.Load(arguments, environment, rootDirectory, parameters);
        // Secrets first, from every source and not only the one used (a token left in the environment is
        // still a token), so that no error below can print one.
        foreach (var parameter in parameters.Where(p => p.IsSecret))
        {
            if (parameter.GetValue(build) is string initial)
                Secrets.Register(initial);
            foreach (var raw in sources.Find(parameter))
                foreach (var token in raw.Tokens)
                    Secrets.Register(token);
        }
        foreach (var parameter in parameters)
            if (sources.Find(parameter).FirstOrDefault() is { } raw)
                parameter.SetValue(build, ValueConverter.Convert(parameter, raw, rootDirectory));
        sources.ApplyTargetsAndSkip(arguments);
    }

    private static void ThrowOnUnknownOptions(ParsedArguments arguments, IReadOnlyList<ParameterMember> parameters)
    {
        // Plain loops: this runs on every start, and LINQ over tuples costs JIT time there.
        List<string>? unknown = null;
        foreach (var (name, _) in arguments.Options)
            if (!IsKnown(ParsedArguments.Normalize(name), parameters))
                (unknown ??= []).Add(name);
        if (unknown is null)
            return;
        var valid = parameters.Select(p => "--" + p.Name).Concat(BuiltInOptions.Where(o => o != "target").Select(o => "--" + o)).ToList();
        throw new UsageException(string.Join(Environment.NewLine,
            unknown.Select(name => $"Unknown parameter --{name}.{Suggestions.For(name, valid)}")));
    }

    private static bool IsKnown(string key, IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var option in BuiltInKeys)
            if (option == key)
                return true;
        foreach (var parameter in parameters)
            if (parameter.Key == key)
                return true;
        return false;
    }
}
