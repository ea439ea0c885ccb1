using Xooo.Build.Deployer;
using Xooo.Build.Image;

namespace Xooo.Build.Tests.Deployer;

public sealed class PullRequestTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xooo-verify-report-").FullName;

    private string Report(string json)
    {
        var path = Path.Combine(_folder, VerificationReport.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_branch_is_named_after_the_image_and_the_day()
    {
        Assert.Equal("xooo-backend-base/latest-2026-12-04", PullRequestBranch.Name("xooo-backend-base", "latest", new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero)));
        // The day is UTC: 01:00 at +03:00 is still the 4th.
        Assert.Equal("registry-5000/base/v1-2026-12-04", PullRequestBranch.Name("registry:5000/base", "v1", new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.FromHours(3))));
    }

    [Fact]
    public void The_verify_report_becomes_its_summary_and_a_line_per_check()
    {
        var report = new VerificationReport("xooo-backend-base:candidate", "sha256:0123456789abcdef", DateTimeOffset.UtcNow,
            [CheckResult.Pass("python is 3.11", "3.11.2"), CheckResult.Fail("postgrest --version", "PostgREST 11.0.0")], []);

        var markdown = VerificationReport.MarkdownOf(Report(report.ToJson()));

        Assert.Equal("1 of 2 checks failed: postgrest --version\n\n- ✅ python is 3.11\n- ❌ postgrest --version", markdown);
    }

    [Fact]
    public void No_report_means_no_summary_and_the_body_says_so()
    {
        Assert.Null(VerificationReport.MarkdownOf(Path.Combine(_folder, "missing.json")));
        var body = PullRequestBody.Create("xooo-backend-base:latest", ["added buildImage = \"xooo-backend-base:latest\""], null);

        Assert.Contains("- added buildImage = \"xooo-backend-base:latest\"", body);
        Assert.Contains("No Verify report was found", body);
    }

    [Fact]
    public void A_report_that_is_not_json_is_said_in_the_body_not_thrown() =>
        Assert.StartsWith("(the Verify report at ", VerificationReport.MarkdownOf(Report("not json")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
