namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.grub2.inst</c>: write a grub2 core image (here the ISO's El Torito image).</summary>
public sealed record Grub2InstOptions(string Filename, string Platform, Grub2InstCore Core, Grub2InstPrefix Prefix)
    : StageOptions("org.osbuild.grub2.inst")
{
    /// <summary>The BIOS El Torito core image of an ISO 9660 filesystem, with its modules under <paramref name="prefix"/>.</summary>
    public static Grub2InstOptions Iso9660(string filename, string prefix) =>
        new(filename, "i386-pc", new Grub2InstCore("mkimage", "gpt", "iso9660"), new Grub2InstPrefix(prefix));
}

/// <summary>How the core image is made and which filesystem it reads.</summary>
public sealed record Grub2InstCore(string Type, string Partlabel, string Filesystem);

/// <summary>Where grub2 finds its modules and configuration.</summary>
public sealed record Grub2InstPrefix(string Path);
