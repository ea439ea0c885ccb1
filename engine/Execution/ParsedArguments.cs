namespace Xooo.Engine;

/// <summary>
/// The command line split into invoked targets (the words before the first dash token, or after --target)
/// and options. Option names are kept as typed for messages and compared after <see cref="Normalize"/>.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, (string Name, List<string> Values)> _options = new();

    public List<string> Targets { get; } = [];

    public IEnumerable<(string Name, IReadOnlyList<string> Values)> Options =>
        _options.Values.Select(o => (o.Name, (IReadOnlyList<string>)o.Values));

    /// <summary>Lower case, dashes and underscores dropped: --image-name, IMAGE_NAME and imageName are one key.</summary>
    public static string Normalize(string name) =>
        new(name.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());

    /// <param name="isFlag">Options that take no value: the words after them are targets unless they are true or false.</param>
    public static ParsedArguments Parse(IEnumerable<string> arguments, Func<string, bool>? isFlag = null)
    {
        var parsed = new ParsedArguments();
        List<string>? current = null;
        foreach (var argument in arguments)
        {
            if (argument.StartsWith('-') && argument.Length > 1 && !double.TryParse(argument, out _))
            {
                var name = argument.TrimStart('-');
                string? inline = null;
                if (name.IndexOf('=') is var equals and > 0)
                {
                    inline = name[(equals + 1)..];
                    name = name[..equals];
                }
                current = parsed.Add(name);
                if (inline is not null)
                    current.Add(inline);
                if (isFlag?.Invoke(Normalize(name)) == true)
                    current = inline is null ? new FlagValue(current) : null;
            }
            else if (current is FlagValue flag)
            {
                if (bool.TryParse(argument, out _))
                    flag.Owner.Add(argument);
                else
                    parsed.Targets.Add(argument);
                current = null;
            }
            else if (current is null)
                parsed.Targets.Add(argument);
            else
                current.Add(argument);
        }
        if (parsed.TryGet("target", out var targets))
        {
            parsed.Targets.AddRange(targets);
            parsed._options.Remove("target");
        }
        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(Normalize(name));

    public bool TryGet(string name, out IReadOnlyList<string> values)
    {
        var found = _options.TryGetValue(Normalize(name), out var option);
        values = found ? option.Values : [];
        return found;
    }

    /// <summary>The single value of an option, or null when absent; a usage error when given twice.</summary>
    public string? Single(string name)
    {
        if (!TryGet(name, out var values))
            return null;
        return values.Count switch
        {
            0 => throw new UsageException($"--{name} needs a value."),
            1 => values[0],
            _ => throw new UsageException($"--{name} takes one value, got {values.Count}: {string.Join(' ', values)}."),
        };
    }

    public bool Flag(string name)
    {
        if (!TryGet(name, out var values))
            return false;
        if (values.Count == 0)
            return true;
        return bool.TryParse(values[0], out var value) && values.Count == 1
            ? value
            : throw new UsageException($"--{name} is a flag: give no value, or true or false (got '{string.Join(' ', values)}').");
    }

    /// <summary>Adds an option the command line did not give: --skip from a parameters file.</summary>
    internal void AddIfAbsent(string name, IEnumerable<string> values)
    {
        if (!Has(name))
            Add(name).AddRange(values);
    }

    /// <summary>Stands for a flag just read: the next word is its value only if it is true or false.</summary>
    private sealed class FlagValue(List<string> owner) : List<string>
    {
        public List<string> Owner { get; } = owner;
    }

    private List<string> Add(string name)
    {
        var key = Normalize(name);
        if (!_options.TryGetValue(key, out var option))
            _options[key] = option = (name, []);
        return option.Values;
    }
}
