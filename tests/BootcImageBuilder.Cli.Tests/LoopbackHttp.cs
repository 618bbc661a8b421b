using System.Net;
using System.Net.Sockets;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>What the tests' HTTP servers on 127.0.0.1 share: a free port, and a loop serving each request on its own task.</summary>
internal static class LoopbackHttp
{
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
