using Xooo.Engine;

namespace Xooo.Build.Tests.Support;

/// <summary>
/// The parent image the tests build FROM, since no registry is reachable: Debian bookworm made by debootstrap
/// with python3.11 and python3.11-venv (plus the tools the Dockerfile installs when missing, so the tests skip
/// that apt step), imported with `docker import`. Made once per machine, under a file lock so that test
/// processes running side by side do not race, and kept between runs.
/// </summary>
public static class TestParentImage
{
    public const string Reference = "xooo-test-parent:bookworm";

    private const string Packages =
        "python3.11,python3.11-venv,python3-distutils,python3-lib2to3,python3,sudo,curl,wget,jq,ca-certificates,xz-utils";

    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "xooo-test-parent.lock");
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task<string> EnsureAsync()
    {
        if (await TestDocker.ImageIdAsync(Reference) is { } id)
            return id;
        await InProcess.WaitAsync();
        try
        {
            using var machineLock = await LockAsync();
            return await TestDocker.ImageIdAsync(Reference) ?? await MakeAsync();
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<string> MakeAsync()
    {
        DockerRequirement.Require(ProgramLocator.Find("debootstrap") is null ? "debootstrap is not installed, and it makes the test parent image" : null);
        var work = Directory.CreateTempSubdirectory("xooo-test-parent-");
        try
        {
            var root = Path.Combine(work.FullName, "root");
            var bootstrap = await TestProcess.RunAsync("debootstrap",
                ["--variant=minbase", $"--include={Packages}", "bookworm", root, DebianMirror()], TimeSpan.FromMinutes(15));
            if (bootstrap.ExitCode != 0)
                throw new InvalidOperationException($"debootstrap failed ({bootstrap.ExitCode}): {Tail(bootstrap.All)}");
            foreach (var cache in new[] { "var/lib/apt/lists", "var/cache/apt/archives" })
                foreach (var file in Directory.EnumerateFiles(Path.Combine(root, cache), "*", SearchOption.TopDirectoryOnly))
                    File.Delete(file);

            var archive = Path.Combine(work.FullName, "root.tar");
            var tar = await TestProcess.RunAsync("tar", ["-C", root, "-cf", archive, "."], TimeSpan.FromMinutes(5));
            if (tar.ExitCode != 0)
                throw new InvalidOperationException($"tar failed: {Tail(tar.All)}");
            // An imported image has no configuration: give it the PATH a Debian image has.
            await TestDocker.RunAsync("import", "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "--change", "CMD [\"/bin/bash\"]", archive, Reference);
            return await TestDocker.ImageIdAsync(Reference) ?? throw new InvalidOperationException($"docker import made no {Reference}");
        }
        finally
        {
            // debootstrap leaves device nodes and root-owned files; rm copes where Directory.Delete may not.
            await TestProcess.RunAsync("rm", ["-rf", work.FullName], TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>The Debian mirror the host's apt uses, so the tests reach what the machine already reaches.</summary>
    public static string DebianMirror()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/etc/apt/sources.list.d"))
            foreach (var file in Directory.EnumerateFiles("/etc/apt/sources.list.d", "*.sources"))
                candidates.AddRange(File.ReadLines(file).Where(l => l.StartsWith("URIs:", StringComparison.Ordinal)).SelectMany(l => l[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        if (File.Exists("/etc/apt/sources.list"))
            candidates.AddRange(File.ReadLines("/etc/apt/sources.list").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length >= 3 && p[0] == "deb").Select(p => p[1]));
        return candidates.FirstOrDefault(u => u.TrimEnd('/').EndsWith("/debian", StringComparison.Ordinal)) ?? "http://deb.debian.org/debian";
    }

    private static async Task<IDisposable> LockAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 20 * 60)
            {
                // Another test process is making the image; it takes a minute or two.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static string Tail(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(8));
}
