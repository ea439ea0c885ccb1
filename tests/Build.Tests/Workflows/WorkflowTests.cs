using Xooo.Engine;

namespace Xooo.Build.Tests.Workflows;

/// <summary>The committed workflows are exactly what the build class describes: a stale workflow cannot land.</summary>
public class WorkflowTests
{
    private const string Regenerate = "Run any build command on a workstation (./build.sh --help) to rewrite them from the [GitHubActions] attributes in build/Build.cs, and commit the result.";

    private static readonly string RepositoryRoot = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "xooo-backend-base.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds xooo-backend-base.sln.");
    }

    [Fact]
    public void Every_committed_workflow_is_what_the_build_generates()
    {
        foreach (var file in GitHubWorkflows.Generate(typeof(Build)))
        {
            var path = Path.Combine(RepositoryRoot, file.RelativePath);
            Assert.True(File.Exists(path), $"{file.RelativePath} is missing. {Regenerate}");
            var committed = File.ReadAllText(path);
            Assert.True(committed == file.Text,
                $"{file.RelativePath} differs from what the build generates. {Regenerate}\n{UnifiedDiff.Create(committed, file.Text, file.RelativePath)}");
        }
    }

    [Fact]
    public void No_generated_workflow_is_left_behind_without_its_attribute()
    {
        var generated = GitHubWorkflows.Generate(typeof(Build)).Select(f => Path.GetFileName(f.RelativePath)).ToHashSet();
        var folder = Path.Combine(RepositoryRoot, GitHubWorkflows.Folder);

        var orphans = Directory.GetFiles(folder, "*.yml")
            .Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("# Written by the build") == true)
            .Select(Path.GetFileName)
            .Where(name => !generated.Contains(name!))
            .ToList();

        Assert.True(orphans.Count == 0, $"Generated workflows without an attribute: {string.Join(", ", orphans)}; delete them or restore their attribute.");
    }

    [Fact]
    public void The_base_image_workflow_runs_monthly_and_on_changes_on_the_self_hosted_runner()
    {
        var lines = Lines("base-image");

        Assert.Contains("    runs-on: [self-hosted, linux, docker]", lines);
        Assert.Contains("    - cron: '0 3 1 * *'", lines);
        Assert.Contains("      - 'base-image/**'", lines);
        Assert.Contains("      - 'build/**'", lines);
        Assert.Contains("  workflow_dispatch:", lines);
        Assert.Contains("    timeout-minutes: 60", lines);
        Assert.Contains("  group: base-image", lines);
        Assert.Contains("        run: ./build.sh BuildBaseImage --host github-actions", lines);
    }

    [Fact]
    public void The_rollout_workflow_starts_by_hand_and_gets_the_token_and_the_pull_request_choice()
    {
        var lines = Lines("rollout");

        Assert.DoesNotContain("  push:", lines);
        Assert.DoesNotContain("  schedule:", lines);
        Assert.Contains("      pull-request:", lines);
        Assert.Contains("        type: boolean", lines);
        Assert.Contains("        run: ./build.sh BuildBaseImage CommitAndPush --host github-actions", lines);
        Assert.Contains("          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", lines);
        Assert.Contains("          PULL_REQUEST: ${{ github.event.inputs.pull-request || 'false' }}", lines);
    }

    private static List<string> Lines(string workflow) =>
        GitHubWorkflows.Generate(typeof(Build)).Single(f => f.RelativePath == $"{GitHubWorkflows.Folder}/{workflow}.yml").Text.Split('\n').ToList();
}
