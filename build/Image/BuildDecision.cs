namespace Xooo.Build.Image;

/// <summary>Whether BuildBaseImage must build, and why, in words the operator reads.</summary>
public sealed record BuildDecision(bool Build, string Reason)
{
    public const string InputsHashLabel = "xooo.base-image.inputs-hash";

    public static BuildDecision Decide(DockerImage? latest, string reference, string inputsHash, int maxAgeDays, bool force, DateTimeOffset now)
    {
        if (latest is null)
            return new(true, $"no image is tagged {reference} yet");
        var built = latest.Label(InputsHashLabel);
        var age = now - latest.Created;
        if (force)
            return new(true, "--force");
        if (built != inputsHash)
            return new(true, $"the inputs changed since {reference} was built (hash {InputHash.Short(built)} → {InputHash.Short(inputsHash)})");
        if (age > TimeSpan.FromDays(maxAgeDays))
            return new(true, $"{reference} is {Days(age)} old, over --max-age-days {maxAgeDays} (the monthly security rebuild)");
        return new(false, $"{reference} is up to date: same inputs, built {Days(age)} ago (rebuilt after {maxAgeDays} days)");
    }

    public static string Days(TimeSpan age) =>
        age.TotalDays >= 1 ? Count((int)age.TotalDays, "day") : age.TotalHours >= 1 ? Count((int)age.TotalHours, "hour") : Count(Math.Max(0, (int)age.TotalMinutes), "minute");

    private static string Count(int number, string unit) => number == 1 ? $"1 {unit}" : $"{number} {unit}s";
}
