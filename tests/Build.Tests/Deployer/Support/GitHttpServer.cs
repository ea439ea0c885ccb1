using System.Diagnostics;
using System.Net;
using System.Text;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>
/// Serves the fixture's repositories over smart HTTP on 127.0.0.1 (git http-backend behind HttpListener), like
/// GitHub: every request must carry Basic credentials whose password is the token, else 401 and a challenge.
/// </summary>
public sealed class GitHttpServer(GitRepositories repositories, string token) : LoopbackHttpServer("git")
{
    private readonly GitRepositories _repositories = repositories;

    public string RemoteUrl => BaseUrl + Path.GetFileName(_repositories.Remote);

    /// <summary>Requests that carried the right token, and those turned away.</summary>
    public int Authorized { get; private set; }
    public int Challenged { get; private set; }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var user = Credentials(request.Headers["Authorization"]);
        if (user is null)
        {
            Challenged++;
            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"deployer\"");
            context.Response.Close();
            return;
        }
        Authorized++;

        var start = new ProcessStartInfo("git", ["http-backend"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in _repositories.Environment)
            start.Environment[name] = value;
        start.Environment["GIT_PROJECT_ROOT"] = _repositories.Root;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["PATH_INFO"] = "/" + Uri.UnescapeDataString(request.Url!.AbsolutePath[new Uri(BaseUrl).AbsolutePath.Length..]);
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers["Content-Encoding"] ?? "";
        start.Environment["REMOTE_USER"] = user;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        using var backend = Process.Start(start)!;
        var copyIn = request.InputStream.CopyToAsync(backend.StandardInput.BaseStream).ContinueWith(_ => backend.StandardInput.Close());
        var output = new MemoryStream();
        var copyOut = backend.StandardOutput.BaseStream.CopyToAsync(output);
        var error = backend.StandardError.ReadToEndAsync();
        await Task.WhenAll(copyIn, copyOut, error);
        await backend.WaitForExitAsync();

        // CGI: headers, a blank line, the body.
        var bytes = output.ToArray();
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4) : (text.IndexOf("\n\n", StringComparison.Ordinal), 2);
        var response = context.Response;
        foreach (var line in text[..end.Item1].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                response.StatusCode = int.Parse(value.Split(' ')[0]);
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                response.ContentType = value;
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                response.AddHeader(name, value);
        }
        var body = bytes.AsMemory(end.Item1 + end.Item2);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    /// <returns>The user name when the password is the token; null otherwise.</returns>
    private string? Credentials(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim())).Split(':', 2);
        return pair is [var name, var password] && password == token ? name : null;
    }
}
