using BootcImageBuilder.Distro.Defs;

namespace BootcImageBuilder.Distro;

/// <summary>
/// How a disk type's file is made from the raw disk of the <c>image</c> pipeline, as its <c>imagetypes.yaml</c> row
/// describes it. The disk manifest turns each into its pipelines.
/// </summary>
public abstract record DiskConversion
{
    /// <summary>
    /// Whether the file takes the name of the type requested for it, else the first requested type's base name
    /// (<c>image.vmdk</c> for ova); false keeps the row's own file name always.
    /// </summary>
    public virtual bool NamedByRequest => true;

    /// <summary>The conversion <paramref name="yaml"/> describes for type <paramref name="type"/>; null for none.</summary>
    /// <exception cref="InvalidOperationException">Not exactly one shape is set (a problem of the built-in data).</exception>
    public static DiskConversion? FromYaml(string type, DiskConversionYaml? yaml)
    {
        if (yaml is null)
        {
            return null;
        }

        DiskConversion?[] shapes =
        [
            yaml.Qemu is { } qemu ? new QemuConversion(qemu.Format) { Compat = qemu.Compat, Subformat = qemu.Subformat, ForceSize = qemu.ForceSize } : null,
            yaml.Ova is { } ova ? new OvaConversion(ova.Vmdk, ova.Descriptor) : null,
            yaml.Tarball is { } tar ? new TarballConversion(tar.Format, tar.DiskName)
            {
                Acls = tar.Acls,
                Selinux = tar.Selinux,
                Xattrs = tar.Xattrs,
                RootNode = tar.RootNode,
            }
            : null,
        ];
        return shapes.OfType<DiskConversion>().ToList() is [var single]
            ? single
            : throw new InvalidOperationException($"image type {type} needs exactly one conversion shape (qemu, ova or tarball) in imagetypes.yaml");
    }
}
