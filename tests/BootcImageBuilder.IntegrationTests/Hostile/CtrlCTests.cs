using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Hostile;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// A terminal's Ctrl-C: SIGINT to the tool's whole process group (podman children included), at varied moments of a
/// <c>manifest</c> run. Whatever the moment, the run ends (interrupted, failed or done) with nothing left behind.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class CtrlCTests
{
    private static readonly HostileImage Quick = new("ctrl-c", "true");

    // bootc never answers, so the run always waits inside `podman exec` when the signal comes late.
    private static readonly HostileImage Hanging = new("ctrl-c-hanging", "printf '#!/bin/sh\\nsleep 600\\n' > \"$1/usr/bin/bootc\"");

    public static TheoryData<string, int> Moments()
    {
        var data = new TheoryData<string, int>();
        foreach (var delay in (int[])[100, 250, 400, 550, 700, 850, 1000, 1200, 1500, 2000])
        {
            data.Add(Quick.Name, delay);
        }

        foreach (var delay in (int[])[600, 1200, 2500, 4000])
        {
            data.Add(Hanging.Name, delay);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Moments))]
    public async Task Ctrl_c_to_the_process_group_leaves_no_container_and_no_mount(string imageName, int delayMilliseconds)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = imageName == Quick.Name ? Quick : Hanging;
        var imageId = await image.EnsureBuiltAsync();
        var work = Directory.CreateTempSubdirectory("bib-ctrl-c-");
        try
        {
            var result = await HostileRun.RunAsync(
                ["manifest", image.Ref],
                work.FullName,
                whileRunning: async group =>
                {
                    await Task.Delay(delayMilliseconds);
                    HostileRun.Signal(group, "INT");
                });

            // 130: the signal came before the runtime had installed its handlers, so nothing had started yet.
            if (result.ExitCode == 130)
            {
                Assert.Empty(result.Stderr);
            }
            else if (result.ExitCode != 0)
            {
                Assert.Equal("interrupted", HostileRun.SingleCleanError(result));
            }

            Assert.True(image == Quick || result.ExitCode != 0, "a run whose bootc hangs can only end by the signal");
            await LeftBehind.AssertNothingAsync([imageId]);
            LeftBehind.AssertOnlyFiles(work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
