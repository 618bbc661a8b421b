using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Images.Pipelines.Installer;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>
/// The two package-set chains of the legacy installer ISO, one depsolve each, with upstream's package order:
/// <c>build</c> (its own needs, the runner's, then each later pipeline's build needs) and <c>anaconda-tree</c>
/// (boot packages, <c>biosdevname</c> on x86_64, then the distro definition's <c>anaconda-iso</c> packages).
/// </summary>
public static class LegacyIsoPackageSets
{
    /// <summary>What the installer needs to boot (and the build root to make the boot images) on <paramref name="arch"/>.</summary>
    public static IReadOnlyList<string> BootPackages(Arch arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        List<string> packages = ["grub2-tools", "grub2-tools-extra", "grub2-tools-minimal", "efibootmgr"];
        if (arch == Arch.X86_64)
        {
            packages.AddRange(["grub2-efi-x64", "grub2-efi-x64-cdboot", "grub2-pc", "grub2-pc-modules", "shim-x64"]);
        }
        else if (arch == Arch.Aarch64)
        {
            packages.AddRange(["grub2-efi-aa64-cdboot", "grub2-efi-aa64", "shim-aa64"]);
        }
        else
        {
            throw new BibException($"cannot get anaconda boot packages: unsupported arch: {arch.Name}");
        }

        return packages;
    }

    /// <summary>The <c>build</c> pipeline's set; weak dependencies on, as images' package build roots do.</summary>
    public static PackageSet Build(Arch arch, LegacyIsoRunner runner, LoraxTemplates lorax)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(lorax);
        List<string> packages = ["selinux-policy-targeted", "coreutils", "xz", .. runner.BuildPackages];
        // anaconda-tree: its boot packages, the rpm database and user tools, the lorax templates
        packages.AddRange(BootPackages(arch));
        packages.AddRange(["rpm", "shadow-utils", lorax.Package]);
        // efiboot-tree needs nothing for bib's platform; bootiso-tree: squashfs, grub2 BIOS modules, skopeo
        packages.Add("squashfs-tools");
        if (arch == Arch.X86_64)
        {
            packages.Add("grub2-pc-modules");
        }

        packages.Add("skopeo");
        // bootiso
        packages.AddRange(["isomd5sum", "xorriso"]);
        return new PackageSet(packages, [], InstallWeakDependencies: true);
    }

    /// <summary>The <c>anaconda-tree</c> set: boot packages, <c>biosdevname</c> on x86_64, the definition's packages; no weak dependencies.</summary>
    public static PackageSet AnacondaTree(Arch arch, IReadOnlyList<string> definitionPackages)
    {
        ArgumentNullException.ThrowIfNull(definitionPackages);
        List<string> packages = [.. BootPackages(arch)];
        if (arch == Arch.X86_64)
        {
            packages.Add("biosdevname");
        }

        packages.AddRange(definitionPackages);
        return new PackageSet(packages, [], InstallWeakDependencies: false);
    }
}
