using System.Collections.Immutable;
using Xooo.Engine;

namespace Xooo.Build.Deployer;

/// <summary>
/// Every git call of the deployer targets goes through here, and from here through the engine's ToolRunner:
/// arguments as lists, the same environment for each call, and, for calls that talk to the remote, the token
/// handed over by a credential helper that reads it from the environment, never from an argument or a URL.
/// </summary>
public sealed class GitClient
{
    /// <summary>The environment variable the credential helper reads; the token is only ever passed in it.</summary>
    public const string TokenVariable = "XOOO_GIT_TOKEN";

    // Configuration through the environment (GIT_CONFIG_COUNT, git 2.31+), so command echoes stay plain. The first,
    // empty helper clears the user's helpers: only this one answers, and nothing is stored. The helper names the
    // variable, not its value.
    internal static readonly ImmutableDictionary<string, string?> CredentialEnvironment = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_COUNT"] = "2",
        ["GIT_CONFIG_KEY_0"] = "credential.helper",
        ["GIT_CONFIG_VALUE_0"] = "",
        ["GIT_CONFIG_KEY_1"] = "credential.helper",
        ["GIT_CONFIG_VALUE_1"] = "!f() { test \"$1\" = get || exit 0; echo username=x-access-token; echo \"password=${" + TokenVariable + "}\"; }; f",
    }.ToImmutableDictionary();

    private readonly ToolRunner _tools;
    private readonly string? _token;
    private readonly IReadOnlyDictionary<string, string?> _environment;

    /// <param name="environment">Extra variables for every git call (tests point GIT_CONFIG_GLOBAL elsewhere).</param>
    public GitClient(ToolRunner tools, string? token = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        _tools = tools;
        _token = string.IsNullOrEmpty(token) ? null : token;
        _environment = environment ?? ImmutableDictionary<string, string?>.Empty;
    }

    public bool IsDryRun => _tools.IsDryRun;

    /// <summary>A read-only query; returns its standard output without the trailing newline.</summary>
    public async Task<string> ReadAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        (await RunAsync(directory, arguments, cancellationToken)).Output.TrimEnd('\n', '\r');

    /// <summary>A read-only query whose exit code answers a question (for example 1: "not set").</summary>
    public Task<ToolResult> QueryAsync(string directory, IEnumerable<string> arguments, int[] expectedExitCodes, CancellationToken cancellationToken) =>
        RunAsync(directory, arguments, cancellationToken, expectedExitCodes: expectedExitCodes);

    /// <summary>A call that changes the repository: in a dry run it is printed, not run (Ran is false).</summary>
    public Task<ToolResult> ChangeAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellationToken, int[]? expectedExitCodes = null) =>
        RunAsync(directory, arguments, cancellationToken, changesState: true, expectedExitCodes: expectedExitCodes);

    /// <summary>A call that talks to the remote (clone, fetch, push), authenticated with the token when there is one.</summary>
    public Task<ToolResult> RemoteAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellationToken,
        bool changesState = true, int[]? expectedExitCodes = null) =>
        RunAsync(directory, arguments, cancellationToken, changesState, expectedExitCodes, remote: true);

    private Task<ToolResult> RunAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellationToken,
        bool changesState = false, int[]? expectedExitCodes = null, bool remote = false)
    {
        var command = new ToolCommand("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(directory)
            .WithExpectedExitCodes(expectedExitCodes ?? [0])
            // Never wait for a password prompt on a server; and messages in English, since some are read.
            .WithEnvironment("GIT_TERMINAL_PROMPT", "0")
            .WithEnvironment("LC_ALL", "C");
        if (!remote)
            command = command.Quietly();
        if (remote && _token is not null)
        {
            foreach (var (name, value) in CredentialEnvironment)
                command = command.WithEnvironment(name, value);
            command = command.WithSecretEnvironment(TokenVariable, _token);
        }
        foreach (var (name, value) in _environment)
            command = command.WithEnvironment(name, value);
        return _tools.RunAsync(changesState ? command.ThatChangesState() : command, cancellationToken);
    }
}
