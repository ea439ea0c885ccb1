using System.Text;
using CliWrap;
using Serilog;

namespace Xooo.Engine;

/// <summary>
/// The only code that starts processes. Echoes each command (secrets masked) before it runs, streams its
/// output to the log, passes the cancellation token (the child is killed on Ctrl+C), checks the exit code
/// against the expected ones, and in a dry run prints what changes state instead of running it.
/// </summary>
public sealed class ToolRunner(bool dryRun)
{
    public bool IsDryRun { get; } = dryRun;

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
                Log.Warning("[dry run] {Program} is not installed; skipped: {Command}", command.Program, command.Echo);
                return ToolResult.NotRun;
            }
            throw new ToolException($"'{command.Program}' was not found on PATH; it is needed to run: {command.Echo}", command.Echo, null, "");
        }

        Log.Information("> {Command}", command.Echo);
        var output = new StringBuilder();
        var error = new StringBuilder();
        var cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithWorkingDirectory(command.WorkingDirectory ?? Directory.GetCurrentDirectory())
            .WithEnvironmentVariables(command.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(output), PipeTarget.ToDelegate(line => Echo(command, line, isError: false))))
            .WithStandardErrorPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(error), PipeTarget.ToDelegate(line => Echo(command, line, isError: true))));
        if (command.Input is not null)
            cli = cli.WithStandardInputPipe(PipeSource.FromString(command.Input));

        CommandResult result;
        try
        {
            result = await cli.ExecuteAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new OperationCanceledException($"Cancelled: {command.Echo}", cancellationToken);
        }
        catch (Exception exception) when (exception is not ToolException)
        {
            // Never let CliWrap's text (it holds the unmasked command line) escape.
            throw new ToolException($"Could not start {command.Echo}: {exception.GetType().Name}", command.Echo, null, "");
        }

        var toolResult = new ToolResult(result.ExitCode, output.ToString(), error.ToString(), Ran: true);
        if (!command.ExpectedExitCodes.Contains(result.ExitCode))
        {
            var tail = LastLines(toolResult.Error.Length > 0 ? toolResult.Error : toolResult.Output, 5);
            throw new ToolException(
                $"{command.Echo} exited with code {result.ExitCode}" + (tail.Length > 0 ? $": {tail}" : ""),
                command.Echo, result.ExitCode, toolResult.Error);
        }
        return toolResult;
    }

    private static void Echo(ToolCommand command, string line, bool isError)
    {
        if (command.StreamsOutput)
            Log.Information("  {Line}", line);
        else
            Log.Debug("  {Line}", line);
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
