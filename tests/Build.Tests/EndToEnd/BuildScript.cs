using System.Diagnostics;
using System.Text;

namespace Xooo.Build.Tests.EndToEnd;

/// <summary>What one run of a script printed (stdout and stderr interleaved as they came) and how it ended.</summary>
public sealed record ScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}, output:\n{Output}";
}

/// <summary>Runs a repository's build.sh as a separate process, the way a user or CI does.</summary>
public static class BuildScript
{
    public static readonly TimeSpan QuickRun = TimeSpan.FromMinutes(2);

    // Building the build project from scratch on a busy two-core machine takes minutes, not seconds.
    public static readonly TimeSpan WithBuild = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="root"/>/build.sh with the arguments; kills it and fails when it outlives the timeout.</summary>
    public static async Task<ScriptResult> RunAsync(
        string root,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "build.sh"))
        {
            WorkingDirectory = workingDirectory ?? root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Isolate(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout ?? QuickRun);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"./build.sh {string.Join(' ', start.ArgumentList)} did not end within {timeout ?? QuickRun}; output so far:\n{output}");
        }
        lock (output)
            return new ScriptResult(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Removes what the test run itself puts in the environment: MSBuild's and the test host's variables would
    /// steer the script's own `dotnet build`, and a GitHub Actions runner's would change the output's shape.
    /// </summary>
    private static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase)
                || name.Equals("CI", StringComparison.OrdinalIgnoreCase))
                environment.Remove(name);
    }
}
