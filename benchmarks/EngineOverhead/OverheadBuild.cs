using System.Diagnostics;
using System.Globalization;
using Serilog;
using Xooo.Engine;

namespace Xooo.Benchmarks;

/// <summary>
/// The real build's six rollout targets with the same wiring and parameters of the same kinds, but bodies that
/// only log, so that a run measures the engine and nothing else.
/// </summary>
public sealed class OverheadBuild : NukeBuild
{
    public static int Start() => Execute<OverheadBuild>(x => x.BuildBaseImage);

    /// <summary>Runs the build <paramref name="count"/> times in this process, output discarded; prints each run's milliseconds.</summary>
    public static int Measure(int count, string[] arguments)
    {
        var environment = new Dictionary<string, string>();
        for (var run = 0; run < count; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var code = BuildRunner.RunAsync<OverheadBuild>(
                new BuildInvocation(arguments, environment, Directory.GetCurrentDirectory(), TextWriter.Null),
                x => x.BuildBaseImage).GetAwaiter().GetResult();
            if (code != 0)
                return code;
            Console.WriteLine(stopwatch.Elapsed.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture));
        }
        return 0;
    }

    [Parameter("Name of the base image")] readonly string ImageName = "xooo-backend-base";
    [Parameter("Tag that deployments use")] readonly string ImageTag = "latest";
    [Parameter("Parent image")] readonly string PythonImage = "python:3.11-slim-bookworm";
    [Parameter("Package index")] readonly string? PipIndexUrl;
    [Parameter("Archive address")] readonly string PostgrestUrl = "https://example.invalid/postgrest.tar.xz";
    [Parameter("Archive checksum")] readonly string? PostgrestSha256;
    [Parameter("Image folder")] readonly string BaseImageDirectory = "base-image";
    [Parameter("Build anyway")] readonly bool Force;
    [Parameter("Maximum age")] readonly int MaxAgeDays = 30;
    [Parameter("Deployer repository")] readonly string DeployerRepository = "/nonexistent";
    [Parameter("Deployer branch")] readonly string DeployerBranch = "main";
    [Parameter("Clone folder")] readonly string? DeployerDirectory;
    [Parameter("Token", Name = "github-token")][Secret] readonly string? GitHubToken;
    [Parameter("API address", Name = "github-api-url")] readonly string GitHubApiUrl = "https://api.github.invalid";
    [Parameter("Open a pull request")] readonly bool PullRequest;
    [Parameter("Commit message")] readonly string CommitMessage = "message";

    Target Clone => _ => _.Description("Clone").Executes(() => Log.Information("clone {Repository}", DeployerRepository));

    Target Restore => _ => _.Description("Restore").Requires(() => ImageName).Executes(() => Log.Information("restore {Directory}", BaseImageDirectory));

    Target BuildBaseImage => _ => _.Description("Build").DependsOn(Restore).Triggers(Verify)
        .Executes(() => Log.Information("build {Image}:{Tag} from {Parent}", ImageName, ImageTag, PythonImage));

    Target Verify => _ => _.Description("Verify").After(BuildBaseImage).Executes(() => Log.Information("verify, force {Force}, {Days} days", Force, MaxAgeDays));

    Target UpdateNixpacksToml => _ => _.Description("Update").DependsOn(Clone).After(Verify)
        .Executes(() => Log.Information("update {Branch}", DeployerBranch));

    Target CommitAndPush => _ => _.Description("Commit").DependsOn(UpdateNixpacksToml)
        .Executes(() => ReportSummary(PullRequest ? "pull request" : "pushed"));
}
