using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Hostile;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// SIGTERM or SIGINT while the tool depsolves an installer ISO of an image whose repository names a FIFO as its TLS
/// client key, and whose repository server accepts and never answers: the FIFO is passed without blocking, and the
/// signal ends the run promptly with no container or image mount left behind.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class SignalDuringDepsolveTests
{
    private const int SilentPort = 39219;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    private static readonly HostileImage FifoKey = new(
        "tls-key-fifo",
        "mkdir -p \"$1/etc/pki/tls\"; mkfifo \"$1/etc/pki/tls/client.key\"; echo cert > \"$1/etc/pki/tls/client.crt\"; " +
        "mkdir -p \"$1/etc/yum.repos.d\"; rm -f \"$1\"/etc/yum.repos.d/*.repo; " +
        // The installer ISO asks the image for dnf and runs `dnf check` in it; the test image has none.
        "printf '#!/bin/sh\\nexit 0\\n' > \"$1/usr/bin/dnf\"; chmod 755 \"$1/usr/bin/dnf\"; " +
        $"printf '[bib-fifo]\\nname=fifo\\nbaseurl=http://127.0.0.1:{SilentPort}/repo\\nsslclientkey=/etc/pki/tls/client.key\\nsslclientcert=/etc/pki/tls/client.crt\\n' > \"$1/etc/yum.repos.d/fifo.repo\"");

    [SkippableTheory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_during_depsolve_ends_the_run_promptly_with_nothing_left_behind(string signal)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageId = await FifoKey.EnsureBuiltAsync();
        using var silent = new TcpListener(IPAddress.Loopback, SilentPort);
        silent.Start();
        var work = Directory.CreateTempSubdirectory("bib-signal-");
        var sinceSignal = new Stopwatch();
        TcpClient? client = null;
        try
        {
            var result = await HostileRun.RunAsync(
                ["manifest", "--type", "anaconda-iso", FifoKey.Ref],
                work.FullName,
                whileRunning: async group =>
                {
                    // The solver asking the repository server shows the run is past the FIFO and inside depsolve.
                    using var asking = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    try
                    {
                        client = await silent.AcceptTcpClientAsync(asking.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Signalled all the same; the assertion below reports it.
                    }

                    sinceSignal.Start();
                    HostileRun.Signal(group, signal);
                });

            Assert.True(client is not null, "the solver never asked the repository server");
            Assert.True(sinceSignal.Elapsed < Prompt, $"the run took {sinceSignal.Elapsed} after SIG{signal}");
            Assert.Equal("interrupted", HostileRun.SingleCleanError(result));
            await LeftBehind.AssertNothingAsync([imageId]);
            LeftBehind.AssertOnlyFiles(work.FullName);
        }
        finally
        {
            client?.Dispose();
            work.Delete(recursive: true);
        }
    }
}
