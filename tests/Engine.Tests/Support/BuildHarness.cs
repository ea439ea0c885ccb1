using System.Linq.Expressions;
using Xooo.Engine;

namespace Engine.Tests.Support;

/// <summary>Runs a build in memory, in a temporary root of its own, and captures everything it prints.</summary>
public sealed class BuildHarness : IDisposable
{
    public BuildHarness()
    {
        Root = Directory.CreateTempSubdirectory("engine-test-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }
    public Dictionary<string, string> Environment { get; } = new();

    public async Task<BuildRun> RunAsync<T>(T build, string[] arguments, CancellationToken cancellation = default, params Expression<Func<T, Target>>[] defaults)
        where T : NukeBuild
    {
        var writer = new StringWriter();
        var code = await BuildRunner.RunAsync(build, new BuildInvocation(arguments, Environment, Root, writer, cancellation), defaults);
        return new BuildRun(code, writer.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed record BuildRun(int ExitCode, string Output)
{
    /// <summary>The status column of a target's row in the summary table.</summary>
    public string StatusOf(string target) =>
        Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .LastOrDefault(cells => cells.Length >= 2 && cells[0] == target)?[1] ?? "(not in summary)";
}
