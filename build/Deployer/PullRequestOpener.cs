using Octokit;
using Octokit.Internal;

namespace Xooo.Build.Deployer;

public sealed record PullRequestOutcome(int Number, string Url, bool AlreadyOpen);

/// <summary>
/// Opens the pull request for a pushed branch with Octokit, or finds the one already open for it. The client is
/// built from a Connection so the API address is used as given (GitHub Enterprise's /api/v3/, or a test server);
/// GitHubClient's own constructor would rewrite any non-github.com address.
/// </summary>
public sealed class PullRequestOpener(string apiUrl, string token)
{
    private readonly GitHubClient _client = Create(apiUrl, token);

    public async Task<PullRequestOutcome> OpenAsync(string owner, string name, string head, string baseBranch, string title, string body)
    {
        try
        {
            if (await FindOpenAsync(owner, name, head) is { } open)
                return open;
            try
            {
                var created = await _client.PullRequest.Create(owner, name, new NewPullRequest(title, head, baseBranch) { Body = body });
                return new PullRequestOutcome(created.Number, created.HtmlUrl, AlreadyOpen: false);
            }
            catch (ApiValidationException exception) when (AlreadyExists(exception))
            {
                // Opened by someone else between the look-up and the create.
                return await FindOpenAsync(owner, name, head)
                    ?? throw new DeployerException($"GitHub says a pull request for {head} already exists, but lists none open for it.");
            }
        }
        catch (ApiException exception)
        {
            throw new DeployerException($"GitHub API {apiUrl} answered {(int)exception.StatusCode} for {owner}/{name}: {exception.Message}");
        }
        catch (HttpRequestException exception)
        {
            throw new DeployerException($"GitHub API {apiUrl} could not be reached: {exception.Message}");
        }
    }

    private async Task<PullRequestOutcome?> FindOpenAsync(string owner, string name, string head)
    {
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{owner}:{head}" };
        var open = await _client.PullRequest.GetAllForRepository(owner, name, request, new ApiOptions { PageSize = 10, PageCount = 1 });
        return open.FirstOrDefault() is { } found ? new PullRequestOutcome(found.Number, found.HtmlUrl, AlreadyOpen: true) : null;
    }

    private static bool AlreadyExists(ApiValidationException exception) =>
        exception.ApiError?.Errors?.Any(e => e.Message?.Contains("already exists", StringComparison.OrdinalIgnoreCase) == true) == true
        || exception.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase);

    private static GitHubClient Create(string apiUrl, string token)
    {
        // Relative API paths resolve under the base address only when it ends with a slash.
        var address = new Uri(apiUrl.EndsWith('/') ? apiUrl : apiUrl + "/");
        var connection = new Connection(new ProductHeaderValue("xooo-backend-base-build"), address, new InMemoryCredentialStore(new Credentials(token)));
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(TimeSpan.FromSeconds(30));
        return client;
    }
}
