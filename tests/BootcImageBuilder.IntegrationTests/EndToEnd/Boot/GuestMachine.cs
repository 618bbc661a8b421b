namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>
/// How QEMU runs a guest of one architecture: its system emulator, the machine, the console its serial port is to
/// the guest's kernel, and whether KVM may run it (only the host's own architecture; the others run under TCG).
/// </summary>
internal sealed record GuestMachine(string Emulator, IReadOnlyList<string> MachineArguments, string Console, bool MayUseKvm)
{
    public static readonly GuestMachine X86_64 = new("qemu-system-x86_64", [], "ttyS0", MayUseKvm: true);

    /// <summary>IBM's paravirtual POWER machine; its serial port is the hypervisor's virtual console.</summary>
    public static readonly GuestMachine Ppc64le = new("qemu-system-ppc64", ["-machine", "pseries"], "hvc0", MayUseKvm: false);

    /// <summary>The virtio-only s390x machine; its serial port is the SCLP line console.</summary>
    public static readonly GuestMachine S390x = new("qemu-system-s390x", ["-machine", "s390-ccw-virtio"], "ttysclp0", MayUseKvm: false);
}
