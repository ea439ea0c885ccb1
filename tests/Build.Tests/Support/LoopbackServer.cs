using System.Net;
using System.Net.Sockets;

namespace Xooo.Build.Tests.Support;

/// <summary>An HTTP server on 127.0.0.1 and a free port, each request handled on its own task; stopped on dispose.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;

    public LoopbackServer(Func<HttpListenerContext, CancellationToken, Task> handle)
    {
        _handle = handle;
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between our probe and Start: try another.
            }
        }
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handle(context, _stopping.Token);
                }
                catch (Exception)
                {
                    // The client went away, or the server is stopping: nothing to answer.
                }
                finally
                {
                    try { context.Response.Close(); } catch (Exception) { /* already closed */ }
                }
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task WriteAsync(HttpListenerResponse response, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body, cancellationToken);
    }
}
