using System.Net;
using System.Net.Sockets;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>What the tests' HTTP servers on 127.0.0.1 share: a listener on a free port, and a loop serving each request on its own task.</summary>
internal static class LoopbackHttp
{
    /// <summary>A port on 127.0.0.1 that was free when probed (a server started elsewhere may still take it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// A started listener on a free port and its base address. A port free when probed can be taken by another
    /// test's server before the listener binds it; then a new port is tried.
    /// </summary>
    public static (HttpListener Listener, Uri BaseUri) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUri.ToString());
            try
            {
                listener.Start();
                return (listener, baseUri);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Hands every request to <paramref name="handle"/> until the listener is stopped.</summary>
    public static async Task ServeAsync(HttpListener listener, Func<HttpListenerContext, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(listener);
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => handle(context));
        }
    }
}
