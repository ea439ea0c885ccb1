namespace Xooo.Engine.Tests.CI;

public sealed class WorkflowUpdateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("xooo-workflows-").FullName;

    private string ImageWorkflow => Path.Combine(_root, ".github", "workflows", "image.yml");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int ExitCode, string Output)> RunAsync<T>(string[] arguments, Dictionary<string, string>? environment = null)
        where T : NukeBuild, new()
    {
        var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync<T>(new BuildInvocation(arguments, environment ?? [], _root, output));
        return (exitCode, output.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_run_in_the_builds_repository_writes_the_workflows_and_a_second_run_leaves_them_alone()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

        var (exitCode, output) = await RunAsync<WorkflowBuild>(["--plan", "Compile"]);
        Assert.Equal(0, exitCode);
        Assert.Equal(GitHubWorkflows.Generate(typeof(WorkflowBuild)).Single(f => f.RelativePath.EndsWith("image.yml")).Text, File.ReadAllText(ImageWorkflow));
        Assert.Contains("Wrote " + ImageWorkflow, output);
        Assert.True(File.Exists(Path.Combine(_root, ".github", "workflows", "hosted.yml")));

        var written = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(ImageWorkflow, written);
        (_, output) = await RunAsync<WorkflowBuild>(["--plan", "Compile"]);
        Assert.Equal(written, File.GetLastWriteTimeUtc(ImageWorkflow));
        Assert.DoesNotContain("Wrote", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_workflow_is_rewritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ImageWorkflow)!);
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        File.WriteAllText(ImageWorkflow, "name: hand-edited\n");

        await RunAsync<WorkflowBuild>(["--plan", "Compile"]);

        Assert.StartsWith("# Written by the build", File.ReadAllText(ImageWorkflow));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_workflow_edited_by_hand_after_a_run_is_restored_by_the_next_run()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        await RunAsync<WorkflowBuild>(["--plan", "Compile"]);
        var generated = File.ReadAllText(ImageWorkflow);
        File.AppendAllText(ImageWorkflow, "# a local edit\n");

        await RunAsync<WorkflowBuild>(["--plan", "Compile"]);

        Assert.Equal(generated, File.ReadAllText(ImageWorkflow));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_shows_the_diff_and_writes_nothing()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

        var (_, output) = await RunAsync<WorkflowBuild>(["--plan", "Compile", "--dry-run"]);

        Assert.False(File.Exists(ImageWorkflow));
        Assert.Contains("[dry run] would write " + ImageWorkflow, output);
        Assert.Contains("+    runs-on: [self-hosted, linux, docker]", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_is_written_on_GitHub_Actions()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

        await RunAsync<WorkflowBuild>(["--plan", "Compile"], new() { ["GITHUB_ACTIONS"] = "true" });

        Assert.False(Directory.Exists(Path.Combine(_root, ".github")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_is_written_outside_the_builds_repository()
    {
        var (exitCode, _) = await RunAsync<WorkflowBuild>(["--plan", "Compile"]);

        Assert.Equal(0, exitCode);
        Assert.False(Directory.Exists(Path.Combine(_root, ".github")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_attribute_fails_the_run_as_bad_usage_with_the_reason()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

        var (exitCode, output) = await RunAsync<UnknownTargetBuild>(["--plan", "Compile"]);

        Assert.Equal(BuildRunner.BadUsage, exitCode);
        Assert.Contains("'Deploy' in InvokedTargets is not a target of the build", output);
    }
}
