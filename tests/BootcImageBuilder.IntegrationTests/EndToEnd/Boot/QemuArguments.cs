namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>The command line of a headless guest: direct kernel boot, no network, serial console on stdio.</summary>
internal static class QemuArguments
{
    /// <summary>
    /// <c>nice -n 19 qemu-system-… </c> of <paramref name="machine"/> (the boot must not starve the build machine) with
    /// <paramref name="disk"/> (path and QEMU block format) attached read-only in effect (<c>snapshot=on</c>), as a
    /// virtio disk on the machine's own bus (PCI, or s390x's channel subsystem).
    /// </summary>
    public static IReadOnlyList<string> For(
        GuestMachine machine, string accelerator, string kernel, string? initrd, string options, (string Path, string Format)? disk)
    {
        List<string> arguments =
        [
            "nice", "-n", "19", machine.Emulator, .. machine.MachineArguments,
            "-accel", accelerator, "-m", "1536", "-smp", "2",
            "-display", "none", "-monitor", "none", "-serial", "stdio", "-nic", "none", "-no-reboot",
            "-kernel", kernel, "-append", options,
        ];
        if (initrd is not null)
        {
            arguments.AddRange(["-initrd", initrd]);
        }

        if (disk is { } d)
        {
            arguments.AddRange(["-drive", $"file={d.Path},format={d.Format},if=virtio,snapshot=on"]);
        }

        return arguments;
    }
}
