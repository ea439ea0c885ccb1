using Xooo.Build.Image;

namespace Xooo.Build.Tests.Image;

/// <summary>How Verify reads what its script printed inside the image (the script itself runs in the Docker tests).</summary>
public sealed class PackageReportTests
{
    private static readonly IReadOnlyList<Requirement> Requirements = RequirementsFile.Parse("""
        uvicorn[standard]==0.32.0
        python_dotenv==1.0.1
        asyncpg==0.30.0
        """).Requirements;

    private static string Report(string uvicornVersion = "0.32.0", bool watchfilesSatisfied = true, string dotenvImport = "null", string asyncpg = "\"0.30.0\"") => $$$"""
        {"python": "3.11.2", "prefix": "/opt/venv", "distributions": {"uvicorn": "{{{uvicornVersion}}}", "python-dotenv": "1.0.1"},
         "requirements": [
          {"name": "uvicorn", "pinned": "0.32.0", "installed": "{{{uvicornVersion}}}", "matches": {{{(uvicornVersion == "0.32.0" ? "true" : "false")}}},
           "extras": [{"extra": "standard", "declared": true, "requires": [
             {"requirement": "httptools>=0.5.0", "name": "httptools", "installed": "0.6.4", "satisfied": true},
             {"requirement": "watchfiles>=0.13", "name": "watchfiles", "installed": {{{(watchfilesSatisfied ? "\"0.24.0\"" : "null")}}}, "satisfied": {{{(watchfilesSatisfied ? "true" : "false")}}}}]}],
           "imports": {"uvicorn": null}},
          {"name": "python-dotenv", "pinned": "1.0.1", "installed": "1.0.1", "matches": true, "extras": [], "imports": {"dotenv": {{{dotenvImport}}}}},
          {"name": "asyncpg", "pinned": "0.30.0", "installed": {{{asyncpg}}}, "matches": {{{(asyncpg == "null" ? "false" : "true")}}}, "extras": [], "imports": {"asyncpg": null}}]}
        """;

    [Fact]
    public void A_sound_image_passes_every_row_and_lists_its_packages()
    {
        var (checks, packages) = PackageReport.Interpret(Report(), Requirements);

        Assert.All(checks, c => Assert.Equal(CheckStatus.Passed, c.Status));
        Assert.Equal(["python is 3.11", "uvicorn[standard]==0.32.0", "python_dotenv==1.0.1", "asyncpg==0.30.0", "top-level modules import"], checks.Select(c => c.Name));
        Assert.Equal("installed 0.32.0; [standard]: httptools 0.6.4, watchfiles 0.24.0", checks[1].Detail);
        Assert.Equal("uvicorn, dotenv, asyncpg", checks[^1].Detail);
        Assert.Equal(["python-dotenv", "uvicorn"], packages.Select(p => p.Name));
    }

    [Fact]
    public void A_wrong_version_a_missing_extra_a_missing_package_and_a_failed_import_each_fail_their_row()
    {
        var (checks, _) = PackageReport.Interpret(
            Report(uvicornVersion: "0.31.0", watchfilesSatisfied: false, dotenvImport: "\"ImportError: boom\"", asyncpg: "null"), Requirements);

        var failed = checks.Where(c => c.Status == CheckStatus.Failed).ToDictionary(c => c.Name, c => c.Detail);
        Assert.Equal("installed 0.31.0, pinned 0.32.0; [standard] needs watchfiles>=0.13, not installed", failed["uvicorn[standard]==0.32.0"]);
        Assert.Equal("not installed", failed["asyncpg==0.30.0"]);
        Assert.Equal("dotenv (python-dotenv): ImportError: boom", failed["top-level modules import"]);
        Assert.DoesNotContain("python_dotenv==1.0.1", failed.Keys);
    }
}
