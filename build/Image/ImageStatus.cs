using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xooo.Build.Image;

/// <summary>One tag's image and its keeper, as Status reports them.</summary>
public sealed record TagState(
    string Reference, string? Id, IReadOnlyList<string> Tags, long? Size, DateTimeOffset? Created, double? AgeDays,
    string? InputsHash, string Keeper, string? KeeperImageId, bool KeeperOk);

/// <summary>What Status prints, and its JSON for scripts.</summary>
public sealed record StatusReport(
    TagState Latest, TagState Prev, string? CurrentInputsHash, bool? InputsChanged, int MaxAgeDays,
    IReadOnlyList<InstalledPackage> Packages, IReadOnlyList<string> Warnings)
{
    public const string FileName = "image-status.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public IEnumerable<string> Lines()
    {
        foreach (var tag in new[] { Latest, Prev })
        {
            if (tag.Id is null)
            {
                yield return $"{tag.Reference,-34} none";
                continue;
            }
            yield return $"{tag.Reference,-34} {DockerIds.Short(tag.Id)}  {tag.Size / 1_000_000.0:0} MB  created {tag.Created:yyyy-MM-dd HH:mm} UTC, {tag.AgeDays:0.#} days ago"
                + (tag.Tags.Count > 1 ? $"  tags: {string.Join(", ", tag.Tags)}" : "");
            yield return $"  keeper {tag.Keeper,-25} " + (tag.KeeperOk ? "ok" : tag.KeeperImageId is null ? "MISSING" : $"WRONG: on {DockerIds.Short(tag.KeeperImageId)}");
        }
        yield return InputsChanged switch
        {
            true => $"Inputs changed since {Latest.Reference} was built ({InputHash.Short(Latest.InputsHash)} → {InputHash.Short(CurrentInputsHash)}): BuildBaseImage will rebuild",
            false => $"Inputs unchanged since {Latest.Reference} was built ({InputHash.Short(CurrentInputsHash)})",
            null => "Inputs: not compared (" + (CurrentInputsHash is null ? "the inputs could not be read" : "no image") + ")",
        };
        if (Packages.Count > 0)
            yield return "Packages: " + string.Join(", ", Packages.Select(p => $"{p.Name} {p.Version}"));
    }
}

/// <summary>Reads the state of `latest` and `prev`, their keepers and packages; changes nothing.</summary>
public sealed class ImageStatus(DockerClient docker)
{
    public async Task<StatusReport> ReadAsync(
        ImageNames names, string? currentInputsHash, int maxAgeDays, VerificationReport? lastReport, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await ReadTagAsync(names.Latest, names.LatestKeeper, now, cancellationToken);
        var prev = await ReadTagAsync(names.Prev, names.PrevKeeper, now, cancellationToken);
        var warnings = new List<string>();
        if (latest.Id is null)
            warnings.Add($"There is no {names.Latest}: run BuildBaseImage.");
        if (latest.AgeDays > maxAgeDays)
            warnings.Add($"{names.Latest} is {latest.AgeDays:0} days old, over --max-age-days {maxAgeDays}: the next BuildBaseImage rebuilds it.");
        foreach (var tag in new[] { latest, prev }.Where(t => t.Id is not null))
        {
            if (!tag.KeeperOk)
                warnings.Add($"The keeper {tag.Keeper} does not hold {tag.Reference}: a cleanup may delete it (Verify or Rollback recreates it).");
            if (tag.Tags.Count > 1)
                warnings.Add($"{tag.Reference} has {tag.Tags.Count} tags ({string.Join(", ", tag.Tags)}): removing one of them would only untag it.");
        }
        bool? changed = latest.Id is null || currentInputsHash is null ? null : latest.InputsHash != currentInputsHash;
        var packages = latest.Id is null ? []
            : lastReport?.ImageId == latest.Id && lastReport.Packages.Count > 0 ? lastReport.Packages
            : await PackagesAsync(names.Latest, cancellationToken);
        return new StatusReport(latest, prev, currentInputsHash, changed, maxAgeDays, packages, warnings);
    }

    private async Task<TagState> ReadTagAsync(string reference, string keeperName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var image = await docker.InspectImageAsync(reference, cancellationToken);
        if (image is null)
            return new TagState(reference, null, [], null, null, null, null, keeperName, null, false);
        var keeper = await docker.InspectContainerAsync(keeperName, cancellationToken);
        var keeperOk = keeper is not null && keeper.ImageId == image.Id && keeper.Labels.GetValueOrDefault(ImageNames.ManagedLabel) == "false";
        return new TagState(reference, image.Id, image.Tags, image.Size, image.Created, Math.Round((now - image.Created).TotalDays, 2),
            image.Label(BuildDecision.InputsHashLabel), keeperName, keeper?.ImageId, keeperOk);
    }

    private async Task<IReadOnlyList<InstalledPackage>> PackagesAsync(string image, CancellationToken cancellationToken)
    {
        var result = await docker.RunAsync(image, "/opt/venv/bin/python", ["-m", "pip", "list", "--format", "json"], cancellationToken);
        if (!result.Ran || result.ExitCode != 0)
            return [];
        using var document = JsonDocument.Parse(result.Output);
        return [.. document.RootElement.EnumerateArray().Select(p => new InstalledPackage(
            PackageName.Normalize(p.GetProperty("name").GetString() ?? ""), p.GetProperty("version").GetString() ?? ""))];
    }
}
