using System.Diagnostics;
using Serilog;

namespace Xooo.Engine;

/// <summary>
/// Runs the plan: one target after another, each awaited; a failure stops the run unless the target proceeds
/// after failure; assured targets still run after a failure or Ctrl+C; the rest become NotRun.
/// </summary>
internal static class Executor
{
    public static async Task RunAsync(ExecutionPlan plan, BuildSession session, CancellationToken cancellation, ISet<string> succeededBefore)
    {
        var stopped = false;
        foreach (var target in plan.Targets)
        {
            if (target.Status == TargetStatus.Skipped)
                continue;

            var aborted = stopped || cancellation.IsCancellationRequested;
            if (aborted && !target.Definition.IsAssuredAfterFailure)
            {
                target.Status = TargetStatus.NotRun;
                target.Note ??= cancellation.IsCancellationRequested ? "cancelled" : null;
                continue;
            }
            if (!aborted && target.ExecutionDependencies.FirstOrDefault(d => d.Status is TargetStatus.Failed or TargetStatus.NotRun) is { } broken)
            {
                (target.Status, target.Note) = (TargetStatus.NotRun, $"dependency {broken.Name} did not succeed");
                continue;
            }
            if (target.Definition.DynamicConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
            {
                (target.Status, target.Note) = (TargetStatus.Skipped, $"condition false: {condition.Text}");
                continue;
            }
            if (succeededBefore.Contains(target.Name))
            {
                (target.Status, target.Note) = (TargetStatus.Skipped, "succeeded in the last identical run (--continue)");
                continue;
            }

            // An assured target running after Ctrl+C gets a token of its own, so it can clean up.
            var token = aborted ? CancellationToken.None : cancellation;
            await RunTargetAsync(target, session, token);
            if (target.Status == TargetStatus.Failed && !target.Definition.IsProceedAfterFailure)
                stopped = true;
        }
    }

    private static async Task RunTargetAsync(ExecutableTarget target, BuildSession session, CancellationToken token)
    {
        var host = session.Output.Host;
        if (host == HostKind.GitHubActions)
            session.Output.WriteLine($"::group::{target.Name}");
        else if (session.Output.Verbosity >= Verbosity.Normal)
        {
            session.Output.WriteLine();
            session.Output.WriteLine($"═══ {target.Name} ═══");
        }

        session.Current = target;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            foreach (var action in target.Definition.Actions)
                await action(token);
            target.Status = TargetStatus.Succeeded;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            target.Status = TargetStatus.Failed;
            target.Note = "cancelled (Ctrl+C)";
            Log.Error("Target {Target} was cancelled", target.Name);
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
            target.Note = Secrets.Mask(inner.Message);
            Log.Error(inner, "Target {Target} failed: {Message}", target.Name, inner.Message);
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            session.Current = null;
            if (host == HostKind.GitHubActions)
                session.Output.WriteLine("::endgroup::");
        }
    }
}
