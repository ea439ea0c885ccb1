namespace Xooo.Build.Tests.Support;

/// <summary>
/// A test against the Docker engine: its own build root and a unique image name, whose tags and keepers are
/// removed afterwards, and a way to run the build pointed at the local stand-ins.
/// </summary>
public abstract class DockerImageTest(DockerFixture docker) : IAsyncLifetime
{
    protected DockerFixture Docker { get; } = docker;
    protected ImageTestRoot Root { get; } = new();
    protected string Name { get; } = DockerFixture.UniqueImageName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Root.Dispose();
        if (await DockerRequirement.EngineProblemAsync() is null)
            await TestDocker.RemoveRepositoryAsync(Name);
    }

    /// <summary>Runs the build in memory with the given targets, pointed at the stand-ins (or the PostgREST archive given).</summary>
    protected Task<(int ExitCode, string Output)> BuildAsync(
        IEnumerable<string> arguments, string? postgrestUrl = null, string? postgrestSha256 = null, CancellationToken cancellation = default) =>
        InMemoryBuild.RunAsync(Root.Path, [.. arguments, .. Docker.Arguments(Name, postgrestUrl, postgrestSha256)], cancellation: cancellation);
}
