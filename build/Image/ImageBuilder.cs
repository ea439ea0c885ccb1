using System.Globalization;

namespace Xooo.Build.Image;

/// <summary>
/// Builds a candidate image, never `latest` itself: only Verify moves `latest`, so a failed or cancelled build
/// leaves the working image and its keeper exactly as they were.
/// </summary>
public sealed class ImageBuilder(DockerClient docker)
{
    public const string Created = "org.opencontainers.image.created";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Source = "org.opencontainers.image.source";
    public const string Version = "org.opencontainers.image.version";
    public const string BaseName = "org.opencontainers.image.base.name";

    /// <summary>The OCI labels plus ours holding the hash of the build inputs.</summary>
    public static SortedDictionary<string, string> Labels(BaseImageInputs inputs, string inputsHash, DateTimeOffset now, string? revision, string? source)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Created] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            [Version] = $"{now.UtcDateTime:yyyy.MM.dd}-{InputHash.Short(inputsHash)}",
            [BaseName] = inputs.Settings.PythonImage,
            [BuildDecision.InputsHashLabel] = inputsHash,
            [Revision] = revision ?? "unknown",
        };
        if (source is not null)
            labels[Source] = source;
        return labels;
    }

    /// <summary>Builds and tags the candidate; returns its image ID (null in a dry run).</summary>
    public async Task<string?> BuildCandidateAsync(
        BaseImageInputs inputs, ImageNames names, IReadOnlyDictionary<string, string> labels, string imageIdFile, CancellationToken cancellationToken)
    {
        // A candidate left by a failed Verify is replaced; untag it first so that it does not linger dangling.
        if (await docker.InspectImageAsync(names.Candidate, cancellationToken) is not null)
            await docker.RemoveImageAsync(names.Candidate, cancellationToken);

        var request = new DockerBuildRequest(
            inputs.Settings.Directory, inputs.DockerfilePath, names.Candidate, inputs.BuildArguments, labels, imageIdFile);
        return await docker.BuildAsync(request, cancellationToken);
    }
}
