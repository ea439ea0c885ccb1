using Serilog;

namespace Xooo.Build.Image;

/// <summary>
/// Moves tags and keeper containers. `docker tag` moves a tag in one step; every image keeps one tag only and
/// its own keeper (a container that is never started, so that neither `docker image prune -a` nor `docker rmi`
/// can delete it), recreated whenever its tag moves.
/// </summary>
public sealed class ImagePromoter(DockerClient docker)
{
    /// <summary>`latest` moves to the candidate; the image it held keeps the `prev` tag; the older prev goes.</summary>
    public async Task<string> PromoteAsync(ImageNames names, CancellationToken cancellationToken)
    {
        var candidate = await docker.InspectImageAsync(names.Candidate, cancellationToken);
        var candidateId = candidate?.Id ?? (docker.IsDryRun ? names.Candidate : throw new DockerException($"There is no {names.Candidate} to promote."));
        var latest = await docker.InspectImageAsync(names.Latest, cancellationToken);
        var previous = await docker.InspectImageAsync(names.Prev, cancellationToken);

        if (latest is not null && latest.Id != candidateId)
        {
            await docker.TagAsync(latest.Id, names.Prev, cancellationToken);
            await MoveKeeperAsync(names.PrevKeeper, latest.Id, names.Prev, cancellationToken);
            if (previous is not null && previous.Id != latest.Id && previous.Id != candidateId)
                await RemoveUntaggedAsync(previous, cancellationToken);
        }
        await docker.TagAsync(candidateId, names.Latest, cancellationToken);
        await MoveKeeperAsync(names.LatestKeeper, candidateId, names.Latest, cancellationToken);
        await docker.RemoveImageAsync(names.Candidate, cancellationToken);
        return latest is null
            ? $"{names.Latest} is {DockerIds.Short(candidateId)} (first image)"
            : $"{names.Latest} is {DockerIds.Short(candidateId)}, {names.Prev} is {latest.ShortId}";
    }

    /// <summary>`latest` and `prev` swap images, keepers with them, so a second rollback undoes the first.</summary>
    public async Task<string> RollbackAsync(ImageNames names, CancellationToken cancellationToken)
    {
        var previous = await docker.InspectImageAsync(names.Prev, cancellationToken);
        if (previous is null)
            return docker.IsDryRun
                ? $"{names.Prev} could not be looked up (dry run without docker)"
                : throw new DockerException($"There is no {names.Prev} to roll back to: nothing was changed.");
        var latest = await docker.InspectImageAsync(names.Latest, cancellationToken);

        // Tag first, keepers after: at every step each image still has a tag or a keeper.
        if (latest is not null && latest.Id != previous.Id)
        {
            await docker.TagAsync(latest.Id, names.Prev, cancellationToken);
            await docker.TagAsync(previous.Id, names.Latest, cancellationToken);
            await MoveKeeperAsync(names.LatestKeeper, previous.Id, names.Latest, cancellationToken);
            await MoveKeeperAsync(names.PrevKeeper, latest.Id, names.Prev, cancellationToken);
            return $"{names.Latest} is back on {previous.ShortId}; {names.Prev} now holds {latest.ShortId} (roll back again to undo)";
        }
        await docker.TagAsync(previous.Id, names.Latest, cancellationToken);
        await MoveKeeperAsync(names.LatestKeeper, previous.Id, names.Latest, cancellationToken);
        await docker.RemoveImageAsync(names.Prev, cancellationToken);
        await docker.RemoveContainerAsync(names.PrevKeeper, cancellationToken);
        return $"{names.Latest} is back on {previous.ShortId}";
    }

    private async Task MoveKeeperAsync(string keeper, string imageId, string reference, CancellationToken cancellationToken)
    {
        var existing = await docker.InspectContainerAsync(keeper, cancellationToken);
        if (existing is not null && existing.ImageId == imageId && existing.Labels.GetValueOrDefault(ImageNames.ManagedLabel) == "false"
            && existing.Labels.GetValueOrDefault(ImageNames.KeeperOfLabel) == reference)
            return;
        if (existing is not null)
            await docker.RemoveContainerAsync(keeper, cancellationToken);
        await docker.CreateContainerAsync(keeper, imageId, ImageNames.KeeperLabels(reference), cancellationToken);
    }

    // The image that was prev lost its tag and its keeper; an app image built FROM it makes docker refuse, which is fine.
    private async Task RemoveUntaggedAsync(DockerImage image, CancellationToken cancellationToken)
    {
        if (!await docker.RemoveImageAsync(image.Id, cancellationToken))
            Log.Information("Kept the image that was prev ({Id}): docker says something still uses it", image.ShortId);
    }
}
