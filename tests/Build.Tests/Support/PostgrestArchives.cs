using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Xooo.Build.Tests.Support;

/// <summary>
/// Stand-ins for the PostgREST release archive on 127.0.0.1: a `postgrest` script at the archive's root, like the
/// real asset. One answers --version with 12.2.3, one with another version (for a failing check), and one
/// download never finishes (to cancel a build in the middle of it).
/// </summary>
public sealed class PostgrestArchives : IDisposable
{
    public const string Asset = "postgrest-v12.2.3-linux-static-x64.tar.gz";

    private readonly byte[] _good = Archive("12.2.3");
    private readonly byte[] _wrongVersion = Archive("12.2.2");
    private readonly ConcurrentDictionary<string, Stall> _stalls = new();
    private readonly LoopbackServer _server;

    public PostgrestArchives() => _server = new LoopbackServer(HandleAsync, preferredPort: 38418);

    public string GoodUrl => $"{_server.BaseAddress}/good/{Asset}";
    public string GoodSha256 => Sha256(_good);
    public string WrongVersionUrl => $"{_server.BaseAddress}/wrong-version/{Asset}";
    public string WrongVersionSha256 => Sha256(_wrongVersion);

    /// <summary>A download address that sends a little, then trickles a byte now and then and never ends.</summary>
    public (string Url, Stall Stall) StallingDownload()
    {
        var token = Guid.NewGuid().ToString("N");
        var stall = _stalls[token] = new Stall();
        return ($"{_server.BaseAddress}/stall/{token}/{Asset}", stall);
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var segments = (context.Request.Url?.AbsolutePath ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["good", Asset]:
                await LoopbackServer.WriteAsync(context.Response, _good, "application/gzip", stopping);
                break;
            case ["wrong-version", Asset]:
                await LoopbackServer.WriteAsync(context.Response, _wrongVersion, "application/gzip", stopping);
                break;
            case ["stall", var token, Asset] when _stalls.TryGetValue(token, out var stall):
                await stall.ServeAsync(context.Response, stopping);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Archive(string version)
    {
        var script = Encoding.UTF8.GetBytes($"#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo \"PostgREST {version}\"; exit 0; fi\necho \"PostgREST stand-in for the tests\"\n");
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, "postgrest")
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                DataStream = new MemoryStream(script),
            };
            tar.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    /// <summary>One never-ending download: when it was asked for, and when the client went away.</summary>
    public sealed class Stall
    {
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Requested => _requested.Task;
        public Task ClientGone => _clientGone.Task;

        internal async Task ServeAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            response.StatusCode = 200;
            response.ContentType = "application/gzip";
            response.ContentLength64 = 10_000_000;
            try
            {
                await response.OutputStream.WriteAsync(new byte[1024], stopping);
                await response.OutputStream.FlushAsync(stopping);
                _requested.TrySetResult();
                // A write to a connection the client closed fails; that is how we learn the download stopped.
                while (!stopping.IsCancellationRequested)
                {
                    await Task.Delay(250, stopping);
                    await response.OutputStream.WriteAsync(new byte[1], stopping);
                    await response.OutputStream.FlushAsync(stopping);
                }
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                _clientGone.TrySetResult();
                throw;
            }
        }
    }
}
