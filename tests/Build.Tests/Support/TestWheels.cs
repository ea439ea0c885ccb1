using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xooo.Build.Image;

namespace Xooo.Build.Tests.Support;

/// <summary>A stand-in distribution: a wheel with one module and the metadata pip, pip check and Verify read.</summary>
public sealed record TestPackage(string Name, string Version, string Module, string[]? Requires = null, string[]? Extras = null)
{
    public string FileName => $"{WheelStem}-py3-none-any.whl";
    private string WheelStem => $"{Regex.Replace(Name, "[-_.]+", "_")}-{Version}";

    /// <summary>A minimal valid wheel (PEP 427): the module, METADATA, WHEEL and a RECORD with hashes.</summary>
    public byte[] Wheel(string moduleSource = "")
    {
        var distInfo = $"{WheelStem}.dist-info";
        var files = new List<(string Path, string Text)>
        {
            ($"{Module}/__init__.py", $"__version__ = \"{Version}\"\n{moduleSource}"),
            ($"{distInfo}/METADATA", "Metadata-Version: 2.1\n" + $"Name: {Name}\nVersion: {Version}\n"
                + string.Concat((Requires ?? []).Select(r => $"Requires-Dist: {r}\n"))
                + string.Concat((Extras ?? []).Select(e => $"Provides-Extra: {e}\n"))),
            ($"{distInfo}/WHEEL", "Wheel-Version: 1.0\nGenerator: xooo-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        };
        var record = new StringBuilder();
        foreach (var (path, text) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            record.Append($"{path},sha256={Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')},{bytes.Length}\n");
        }
        record.Append($"{distInfo}/RECORD,,\n");
        files.Add(($"{distInfo}/RECORD", record.ToString()));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, text) in files)
            {
                var entry = zip.CreateEntry(path);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        return buffer.ToArray();
    }
}

/// <summary>
/// The stand-ins for the repository's requirements.txt and what pip resolves for them. Dependencies mirror the
/// real ones closely enough that pip resolves, `pip check` judges and Verify evaluates uvicorn's extras. Any
/// pinned package this list lacks gets a plain stand-in, so adding a requirement does not break the tests.
/// </summary>
public static class TestWheels
{
    private const string Standard = "; extra == \"standard\"";

    public static readonly TestPackage[] Known =
    [
        new("fastapi", "0.115.0", "fastapi", ["starlette>=0.37.2,<0.39.0", "pydantic>=1.7.4,<3.0.0"]),
        new("starlette", "0.38.6", "starlette", ["anyio>=3.4.0,<5"]),
        new("uvicorn", "0.32.0", "uvicorn",
        [
            "click>=7.0", "h11>=0.8", "httptools>=0.5.0" + Standard, "python-dotenv>=0.13" + Standard, "pyyaml>=5.1" + Standard,
            "uvloop>=0.14.0,!=0.15.0,!=0.15.1; (sys_platform != \"win32\" and (sys_platform != \"cygwin\" and platform_python_implementation != \"PyPy\")) and extra == \"standard\"",
            "watchfiles>=0.13" + Standard, "websockets>=10.4" + Standard, "colorama>=0.4; sys_platform == \"win32\" and extra == \"standard\"",
        ], ["standard"]),
        new("click", "8.1.7", "click"),
        new("h11", "0.14.0", "h11"),
        new("websockets", "13.1", "websockets"),
        new("asyncpg", "0.30.0", "asyncpg"),
        new("pydantic", "2.10.0", "pydantic", ["annotated-types>=0.6.0", "pydantic-core==2.27.0", "typing-extensions>=4.12.2"]),
        new("pydantic_core", "2.27.0", "pydantic_core", ["typing-extensions>=4.6.0,!=4.7.0"]),
        new("annotated-types", "0.7.0", "annotated_types"),
        new("typing_extensions", "4.12.2", "typing_extensions"),
        new("python-dotenv", "1.0.1", "dotenv"),
        new("python-dotenv", "1.0.0", "dotenv"),
        new("httptools", "0.6.4", "httptools"),
        new("PyYAML", "6.0.2", "yaml"),
        new("uvloop", "0.21.0", "uvloop"),
        new("watchfiles", "0.24.0", "watchfiles", ["anyio>=3.0.0"]),
        new("anyio", "4.6.2.post1", "anyio", ["idna>=2.8", "sniffio>=1.1"]),
        new("idna", "3.10", "idna"),
        new("sniffio", "1.3.1", "sniffio"),
    ];

    /// <summary>The known stand-ins plus a plain one for every pin in the given requirements.txt they lack.</summary>
    public static IReadOnlyList<TestPackage> For(string requirementsFile)
    {
        var packages = Known.ToList();
        foreach (var requirement in RequirementsFile.Read(requirementsFile).Requirements)
            if (!packages.Any(p => PackageName.Normalize(p.Name) == requirement.NormalizedName && p.Version == requirement.Version))
                packages.Add(new TestPackage(requirement.Name, requirement.Version, requirement.NormalizedName.Replace('-', '_')));
        return packages;
    }
}
