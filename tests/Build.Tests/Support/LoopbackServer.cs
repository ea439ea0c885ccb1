using System.Net;
using System.Net.Sockets;

namespace Xooo.Build.Tests.Support;

/// <summary>
/// An HTTP server on 127.0.0.1, each request handled on its own task; stopped on dispose. It takes the preferred
/// port when that is free, so that addresses stay the same from run to run (docker build's layer cache keys on
/// them), and any free port otherwise.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;

    public LoopbackServer(Func<HttpListenerContext, CancellationToken, Task> handle, int preferredPort = 0)
    {
        _handle = handle;
        for (var attempt = 0; ; attempt++)
        {
            Port = attempt == 0 && preferredPort > 0 ? preferredPort : FreePort();
            // A listener that failed to start is disposed: each attempt needs a new one.
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Taken (another test run, or a race with our probe): try another.
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
