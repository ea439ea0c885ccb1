namespace Xooo.Build.Tests.EndToEnd;

/// <summary>
/// A copy of the repository's build inputs in a temporary folder, built once by its own build.sh, so that the
/// end-to-end tests run the script as a user does, and may change sources, without touching the checkout.
/// Beside it, a `dotnet` wrapper that logs each command line before running the real one: the log shows
/// whether build.sh built or only ran the build.
/// </summary>
public sealed class RepositoryCopy : IAsyncLifetime
{
    // Top-level folders the build reads; bin/, obj/ and .nuke/temp/ are left behind.
    private static readonly string[] Folders = [".nuke", "build", "engine", "base-image"];
    private static readonly string[] Skipped = ["bin", "obj", "temp"];

    private readonly string _base = Path.Combine(Path.GetTempPath(), "xooo-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string Root => Path.Combine(_base, "repository");
    public string WrapperLog => Path.Combine(_base, "dotnet-calls.log");
    private string WrapperDirectory => Path.Combine(_base, "wrapper");

    /// <summary>The environment that puts the logging `dotnet` wrapper first on PATH.</summary>
    public IReadOnlyDictionary<string, string> WithWrapper => new Dictionary<string, string>
    {
        ["PATH"] = WrapperDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
    };

    public async Task InitializeAsync()
    {
        var source = RepositoryRoot.Find();
        Directory.CreateDirectory(Root);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(Root, Path.GetFileName(file)));
        foreach (var folder in Folders.Where(f => Directory.Exists(Path.Combine(source, f))))
            CopyFolder(Path.Combine(source, folder), Path.Combine(Root, folder));
        WriteWrapper();

        var first = await BuildScript.RunAsync(Root, ["--help"], timeout: BuildScript.WithBuild);
        if (first.ExitCode != 0)
            throw new InvalidOperationException($"The first ./build.sh --help in the copy at {Root} failed: {first}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_base, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The command lines build.sh gave `dotnet` since the last call, through the wrapper.</summary>
    public IReadOnlyList<string> TakeWrapperCalls()
    {
        if (!File.Exists(WrapperLog))
            return [];
        var calls = File.ReadAllLines(WrapperLog);
        File.Delete(WrapperLog);
        return calls;
    }

    private void WriteWrapper()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("build.sh and its tests need a Unix shell; build.cmd is for Windows.");
        Directory.CreateDirectory(WrapperDirectory);
        var wrapper = Path.Combine(WrapperDirectory, "dotnet");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{WrapperLog}'\nexec '{RealDotnet()}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string RealDotnet() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "dotnet"))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("No dotnet on PATH.");

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from).Where(d => !Skipped.Contains(Path.GetFileName(d))))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}

/// <summary>One copy for all end-to-end tests; they run one after another, as they share it.</summary>
[CollectionDefinition(Name)]
public sealed class BuildScriptCollection : ICollectionFixture<RepositoryCopy>
{
    public const string Name = "build.sh end to end";
}
