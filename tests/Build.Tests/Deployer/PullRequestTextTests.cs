using Xooo.Build.Deployer;

namespace Xooo.Build.Tests.Deployer;

public sealed class PullRequestTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xooo-verify-report-").FullName;

    private string Report(string json)
    {
        var path = Path.Combine(_folder, VerifyReport.FileName);
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
    public void The_verify_summary_is_used_as_written()
    {
        Assert.Equal("12 of 12 checks passed", VerifyReport.Summary(Report("""{"summary":"12 of 12 checks passed","checks":[]}""")));
    }

    [Fact]
    public void Without_a_summary_the_checks_become_a_list()
    {
        var summary = VerifyReport.Summary(Report("""{"checks":[{"name":"python 3.11","passed":true},{"name":"postgrest 12.2.3","passed":false}]}"""));

        Assert.Equal("- ✅ python 3.11\n- ❌ postgrest 12.2.3", summary);
    }

    [Fact]
    public void No_report_means_no_summary_and_the_body_says_so()
    {
        Assert.Null(VerifyReport.Summary(Path.Combine(_folder, "missing.json")));
        var body = PullRequestBody.Create("xooo-backend-base:latest", ["added buildImage = \"xooo-backend-base:latest\""], null);

        Assert.Contains("- added buildImage = \"xooo-backend-base:latest\"", body);
        Assert.Contains("No Verify report was found", body);
    }

    [Fact]
    public void A_report_that_is_not_json_is_said_in_the_body_not_thrown() =>
        Assert.StartsWith("(the Verify report at ", VerifyReport.Summary(Report("not json")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
