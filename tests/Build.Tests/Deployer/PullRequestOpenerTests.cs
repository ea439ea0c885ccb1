using Xooo.Build.Deployer;
using Xooo.Build.Tests.Deployer.Support;

namespace Xooo.Build.Tests.Deployer;

public class PullRequestOpenerTests
{
    private const string Token = "ghs_opener0123456789abcdefTOKEN";
    private const string Branch = "xooo-backend-base/latest-2026-12-04";

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_is_opened_with_title_body_head_and_base()
    {
        using var github = new FakeGitHub("xooo", "deployer", Token);

        var outcome = await new PullRequestOpener(github.BaseUrl, Token).OpenAsync("xooo", "deployer", Branch, "main", "Use the image", "the body");

        Assert.Equal(new PullRequestOutcome(1, "https://github.example/xooo/deployer/pull/1", AlreadyOpen: false), outcome);
        var created = Assert.Single(github.PullRequests);
        Assert.Equal(("Use the image", "the body", Branch, "main"),
            ((string?)created["title"], (string?)created["body"], (string?)created["head"]!["ref"], (string?)created["base"]!["ref"]));
        Assert.Contains(github.Requests, r => r.Method == "GET" && Uri.UnescapeDataString(r.PathAndQuery).Contains($"head=xooo:{Branch}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_open_pull_request_for_the_branch_is_reported_instead_of_a_new_one()
    {
        using var github = new FakeGitHub("xooo", "deployer", Token);
        github.AddOpenPullRequest(Branch, "main");

        var outcome = await new PullRequestOpener(github.BaseUrl, Token).OpenAsync("xooo", "deployer", Branch, "main", "t", "b");

        Assert.Equal(new PullRequestOutcome(1, "https://github.example/xooo/deployer/pull/1", AlreadyOpen: true), outcome);
        Assert.Single(github.PullRequests);
        Assert.DoesNotContain(github.Requests, r => r.Method == "POST");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_already_exists_answer_is_not_a_failure()
    {
        using var github = new FakeGitHub("xooo", "deployer", Token);
        github.AddOpenPullRequest(Branch, "main");
        github.ListingsThatShowNothing = 1;

        var outcome = await new PullRequestOpener(github.BaseUrl, Token).OpenAsync("xooo", "deployer", Branch, "main", "t", "b");

        Assert.True(outcome.AlreadyOpen);
        Assert.Equal(["GET", "POST", "GET"], github.Requests.Select(r => r.Method));
        Assert.Single(github.PullRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_token_is_a_clear_error_that_does_not_show_the_token()
    {
        using var github = new FakeGitHub("xooo", "deployer", Token);

        var error = await Assert.ThrowsAsync<DeployerException>(() =>
            new PullRequestOpener(github.BaseUrl, "ghs_wrong0123456789").OpenAsync("xooo", "deployer", Branch, "main", "t", "b"));

        Assert.Contains("answered 401", error.Message);
        Assert.DoesNotContain("ghs_wrong0123456789", error.Message);
    }
}
