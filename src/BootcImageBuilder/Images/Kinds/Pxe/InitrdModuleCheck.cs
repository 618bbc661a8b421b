namespace BootcImageBuilder.Images.Kinds.Pxe;

/// <summary>
/// A bootc PXE image boots its squashfs root from the network, so the container's initramfs must carry the dracut
/// modules that can: upstream refuses the image otherwise, rather than producing one that fails to boot.
/// </summary>
public static class InitrdModuleCheck
{
    public static IReadOnlyList<string> RequiredModules { get; } = ["ostree", "dmsquash-live", "livenet"];

    /// <summary>Fails with upstream's message unless <paramref name="initrdModules"/> (from <c>lsinitrd --mod</c>) has every required module.</summary>
    public static void Require(IReadOnlyList<string> initrdModules)
    {
        ArgumentNullException.ThrowIfNull(initrdModules);
        if (initrdModules.Count == 0)
        {
            throw new BibException("internal error: The initrd module list is empty");
        }

        if (RequiredModules.Any(m => !initrdModules.Contains(m)))
        {
            throw new BibException("bootc container initramfs requires ostree, dmsquash-live and livenet modules");
        }
    }
}
