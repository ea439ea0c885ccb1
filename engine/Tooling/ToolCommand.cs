using System.Collections.Immutable;

namespace Xooo.Engine;

/// <summary>
/// An external command to run, immutable and built fluently as in CliWrap. Arguments are a list, never one
/// concatenated string; secrets travel in <see cref="Environment"/> (see <see cref="WithSecretEnvironment"/>)
/// or <see cref="Input"/>, never in arguments.
/// </summary>
public sealed record ToolCommand(string Program)
{
    public ImmutableArray<string> Arguments { get; init; } = [];
    public string? WorkingDirectory { get; init; }
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>Names in <see cref="Environment"/> whose values are secrets: echoed as NAME=*** whatever their length.</summary>
    public ImmutableHashSet<string> SecretEnvironmentNames { get; init; } = ImmutableHashSet<string>.Empty;

    public string? Input { get; init; }
    public ImmutableArray<int> ExpectedExitCodes { get; init; } = [0];

    /// <summary>Changes state (docker build, git push...): in a dry run it is printed and not run.</summary>
    public bool ChangesState { get; init; }

    /// <summary>Stream the output to the log at information level; quiet commands log it at debug level.</summary>
    public bool StreamsOutput { get; init; } = true;

    public ToolCommand WithArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. arguments] };
    public ToolCommand AddArguments(params IEnumerable<string> arguments) => this with { Arguments = Arguments.AddRange(arguments) };
    public ToolCommand WithWorkingDirectory(string? directory) => this with { WorkingDirectory = directory };
    public ToolCommand WithEnvironment(string name, string? value) => this with { Environment = Environment.SetItem(name, value) };

    /// <summary>
    /// Passes a secret (a token) to the tool by environment. The value is registered with <see cref="Secrets"/>
    /// at once, so the echo, the streamed output and any error show *** if the tool prints it back.
    /// </summary>
    public ToolCommand WithSecretEnvironment(string name, string value)
    {
        Secrets.Register(value);
        return this with { Environment = Environment.SetItem(name, value), SecretEnvironmentNames = SecretEnvironmentNames.Add(name) };
    }

    public ToolCommand WithInput(string? input) => this with { Input = input };
    public ToolCommand WithExpectedExitCodes(params int[] codes) => this with { ExpectedExitCodes = [.. codes] };
    public ToolCommand ThatChangesState() => this with { ChangesState = true };
    public ToolCommand Quietly() => this with { StreamsOutput = false };

    /// <summary>
    /// The command line as printed: quoted where needed, secrets masked. The environment is left out: it would
    /// drown the command (git's credential helper is six variables); <see cref="EnvironmentEcho"/> has it.
    /// </summary>
    public string Echo => Secrets.Mask(ShellQuoting.Join(Arguments.Prepend(Program)));

    /// <summary>Every environment assignment, secrets as ***: logged at debug level before the command.</summary>
    public string EnvironmentEcho => Secrets.Mask(string.Join(' ',
        Environment.Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
            e.Key + "=" + (SecretEnvironmentNames.Contains(e.Key) ? Secrets.Placeholder : ShellQuoting.Quote(e.Value!)))));
}
