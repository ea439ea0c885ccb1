using System.Text.Json;

namespace Xooo.Build.Tests.Support;

/// <summary>Docker as the tests observe it: plain CLI calls, independent of the build's DockerClient.</summary>
public static class TestDocker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var result = await TestProcess.RunAsync("docker", arguments, Timeout);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed: {result.Error}");
    }

    public static async Task<string?> ImageIdAsync(string reference)
    {
        var result = await TestProcess.RunAsync("docker", ["image", "inspect", "--format", "{{.Id}}", reference], Timeout);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    public static async Task<IReadOnlyList<string>> TagsAsync(string imageId)
    {
        var result = await RunAsync("image", "inspect", "--format", "{{json .RepoTags}}", imageId);
        return JsonSerializer.Deserialize<List<string>>(result.Output) ?? [];
    }

    public static async Task<IReadOnlyDictionary<string, string>> LabelsAsync(string reference)
    {
        var result = await RunAsync("image", "inspect", "--format", "{{json .Config.Labels}}", reference);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(result.Output) ?? [];
    }

    /// <summary>The image ID a container was created from, and its labels; null when there is no such container.</summary>
    public static async Task<(string ImageId, IReadOnlyDictionary<string, string> Labels)?> ContainerAsync(string name)
    {
        var result = await TestProcess.RunAsync("docker", ["container", "inspect", "--format", "{{.Image}}\t{{json .Config.Labels}}", name], Timeout);
        if (result.ExitCode != 0)
            return null;
        var parts = result.Output.Trim().Split('\t', 2);
        return (parts[0], JsonSerializer.Deserialize<Dictionary<string, string>>(parts[1]) ?? []);
    }

    /// <summary>Gives an existing image the tag `latest` of a repository and a keeper, as a previous rollout would have.</summary>
    public static async Task<string> PlantLatestAsync(string repository, string imageId)
    {
        await RunAsync("tag", imageId, $"{repository}:latest");
        await RunAsync("create", "--name", $"{repository}-latest-keeper", "--network", "none",
            "--label", "coolify.managed=false", "--label", $"xooo.keeper-of={repository}:latest", imageId, "true");
        return imageId;
    }

    /// <summary>Removes every container and tag a test made under its repository name.</summary>
    public static async Task RemoveRepositoryAsync(string repository)
    {
        var containers = await TestProcess.RunAsync("docker", ["ps", "--all", "--quiet", "--filter", $"name=^{repository}-"], Timeout);
        foreach (var id in containers.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await TestProcess.RunAsync("docker", ["rm", "--force", id], Timeout);
        var tags = await TestProcess.RunAsync("docker", ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repository], Timeout);
        foreach (var tag in tags.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await TestProcess.RunAsync("docker", ["image", "rm", tag], Timeout);
    }
}
