using System.Text.RegularExpressions;

namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>
/// KVM when a short probe boot of the kernel prints its banner under it, TCG otherwise: <c>/dev/kvm</c> may exist and
/// still hang a guest on these machines. Decided once per test run.
/// </summary>
internal static partial class QemuAccelerator
{
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? _chosen;

    /// <summary><c>kvm</c> or <c>tcg</c>, probed with <paramref name="kernel"/> the first time.</summary>
    public static async Task<string> ChooseAsync(string kernel)
    {
        await Lock.WaitAsync();
        try
        {
            return _chosen ??= await KvmBootsAsync(kernel) ? "kvm" : "tcg";
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task<bool> KvmBootsAsync(string kernel)
    {
        if (!File.Exists("/dev/kvm"))
        {
            return false;
        }

        // No root filesystem: the kernel prints its banner, then panics and (panic=-1, -no-reboot) QEMU exits.
        await using var probe = VirtualMachine.Start(
            QemuArguments.For(GuestMachine.X86_64, "kvm", kernel, initrd: null, "console=ttyS0 panic=-1", disk: null), "kvm", ProbeLimit);
        try
        {
            using var limit = new CancellationTokenSource(ProbeLimit);
            await probe.Console.WaitForAsync(KernelBanner(), limit.Token);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("Linux version ")]
    private static partial Regex KernelBanner();
}
