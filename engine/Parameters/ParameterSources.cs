namespace Xooo.Engine;

/// <summary>
/// Where parameter values come from, first found wins: the command line, then the environment (NUKE_NAME
/// before NAME, matched ignoring case, dashes and underscores), then the --profile files (a later profile wins
/// over an earlier one), then .nuke/parameters.json.
/// </summary>
internal sealed class ParameterSources
{
    private const string Prefix = "nuke";
    private readonly ParsedArguments _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Dictionary<string, string> _environmentNames;
    private readonly List<ParameterFile> _files;

    private ParameterSources(ParsedArguments arguments, IReadOnlyDictionary<string, string> environment, Dictionary<string, string> environmentNames, List<ParameterFile> files)
    {
        _arguments = arguments;
        _environment = environment;
        _environmentNames = environmentNames;
        _files = files;
    }

    public static ParameterSources Load(ParsedArguments arguments, IReadOnlyDictionary<string, string> environment, AbsolutePath root, IReadOnlyList<ParameterMember> parameters)
    {
        // Normalized once: the environment holds many names and each parameter looks up a few keys.
        var names = new Dictionary<string, string>(environment.Count);
        foreach (var name in environment.Keys)
            names.TryAdd(ParsedArguments.Normalize(name), name);
        return new ParameterSources(arguments, environment, names, Files(arguments, root, parameters));
    }

    /// <summary>Every value the sources hold for the parameter, first found first.</summary>
    public IEnumerable<RawValue> Find(ParameterMember parameter)
    {
        if (_arguments.TryGet(parameter.Name, out var words))
            yield return new RawValue(words, null, IsList: words.Count != 1);

        foreach (var key in parameter.Keys)
            foreach (var variable in (string[])[Prefix + key, key])
                // An empty variable counts as unset: CI systems pass a missing secret as "".
                if (_environmentNames.TryGetValue(variable, out var name) && _environment[name] is { Length: > 0 } text)
                    yield return parameter.Type.IsArray
                        ? new RawValue(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), $"environment variable {name}", IsList: true)
                        : new RawValue([text], $"environment variable {name}", IsList: false);

        foreach (var file in _files)
            foreach (var key in parameter.Keys)
                if (file.Values.TryGetValue(key, out var value))
                    yield return value;
    }

    /// <summary>"Target" and "Skip" from the files, for a command line that named no targets or gave no --skip.</summary>
    public void ApplyTargetsAndSkip(ParsedArguments arguments)
    {
        if (arguments.Targets.Count == 0 && _files.Select(f => f.Values.GetValueOrDefault("target")).FirstOrDefault(v => v is not null) is { } targets)
            arguments.Targets.AddRange(targets.Tokens);
        if (!arguments.Has("skip") && _files.Select(f => f.Values.GetValueOrDefault("skip")).FirstOrDefault(v => v is not null) is { } skip)
            arguments.AddIfAbsent("skip", skip.Tokens);
    }

    /// <summary>The parameters files that apply, highest precedence first.</summary>
    private static List<ParameterFile> Files(ParsedArguments arguments, AbsolutePath root, IReadOnlyList<ParameterMember> parameters)
    {
        var folder = root / ".nuke";
        var paths = new List<AbsolutePath>();
        if (arguments.TryGet("profile", out var profiles))
        {
            if (profiles.Count == 0)
                throw new UsageException("--profile needs a name: --profile NAME reads .nuke/parameters.NAME.json.");
            foreach (var profile in profiles.Reverse())
            {
                var path = folder / $"parameters.{profile}.json";
                if (!path.FileExists())
                    throw new UsageException($"--profile {profile}: {path.RelativeTo(root)} does not exist.{AvailableProfiles(folder)}");
                paths.Add(path);
            }
        }
        if ((folder / "parameters.json").FileExists())
            paths.Add(folder / "parameters.json");
        if (paths.Count == 0)
            return [];

        var known = new HashSet<string> { "target", "skip" };
        var names = new List<string>();
        foreach (var parameter in parameters)
        {
            known.UnionWith(parameter.Keys);
            names.Add(parameter.Member.Name);
        }
        names.AddRange(["Target", "Skip"]);
        return paths.ConvertAll(path => ParameterFile.Load(path, root, known, names));
    }

    private static string AvailableProfiles(AbsolutePath folder)
    {
        var names = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order().ToList()
            : [];
        return names.Count == 0 ? " No profiles exist." : $" Profiles: {string.Join(", ", names)}.";
    }
}
