using System.Linq.Expressions;
using Serilog;

namespace Xooo.Engine;

/// <summary>One run of a build: parse, inject, plan, check requirements, execute, summarise. Returns the exit code.</summary>
public static class BuildRunner
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int BadUsage = 2;

    public static int Run<T>(BuildInvocation invocation, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new() =>
        RunAsync<T>(invocation, defaultTargets).GetAwaiter().GetResult();

    public static Task<int> RunAsync<T>(BuildInvocation invocation, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new() =>
        RunAsync(new T(), invocation, defaultTargets);

    /// <summary>Runs a build instance the caller made (tests read what its targets recorded).</summary>
    public static async Task<int> RunAsync<T>(T build, BuildInvocation invocation, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild
    {
        var output = new BuildOutput(invocation.Output);
        output.Activate();
        try
        {
            var arguments = ParsedArguments.Parse(invocation.Arguments, ParameterInjector.FlagsOf(typeof(T)).Contains);
            output.Verbosity = Options.Verbosity(arguments);
            output.Host = Options.Host(arguments, invocation.Environment);
            var root = Options.Root(arguments, invocation.WorkingDirectory);
            var session = new BuildSession(root, arguments.Flag("dry-run"), output);
            if (!arguments.Flag("no-logo") && output.Verbosity >= Verbosity.Normal && !arguments.Has("help"))
                output.WriteLine("xooo build · a Nuke-shaped target engine" + (session.IsDryRun ? " · dry run: nothing will change" : ""));

            build.Attach(session);
            var targets = TargetCollector.Collect(build);
            foreach (var name in defaultTargets.Select(MemberName))
                PlanBuilder.Resolve(targets, name).IsDefault = true;
            // Before injection, while the parameters hold the defaults that workflow inputs offer.
            GitHubWorkflows.Update(build, targets, root, output.Host, session.Files);

            SchemaWriter.WriteIfChanged(root, build.GetType(), targets, session.IsDryRun);
            ParameterInjector.Inject(build, arguments, invocation.Environment, root);
            if (arguments.Flag("help"))
            {
                HelpPrinter.Print(output, build, targets);
                return Success;
            }

            var invoked = arguments.Targets.Count > 0 ? arguments.Targets : targets.Where(t => t.IsDefault).Select(t => t.Name).ToList();
            var plan = PlanBuilder.Create(targets, invoked, arguments.TryGet("skip", out var skip) ? skip : null);
            if (arguments.Flag("plan"))
            {
                PlanPrinter.Print(output, plan);
                return Success;
            }
            RequirementCheck.ThrowIfUnmet(plan, build);

            var record = ContinueRecord.For(root, invocation.Arguments);
            var succeededBefore = arguments.Flag("continue") ? record.Load() : new HashSet<string>();
            await Executor.RunAsync(plan, session, invocation.Cancellation, succeededBefore);
            if (!session.IsDryRun)
                record.Save(plan.Targets.Where(t => t.Status == TargetStatus.Succeeded || succeededBefore.Contains(t.Name)).Select(t => t.Name));

            SummaryPrinter.Print(output, plan, invocation.Environment);
            return plan.Targets.Any(t => t.Status == TargetStatus.Failed) || invocation.Cancellation.IsCancellationRequested
                ? TargetFailed
                : Success;
        }
        catch (UsageException exception)
        {
            Log.Error("{Message}", exception.Message);
            return BadUsage;
        }
    }

    private static string MemberName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member ? member.Member.Name
            : throw new ArgumentException($"A default target must be a member access like x => x.Compile, got '{expression.Body}'.");
}
