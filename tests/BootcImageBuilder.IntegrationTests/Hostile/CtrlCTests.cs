using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Hostile;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// A terminal's Ctrl-C: SIGINT to the tool's whole process group (podman children included), sent in each phase of a
/// <c>manifest</c> run, to a tool started with SIGINT at its default as a terminal's shell starts it. The image's bootc
/// never answers, so the run cannot end before the signal: each case must end interrupted with nothing left behind.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class CtrlCTests
{
    private const string ToolStarted = "tool started, no podman yet";

    // No bootc/install files, so bootc is asked; it never answers, so every run waits inside `podman exec` until a signal ends it.
    private static readonly HostileImage Hanging = new(
        "ctrl-c-hanging", "rm -rf \"$1/usr/lib/bootc/install\"; printf '#!/bin/sh\\nsleep 600\\n' > \"$1/usr/bin/bootc\"");

    /// <summary>The run's phases in order, each told by the podman command the tool waits on (the first by none yet).</summary>
    private static readonly (string Name, Func<string[], bool> IsRunning)[] Phases =
    [
        (ToolStarted, _ => false),
        ("podman image inspect", argv => Podman(argv, "image", "inspect")),
        ("podman image mount", argv => Podman(argv, "image", "mount")),
        ("podman run", argv => Podman(argv, "run")),
        ("podman exec bootc", argv => Podman(argv, "exec")),
    ];

    public static TheoryData<string> PhaseNames() => new(Phases.Select(p => p.Name));

    [SkippableTheory]
    [MemberData(nameof(PhaseNames))]
    public async Task Ctrl_c_interrupts_the_run_in_each_phase_and_leaves_nothing_behind(string phase)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageId = await Hanging.EnsureBuiltAsync();
        // A short phase (podman image inspect) can pass between two looks at the process tree: such a run is
        // interrupted all the same and must leave nothing behind, and the phase is tried again.
        for (var attempt = 1; ; attempt++)
        {
            var work = Directory.CreateTempSubdirectory("bib-ctrl-c-");
            try
            {
                string? missed = null;
                var result = await HostileRun.RunAsync(
                    ["manifest", Hanging.Ref],
                    work.FullName,
                    whileRunning: async group =>
                    {
                        await BibProcess.AssertTakesSigIntAsync(group);
                        missed = await WaitForPhaseAsync(group, phase);
                        Assert.True(ProcessTree.IsRunning(group), $"the run ended before the signal in phase {phase}");
                        HostileRun.Signal(group, "INT");
                    });

                await LeftBehind.AssertNothingAsync([imageId]);
                LeftBehind.AssertOnlyFiles(work.FullName);
                if (missed is not null)
                {
                    Assert.True(attempt < 5, missed);
                    continue;
                }

                // 130: the signal came before the runtime had installed its handlers, so nothing had started yet.
                if (result.ExitCode == 130)
                {
                    Assert.Equal(ToolStarted, phase);
                    Assert.Empty(result.Stderr);
                }
                else
                {
                    Assert.Equal("interrupted", HostileRun.SingleCleanError(result));
                }

                return;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// Returns once a descendant of the tool runs <paramref name="phase"/>'s podman command (null), or as soon as the
    /// run is seen past it (why the phase was missed).
    /// </summary>
    private static async Task<string?> WaitForPhaseAsync(int tool, string phase)
    {
        var index = Array.FindIndex(Phases, p => p.Name == phase);
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(2))
        {
            var running = ProcessTree.DescendantCommandLines(tool);
            var reached = Array.FindLastIndex(Phases, p => running.Any(p.IsRunning));
            if (reached == index || (index == 0 && reached < 0))
            {
                return null;
            }

            if (reached > index)
            {
                return $"the run got past phase {phase} unseen in 5 attempts; it was in {Phases[reached].Name}";
            }
        }

        Assert.Fail($"the run never reached phase {phase}");
        return null;
    }

    private static bool Podman(string[] argv, params string[] subcommand) =>
        argv.Length > subcommand.Length && Path.GetFileName(argv[0]) == "podman" && argv.Skip(1).SkipWhile(a => a.StartsWith("--", StringComparison.Ordinal)).Take(subcommand.Length).SequenceEqual(subcommand);
}
