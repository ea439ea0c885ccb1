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
public sealed class DockerFixture : IDisposable
{
    private readonly Lazy<Task<string>> _parent = new(TestParentImage.EnsureAsync);

    public PackageIndex Index { get; } = new(TestWheels.For(System.IO.Path.Combine(ImageTestRoot.RepositoryBaseImage, "requirements.txt")));
    public PostgrestArchives Postgrest { get; } = new();

    /// <summary>Skips (or fails) the test without Docker; returns the parent image's ID.</summary>
    public async Task<string> ReadyAsync()
    {
        await DockerRequirement.EngineAsync();
        return await _parent.Value;
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

    public void Dispose()
    {
        Index.Dispose();
        Postgrest.Dispose();
    }
}
