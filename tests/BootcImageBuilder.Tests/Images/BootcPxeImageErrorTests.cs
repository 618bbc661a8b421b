using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Images;

/// <summary>The initramfs check upstream makes before it builds a PXE manifest, and its exact messages.</summary>
public class BootcPxeImageErrorTests
{
    private const string MissingModules = "bootc container initramfs requires ostree, dmsquash-live and livenet modules";

    private static string ErrorFor(BootcInfo container) =>
        Assert.Throws<BibException>(() => BootcPxeImage.Generate(new BootcPxeImageInput(container), new SeededRandomSource(1))).Message;

    [Theory]
    [InlineData("ostree")]
    [InlineData("dmsquash-live")]
    [InlineData("livenet")]
    public void An_initrd_without_a_required_module_is_refused(string missing)
    {
        var modules = PxeImageSamples.LiveInitrdModules.Where(m => m != missing).ToList();

        Assert.Equal(MissingModules, ErrorFor(PxeImageSamples.Container(Arch.X86_64, modules)));
    }

    [Fact]
    public void An_initrd_with_none_of_them_is_refused()
    {
        Assert.Equal(MissingModules, ErrorFor(PxeImageSamples.Container(Arch.X86_64, ["bash", "systemd"])));
    }

    [Fact]
    public void An_empty_module_list_is_an_internal_error_as_upstream()
    {
        Assert.Equal("internal error: The initrd module list is empty", ErrorFor(PxeImageSamples.Container(Arch.X86_64, [])));
    }

    [Fact]
    public void A_missing_default_root_filesystem_is_reported_before_the_modules()
    {
        Assert.Equal(
            "failed to initialize bootc distro: missing required info: DefaultRootFs",
            ErrorFor(PxeImageSamples.Container(Arch.X86_64, [], rootfs: "")));
    }

    [Fact]
    public void Module_names_must_match_whole()
    {
        Assert.Equal(MissingModules, ErrorFor(PxeImageSamples.Container(Arch.X86_64, ["ostree", "dmsquash-live-ntfs", "livenet"])));
    }
}
