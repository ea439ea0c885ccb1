using Xooo.Engine;

namespace Xooo.Build.Image;

/// <summary>What docker build is asked to do.</summary>
public sealed record DockerBuildRequest(
    string ContextDirectory,
    string DockerfilePath,
    string Tag,
    IReadOnlyDictionary<string, string> BuildArguments,
    IReadOnlyDictionary<string, string> Labels,
    string ImageIdFile);

/// <summary>
/// The docker commands this build uses, typed, over the ToolRunner façade (which echoes, streams, cancels and
/// honours --dry-run). Commands that change state are marked so; queries return null when a dry run had no
/// docker to ask.
/// </summary>
public sealed class DockerClient(ToolRunner tools, string? dockerHost = null)
{
    private static readonly TimeSpan DaemonTimeout = TimeSpan.FromSeconds(15);

    // Everything but 125, which is docker's own "could not run the container".
    private static readonly int[] AnyContainerExit = [.. Enumerable.Range(0, 256).Where(code => code != 125)];

    private bool _daemonSilent;

    public bool IsDryRun => tools.IsDryRun;

    public string DaemonAddress => dockerHost is { Length: > 0 } ? dockerHost
        : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "unix:///var/run/docker.sock";

    /// <summary>The daemon's version; null in a dry run without docker. Throws a clear error when docker is missing or silent.</summary>
    public async Task<string?> ServerVersionAsync(CancellationToken cancellationToken)
    {
        if (!IsDryRun && ProgramLocator.Find("docker") is null)
            throw new DockerException("The docker CLI is not on PATH. Install Docker (on Debian: apt-get install docker.io) and start its daemon.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DaemonTimeout);
        ToolResult result;
        try
        {
            result = await tools.RunAsync(Docker("version", "--format", "{{.Server.Version}}").Quietly().WithExpectedExitCodes(0, 1), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerException($"The Docker daemon at {DaemonAddress} did not answer within {DaemonTimeout.TotalSeconds:0} s.");
        }
        if (!result.Ran)
            return null;
        if (result.ExitCode != 0 || result.Output.Trim().Length == 0)
        {
            // A dry run goes on without a daemon (the caller warns); its later queries are skipped, not failed.
            _daemonSilent = IsDryRun;
            throw new DockerException($"The Docker daemon at {DaemonAddress} does not answer ({LastLine(result.Error)}). "
                + "Start it (systemctl start docker), or point DOCKER_HOST or --docker-host at one that runs.");
        }
        return result.Output.Trim();
    }

    public Task<DockerImage?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        InspectAsync("image", reference, DockerImage.Parse, cancellationToken);

    public Task<DockerContainer?> InspectContainerAsync(string name, CancellationToken cancellationToken) =>
        InspectAsync("container", name, DockerContainer.Parse, cancellationToken);

    // Absent is an answer (null), not an error; any other refusal is.
    private async Task<T?> InspectAsync<T>(string kind, string name, Func<string, T> parse, CancellationToken cancellationToken)
        where T : class
    {
        var result = await QueryAsync(Docker(kind, "inspect", "--format", "{{json .}}", name).Quietly().WithExpectedExitCodes(0, 1), cancellationToken);
        if (!result.Ran)
            return null;
        if (result.ExitCode == 0)
            return parse(result.Output);
        return result.Error.Contains("No such", StringComparison.OrdinalIgnoreCase)
            ? null
            : throw new DockerException($"docker {kind} inspect {name} failed: {LastLine(result.Error)}");
    }

    public Task PullAsync(string reference, CancellationToken cancellationToken) =>
        tools.RunAsync(Docker("pull", reference).ThatChangesState(), cancellationToken);

    /// <summary>Builds with the classic builder, output streamed; returns the new image's ID (null in a dry run).</summary>
    public async Task<string?> BuildAsync(DockerBuildRequest request, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "build", "--network", "host", "--force-rm", "--file", request.DockerfilePath, "--tag", request.Tag, "--iidfile", request.ImageIdFile };
        foreach (var (name, value) in request.BuildArguments)
            arguments.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (name, value) in request.Labels)
            arguments.AddRange(["--label", $"{name}={value}"]);
        arguments.Add(request.ContextDirectory);

        if (!IsDryRun)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ImageIdFile))!);
            File.Delete(request.ImageIdFile);
        }
        // The classic builder, on purpose: the server's docker has no buildx, and the result must not depend on it.
        var result = await tools.RunAsync(Docker(arguments).WithEnvironment("DOCKER_BUILDKIT", "0").ThatChangesState(), cancellationToken);
        if (!result.Ran)
            return null;
        return File.Exists(request.ImageIdFile) && File.ReadAllText(request.ImageIdFile).Trim() is { Length: > 0 } id
            ? id
            : throw new DockerException($"docker build finished but wrote no image ID to {request.ImageIdFile}.");
    }

    public Task TagAsync(string source, string target, CancellationToken cancellationToken) =>
        tools.RunAsync(Docker("tag", source, target).ThatChangesState(), cancellationToken);

    /// <summary>Removes a tag (and the image, when it was the last tag and nothing uses it). False when docker refused.</summary>
    public async Task<bool> RemoveImageAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await tools.RunAsync(Docker("image", "rm", reference).ThatChangesState().WithExpectedExitCodes(0, 1), cancellationToken);
        return !result.Ran || result.ExitCode == 0;
    }

    /// <summary>A container that is never started, so that no cleanup deletes the image it was created from.</summary>
    public Task CreateContainerAsync(string name, string image, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "create", "--name", name, "--network", "none" };
        foreach (var (key, value) in labels)
            arguments.AddRange(["--label", $"{key}={value}"]);
        arguments.AddRange([image, "true"]);
        return tools.RunAsync(Docker(arguments).Quietly().ThatChangesState(), cancellationToken);
    }

    public Task RemoveContainerAsync(string name, CancellationToken cancellationToken) =>
        tools.RunAsync(Docker("rm", "--force", name).Quietly().ThatChangesState().WithExpectedExitCodes(0, 1), cancellationToken);

    /// <summary>Runs a throwaway container with no network; any exit code of the command comes back, docker's own failures throw.</summary>
    public Task<ToolResult> RunAsync(string image, string entrypoint, IEnumerable<string> arguments, CancellationToken cancellationToken, string? input = null) =>
        tools.RunAsync(
            Docker(["run", "--rm", .. input is null ? Array.Empty<string>() : ["--interactive"], "--network", "none", "--entrypoint", entrypoint, image, .. arguments])
                .WithInput(input).Quietly().ThatChangesState().WithExpectedExitCodes(AnyContainerExit),
            cancellationToken);

    /// <summary>The command of every layer, untruncated; null in a dry run without docker.</summary>
    public async Task<string?> HistoryAsync(string image, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(Docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", image).Quietly(), cancellationToken);
        return result.Ran ? result.Output : null;
    }

    private async Task<ToolResult> QueryAsync(ToolCommand query, CancellationToken cancellationToken)
    {
        if (!_daemonSilent)
            return await tools.RunAsync(query, cancellationToken);
        Serilog.Log.Information("[dry run] the Docker daemon does not answer; skipped the query: {Command}", query.Echo);
        return ToolResult.NotRun;
    }

    private ToolCommand Docker(params IEnumerable<string> arguments)
    {
        var command = new ToolCommand("docker").WithArguments(arguments).WithEnvironment("DOCKER_CLI_HINTS", "false");
        return dockerHost is { Length: > 0 } ? command.WithEnvironment("DOCKER_HOST", dockerHost) : command;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
