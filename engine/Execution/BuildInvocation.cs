namespace Xooo.Engine;

/// <summary>
/// Everything a run reads from outside: arguments, environment, working directory, where to write, and the
/// token that Ctrl+C cancels. Tests build one by hand; a real run takes the process's.
/// </summary>
public sealed record BuildInvocation(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TextWriter Output,
    CancellationToken Cancellation = default)
{
    private static IDisposable? _terminate;

    public static BuildInvocation FromProcess()
    {
        var environment = System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C cancels the running target and lets assured targets and the summary run;
            // a second one ends the process at once.
            if (cancellation.IsCancellationRequested)
                return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        // A runner's cancel (GitHub Actions sends SIGINT, then SIGTERM) is treated like Ctrl+C.
        _terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            if (cancellation.IsCancellationRequested)
                return;
            context.Cancel = true;
            cancellation.Cancel();
        });
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        return new BuildInvocation(System.Environment.GetCommandLineArgs().Skip(1).ToArray(), environment, Directory.GetCurrentDirectory(), output, cancellation.Token);
    }
}
