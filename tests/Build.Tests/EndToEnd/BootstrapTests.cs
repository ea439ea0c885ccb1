namespace Xooo.Build.Tests.EndToEnd;

/// <summary>
/// build.sh builds the build project only when one of its inputs changed, and always when one did. A logging
/// `dotnet` wrapper shows which command lines it ran: `build ...` or only the build's dll.
/// </summary>
[Collection(BuildScriptCollection.Name)]
public sealed class BootstrapTests(RepositoryCopy repository)
{
    private const int BuildTimeout = 30 * 60_000;

    [Fact(Timeout = BuildTimeout)]
    public async Task Runs_the_build_without_building_it_when_nothing_changed()
    {
        // Settles whatever an earlier test may have left unbuilt after a failure.
        await BuildScript.RunAsync(repository.Root, ["--help"], timeout: BuildScript.WithBuild);

        await RunAndAssert(["--help"], built: false, "with nothing changed");
        await RunAndAssert(["--plan", "Verify"], built: false, "with nothing changed, again");
    }

    [Fact(Timeout = BuildTimeout)]
    public async Task Rebuilds_after_a_source_file_is_added_and_after_it_is_deleted()
    {
        var probe = Path.Combine(repository.Root, "build", "Build.E2eProbe.cs");
        var marker = "Probe target " + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(probe, $$"""
            using Xooo.Engine;
            namespace Xooo.Build;
            public sealed partial class Build
            {
                Target E2eProbe => _ => _.Description("{{marker}}").Executes(() => { });
            }
            """);
        try
        {
            var added = await RunAndAssert(["--help"], built: true, "after a file was added");
            Assert.Contains(marker, added.Output);
        }
        finally
        {
            File.Delete(probe);
        }

        var deleted = await RunAndAssert(["--help"], built: true, "after the file was deleted");
        Assert.DoesNotContain(marker, deleted.Output);
        await RunAndAssert(["--help"], built: false, "once rebuilt");
    }

    [Fact(Timeout = BuildTimeout)]
    public async Task Rebuilds_after_an_engine_file_changes_once_for_several_parallel_runs()
    {
        var file = Path.Combine(repository.Root, "engine", "NukeBuild.cs");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            await File.WriteAllTextAsync(file, original + "\n// changed by an end-to-end test\n");
            var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                BuildScript.RunAsync(repository.Root, ["--plan", "Verify"], repository.WithWrapper, BuildScript.WithBuild)));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
            var calls = repository.TakeWrapperCalls();
            Assert.Single(calls, IsBuild);
            Assert.Equal(3, calls.Count(IsRun));
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
        }
        await RunAndAssert(["--help"], built: true, "after the change was undone");
    }

    [Fact(Timeout = BuildTimeout)]
    public async Task A_compile_error_fails_with_the_compilers_message_every_time_until_it_is_fixed()
    {
        var broken = Path.Combine(repository.Root, "build", "Broken.cs");
        await File.WriteAllTextAsync(broken, "namespace Xooo.Build;\ninternal static class Broken { public static int Value = \"not a number\"; }\n");
        try
        {
            foreach (var attempt in new[] { "first", "second" })
            {
                var result = await BuildScript.RunAsync(repository.Root, ["--help"], repository.WithWrapper, BuildScript.WithBuild);
                var calls = repository.TakeWrapperCalls();

                Assert.True(result.ExitCode != 0, $"{attempt} run: {result}");
                Assert.Contains("Broken.cs", result.Output);
                Assert.Contains("error CS", result.Output);
                Assert.Contains(calls, IsBuild);
                Assert.DoesNotContain(calls, IsRun);
            }
        }
        finally
        {
            File.Delete(broken);
        }
        // The sources are those of the last successful build again, whose output is still there.
        await RunAndAssert(["--help"], built: false, "after the error was removed");
    }

    [Fact(Timeout = 120_000)]
    public async Task Explains_how_to_get_the_sdk_when_none_satisfies_global_json()
    {
        var folder = Path.Combine(Path.GetTempPath(), "xooo-e2e-sdk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(repository.Root, "build.sh"), Path.Combine(folder, "build.sh"));
            await File.WriteAllTextAsync(Path.Combine(folder, "global.json"), """{ "sdk": { "version": "99.0.100", "rollForward": "latestFeature" } }""");

            var result = await BuildScript.RunAsync(folder, ["--help"]);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("99.0.100", result.Output);
            Assert.Contains("https://dot.net/v1/dotnet-install.sh", result.Output);
            Assert.Contains("--channel 99.0", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_scripts_in_the_checkout_are_executable()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("build.sh is for Unix shells.");
        var mode = File.GetUnixFileMode(Path.Combine(RepositoryRoot.Find(), "build.sh"));

        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"build.sh has mode {mode}");
    }

    private async Task<ScriptResult> RunAndAssert(string[] arguments, bool built, string when)
    {
        repository.TakeWrapperCalls();
        var result = await BuildScript.RunAsync(repository.Root, arguments, repository.WithWrapper, built ? BuildScript.WithBuild : BuildScript.QuickRun);
        var calls = repository.TakeWrapperCalls();

        Assert.True(result.ExitCode == 0, $"./build.sh {string.Join(' ', arguments)} {when}: {result}");
        Assert.True(calls.Any(IsBuild) == built,
            $"./build.sh {string.Join(' ', arguments)} {when} should {(built ? "" : "not ")}have built; it ran: {string.Join(" | ", calls)}");
        Assert.Single(calls, IsRun);
        return result;
    }

    private static bool IsBuild(string call) => call.StartsWith("build ", StringComparison.Ordinal);

    private static bool IsRun(string call) => call.StartsWith("build/bin/Debug/net10.0/_build.dll", StringComparison.Ordinal);
}
