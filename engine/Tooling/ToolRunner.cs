using System.Text;
using CliWrap;
using Serilog;
using Serilog.Events;

namespace Xooo.Engine;

/// <summary>
/// The only code that starts processes. Echoes each command (secrets masked) before it runs, streams its
/// output to the log line by line as it comes, stops the whole process tree on cancellation (interrupt, then
/// kill after <see cref="GracePeriod"/>), checks the exit code against the expected ones, and in a dry run
/// prints what changes state instead of running it.
/// </summary>
public sealed class ToolRunner(bool dryRun)
{
    private const int ErrorTailLines = 5;

    public bool IsDryRun { get; } = dryRun;

    /// <summary>How long a cancelled command gets to stop on its interrupt before its process tree is killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default)
    {
        if (IsDryRun && command.ChangesState)
        {
            Log.Information("[dry run] would run: {Command}", command.Echo);
            return ToolResult.NotRun;
        }

        if (ProgramLocator.Find(command.Program) is null)
        {
            if (IsDryRun)
            {
                Log.Warning("[dry run] {Program} is not installed; skipped the query: {Command}", command.Program, command.Echo);
                return ToolResult.NotRun;
            }
            throw new ToolException($"'{command.Program}' was not found on PATH; it is needed to run: {command.Echo}", command.Echo, null, "");
        }
        if (command.WorkingDirectory is { } directory && !Directory.Exists(directory))
            throw new ToolException($"The working directory {directory} does not exist; it is needed to run: {command.Echo}", command.Echo, null, "");

        // After Ctrl+C, start nothing new.
        cancellationToken.ThrowIfCancellationRequested();
        Log.Information("> {Command}", command.Echo);
        if (!command.Environment.IsEmpty)
            Log.Debug("  with environment {Environment}", command.EnvironmentEcho);

        var output = new StringBuilder();
        var error = new StringBuilder();
        var level = command.StreamsOutput ? LogEventLevel.Information : LogEventLevel.Debug;
        var cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithWorkingDirectory(command.WorkingDirectory ?? Directory.GetCurrentDirectory())
            .WithEnvironmentVariables(command.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(output), PipeTarget.ToDelegate(line => Log.Write(level, "  {Line}", line))))
            .WithStandardErrorPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(error), PipeTarget.ToDelegate(line => Log.Write(level, "  {Line}", line))));
        if (command.Input is not null)
            cli = cli.WithStandardInputPipe(PipeSource.FromString(command.Input));

        using var stopper = new ProcessStopper(GracePeriod);
        CommandResult result;
        try
        {
            var running = cli.ExecuteAsync(stopper.Forceful, stopper.Graceful);
            using (cancellationToken.Register(() => stopper.Stop(running.ProcessId)))
                result = await running;
        }
        catch (OperationCanceledException) when (stopper.WasStopped)
        {
            stopper.KillSurvivors();
            throw new OperationCanceledException($"Cancelled: {command.Echo}", cancellationToken);
        }
        catch (Exception exception)
        {
            // CliWrap's text can hold the unmasked command line: only the innermost cause, masked, goes on.
            throw new ToolException($"Could not run {command.Echo}: {Innermost(exception).Message}", command.Echo, null, "");
        }

        var toolResult = new ToolResult(result.ExitCode, output.ToString(), error.ToString(), Ran: true);
        if (!command.ExpectedExitCodes.Contains(result.ExitCode))
        {
            var tail = LastLines(toolResult.Error.Length > 0 ? toolResult.Error : toolResult.Output, ErrorTailLines);
            throw new ToolException(
                $"{command.Echo} exited with code {result.ExitCode}" + (tail.Length > 0 ? $": {tail}" : ""),
                command.Echo, result.ExitCode, toolResult.Error);
        }
        return toolResult;
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
