namespace Xooo.Build.Image;

/// <summary>What the base image is built from, as the parameters name it.</summary>
public sealed record BaseImageSettings(string Directory, string PythonImage, string? PipIndexUrl, string PostgrestUrl, string? PostgrestSha256);

/// <summary>
/// The base-image folder read and checked: required files, pinned requirements, the PostgREST pin, and the
/// addresses. Every problem is collected, so one run names all of them; nothing here talks to Docker.
/// </summary>
public sealed class BaseImageInputs
{
    public const string Dockerfile = "Dockerfile";
    public const string RequirementsFileName = "requirements.txt";
    public const string DockerIgnore = ".dockerignore";

    private BaseImageInputs(BaseImageSettings settings) => Settings = settings;

    public BaseImageSettings Settings { get; }
    public List<string> Problems { get; } = [];
    public IReadOnlyList<Requirement> Requirements { get; private set; } = [];

    /// <summary>The bad lines of requirements.txt (also in <see cref="Problems"/>); Verify needs none.</summary>
    public IReadOnlyList<string> RequirementProblems { get; private set; } = [];
    public PostgrestPin? Pin { get; private set; }

    /// <summary>Why there is no PostgREST pin (also in <see cref="Problems"/>); a dry run only warns of it.</summary>
    public string? PinProblem { get; private set; }

    /// <summary>The files docker build reads (the Dockerfile and the context, which .dockerignore narrows).</summary>
    public List<KeyValuePair<string, byte[]>> Files { get; } = [];

    public string DockerfilePath => Path.Combine(Settings.Directory, Dockerfile);
    public string PinFilePath => Path.Combine(Settings.Directory, PostgrestPin.FileName);

    /// <summary>The --build-arg values; PIP_INDEX_URL only when given, so the Dockerfile's default (PyPI) applies.</summary>
    public SortedDictionary<string, string> BuildArguments
    {
        get
        {
            var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["PYTHON_IMAGE"] = Settings.PythonImage,
                ["POSTGREST_URL"] = Settings.PostgrestUrl,
            };
            if (Pin is not null)
                arguments["POSTGREST_SHA256"] = Pin.Sha256;
            if (!string.IsNullOrWhiteSpace(Settings.PipIndexUrl))
                arguments["PIP_INDEX_URL"] = Settings.PipIndexUrl;
            return arguments;
        }
    }

    public string HashWith(string parentImageId) => InputHash.Compute(Files, BuildArguments, parentImageId);

    public static BaseImageInputs Load(BaseImageSettings settings)
    {
        var inputs = new BaseImageInputs(settings);
        if (!System.IO.Directory.Exists(settings.Directory))
        {
            inputs.Problems.Add($"The base-image folder {settings.Directory} does not exist (--base-image-directory).");
            return inputs;
        }

        var required = new List<string> { Dockerfile, RequirementsFileName };
        if (string.IsNullOrWhiteSpace(settings.PostgrestSha256))
            required.Add(PostgrestPin.FileName);
        var missing = required.Where(f => !File.Exists(Path.Combine(settings.Directory, f))).ToList();
        if (missing.Count > 0)
            inputs.Problems.Add($"Missing in {settings.Directory}: {string.Join(", ", missing)}.");

        foreach (var file in new[] { Dockerfile, RequirementsFileName, DockerIgnore })
            if (File.Exists(Path.Combine(settings.Directory, file)))
                inputs.Files.Add(new(file, File.ReadAllBytes(Path.Combine(settings.Directory, file))));

        if (!missing.Contains(RequirementsFileName))
        {
            var requirements = RequirementsFile.Read(Path.Combine(settings.Directory, RequirementsFileName));
            inputs.Requirements = requirements.Requirements;
            inputs.RequirementProblems = requirements.Problems;
            inputs.Problems.AddRange(requirements.Problems);
        }

        inputs.CheckAddress("--postgrest-url", settings.PostgrestUrl);
        if (!string.IsNullOrWhiteSpace(settings.PipIndexUrl))
            inputs.CheckAddress("--pip-index-url", settings.PipIndexUrl);

        var (pin, problem) = PostgrestPin.Resolve(inputs.PinFilePath, settings.PostgrestSha256, settings.PostgrestUrl);
        inputs.Pin = pin;
        inputs.PinProblem = problem;
        if (problem is not null)
            inputs.Problems.Add(problem);
        return inputs;
    }

    private void CheckAddress(string parameter, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
            Problems.Add($"{parameter} '{value}' is not an http, https or file address.");
        else if (uri.UserInfo.Length > 0)
            // The classic builder records build arguments in the image history, where anyone with the image reads them.
            Problems.Add($"{parameter} carries credentials: docker build records build arguments in the image's history. "
                + "Use an address without credentials (a local mirror or proxy).");
    }
}
