using System.Net;
using System.Net.Sockets;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>
/// An HttpListener on a free 127.0.0.1 port, answering each request with <see cref="AnswerAsync"/> until disposed.
/// A port found free can be taken before the listener binds it (git's own connections use ephemeral ports too),
/// so binding is retried on another port.
/// </summary>
public abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    protected LoopbackHttpServer(string pathPrefix)
    {
        for (var attempt = 1; ; attempt++)
        {
            BaseUrl = $"http://127.0.0.1:{FreePort()}/{pathPrefix}/";
            _listener = new HttpListener();
            _listener.Prefixes.Add(BaseUrl);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                _listener.Close();
            }
        }
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    protected abstract Task AnswerAsync(HttpListenerContext context);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception)
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Close alone: after Stop, the managed listener's Close looks the port up again and may find it taken.
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The pending accept ends with an exception when the listener stops.
        }
        GC.SuppressFinalize(this);
    }
}
