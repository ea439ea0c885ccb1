using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>
/// An HTTP server on 127.0.0.1 answering the GitHub endpoints the build calls, under /api/:
/// GET /repos/{owner}/{name}/pulls (open pull requests, filtered by head) and POST /repos/{owner}/{name}/pulls
/// (201, or 422 "A pull request already exists"). Anything else is a 404; a wrong token a 401.
/// </summary>
public sealed class FakeGitHub(string owner, string name, string token) : LoopbackHttpServer("api")
{
    private readonly List<JsonObject> _pullRequests = [];

    public string Owner { get; } = owner;
    public string Name { get; } = name;

    /// <summary>Every request: method, path and query, body.</summary>
    public List<(string Method, string PathAndQuery, string Body)> Requests { get; } = [];

    /// <summary>How many listings answer "none open" although one is: the race the build handles after a 422.</summary>
    public int ListingsThatShowNothing { get; set; }

    public IReadOnlyList<JsonObject> PullRequests
    {
        get { lock (_pullRequests) return [.. _pullRequests]; }
    }

    public void AddOpenPullRequest(string head, string baseBranch)
    {
        lock (_pullRequests)
            _pullRequests.Add(PullRequest(_pullRequests.Count + 1, head, baseBranch, "opened earlier", ""));
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
        lock (Requests)
            Requests.Add((request.HttpMethod, request.Url!.PathAndQuery, body));

        // GitHub takes "token", "Token" and "Bearer" as the scheme; the value must match exactly.
        var authorization = (request.Headers["Authorization"] ?? "").Split(' ', 2);
        if (authorization is not [var scheme, var value] || value != token
            || !(scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)))
        {
            await RespondAsync(context.Response, 401, new JsonObject { ["message"] = "Bad credentials" });
            return;
        }
        var pulls = $"/api/repos/{Owner}/{Name}/pulls";
        if (request.Url.AbsolutePath == pulls && request.HttpMethod == "GET")
        {
            var head = request.QueryString["head"];
            var hide = ListingsThatShowNothing-- > 0;
            var open = hide ? [] : PullRequests.Where(p => (string?)p["state"] == "open" && (head is null || (string?)p["head"]!["label"] == head));
            await RespondAsync(context.Response, 200, new JsonArray([.. open.Select(p => p.DeepClone())]));
        }
        else if (request.Url.AbsolutePath == pulls && request.HttpMethod == "POST")
        {
            var input = JsonNode.Parse(body)!;
            var (head, baseBranch) = ((string)input["head"]!, (string)input["base"]!);
            var (status, answer) = Create(head, baseBranch, (string?)input["title"] ?? "", (string?)input["body"] ?? "");
            await RespondAsync(context.Response, status, answer);
        }
        else
            await RespondAsync(context.Response, 404, new JsonObject { ["message"] = "Not Found" });
    }

    private (int Status, JsonNode Body) Create(string head, string baseBranch, string title, string body)
    {
        lock (_pullRequests)
        {
            if (_pullRequests.Any(p => (string?)p["state"] == "open" && (string?)p["head"]!["ref"] == head))
                return (422, new JsonObject
                {
                    ["message"] = "Validation Failed",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "PullRequest", ["code"] = "custom", ["message"] = $"A pull request already exists for {Owner}:{head}." }),
                });
            var created = PullRequest(_pullRequests.Count + 1, head, baseBranch, title, body);
            _pullRequests.Add(created);
            return (201, created.DeepClone());
        }
    }

    private JsonObject PullRequest(int number, string head, string baseBranch, string title, string body) => new()
    {
        ["number"] = number,
        ["state"] = "open",
        ["title"] = title,
        ["body"] = body,
        ["html_url"] = $"https://github.example/{Owner}/{Name}/pull/{number}",
        ["url"] = $"{BaseUrl}repos/{Owner}/{Name}/pulls/{number}",
        ["head"] = new JsonObject { ["ref"] = head, ["label"] = $"{Owner}:{head}" },
        ["base"] = new JsonObject { ["ref"] = baseBranch, ["label"] = $"{Owner}:{baseBranch}" },
    };

    private static async Task RespondAsync(HttpListenerResponse response, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
