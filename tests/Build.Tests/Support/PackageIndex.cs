using System.Net;
using System.Security.Cryptography;
using System.Text;
using Xooo.Build.Image;

namespace Xooo.Build.Tests.Support;

/// <summary>
/// A PEP 503 "simple" index on 127.0.0.1 serving the test wheels; what pip inside the build installs from. Its
/// address carries a hash of the wheels: the same wheels give the same address (so docker reuses the pip layer
/// between runs), other wheels another one (so a cached layer never hides a change to them).
/// </summary>
public sealed class PackageIndex : IDisposable
{
    private readonly Dictionary<string, List<(string File, string Sha256)>> _projects = new();
    private readonly Dictionary<string, byte[]> _files = new();
    private readonly LoopbackServer _server;
    private readonly string _contentHash;

    public PackageIndex(IEnumerable<TestPackage> packages)
    {
        foreach (var package in packages)
        {
            var wheel = package.Wheel();
            _files[package.FileName] = wheel;
            var project = PackageName.Normalize(package.Name);
            if (!_projects.TryGetValue(project, out var list))
                _projects[project] = list = [];
            list.Add((package.FileName, Convert.ToHexStringLower(SHA256.HashData(wheel))));
        }
        _contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', _projects.OrderBy(p => p.Key).SelectMany(p => p.Value.Select(f => f.Sha256))))))[..16];
        _server = new LoopbackServer(HandleAsync, preferredPort: 38417);
    }

    /// <summary>What --pip-index-url takes.</summary>
    public string Url => $"{_server.BaseAddress}/{_contentHash}/simple/";

    public void Dispose() => _server.Dispose();

    private Task HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var path = context.Request.Url?.AbsolutePath ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0] != _contentHash)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        switch (segments[1..])
        {
            case ["simple"]:
                return Html(context, string.Concat(_projects.Keys.Order().Select(p => $"<a href=\"/{_contentHash}/simple/{p}/\">{p}</a>\n")), cancellationToken);
            case ["simple", var project] when _projects.TryGetValue(PackageName.Normalize(project), out var files):
                return Html(context, string.Concat(files.Select(f => $"<a href=\"/{_contentHash}/files/{f.File}#sha256={f.Sha256}\">{f.File}</a>\n")), cancellationToken);
            case ["files", var file] when _files.TryGetValue(file, out var wheel):
                return LoopbackServer.WriteAsync(context.Response, wheel, "application/octet-stream", cancellationToken);
            default:
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
        }
    }

    private static Task Html(HttpListenerContext context, string links, CancellationToken cancellationToken) =>
        LoopbackServer.WriteAsync(context.Response,
            Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><body>\n{links}</body></html>\n"), "text/html", cancellationToken);
}
