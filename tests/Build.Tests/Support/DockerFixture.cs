namespace Xooo.Build.Tests.Support;

/// <summary>The Docker tests run one after another (each docker build uses both cores) and share these stand-ins.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker";
}

/// <summary>
/// What every Docker test needs: the engine (else skipped, or failed under XOOO_REQUIRE_DOCKER=1), the local
/// parent image, the package index and the PostgREST archives, all on 127.0.0.1.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    private Task<string>? _parent;

    public PackageIndex Index { get; } = new(TestWheels.For(System.IO.Path.Combine(ImageTestRoot.RepositoryBaseImage, "requirements.txt")));
    public PostgrestArchives Postgrest { get; } = new();

    /// <summary>
    /// Makes the parent image before the first test (a few minutes, once per machine), so that the tests'
    /// timeouts measure the tests. Without Docker nothing happens here: each test then skips or fails on its own.
    /// </summary>
    public async Task InitializeAsync()
    {
        if (await DockerRequirement.EngineProblemAsync() is null)
        {
            _parent = TestParentImage.EnsureAsync();
            // A failure is kept for the tests to report; the fixture itself must not fail.
            await _parent.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Skips (or fails) the test without Docker; returns the parent image's ID.</summary>
    public async Task<string> ReadyAsync()
    {
        await DockerRequirement.EngineAsync();
        return await (_parent ??= TestParentImage.EnsureAsync());
    }

    /// <summary>The parameters that point a build at the local stand-ins.</summary>
    public List<string> Arguments(string imageName, string? postgrestUrl = null, string? postgrestSha256 = null) =>
    [
        "--image-name", imageName,
        "--python-image", TestParentImage.Reference,
        "--pip-index-url", Index.Url,
        "--postgrest-url", postgrestUrl ?? Postgrest.GoodUrl,
        "--postgrest-sha256", postgrestSha256 ?? Postgrest.GoodSha256,
    ];

    public static string UniqueImageName() => $"xooo-test-{Guid.NewGuid():N}"[..22];

    public Task DisposeAsync()
    {
        Index.Dispose();
        Postgrest.Dispose();
        return Task.CompletedTask;
    }
}
