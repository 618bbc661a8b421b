using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images.Installer;

public sealed class BootcInstallerIsoTests
{
    private static ManifestView Generate(Arch arch, Customizations? customizations = null) =>
        new(BootcInstallerIso.Generate(IsoSamples.Container(arch), IsoSamples.PayloadRef, IsoSamples.PayloadId, customizations, new SeededRandomSource(3)));

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public void Installer_container_is_build_root_and_installer_tree(string archName)
    {
        var arch = Arch.Parse(archName);
        var view = Generate(arch);

        OsbuildSchema.AssertValid(view.Json);
        Assert.Equal(["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"], view.PipelineNames);
        Assert.Equal(["org.osbuild.container-deploy", "org.osbuild.selinux"], view.StageTypes("build"));
        Assert.Equal(
            [
                "org.osbuild.container-deploy", "org.osbuild.buildstamp", "org.osbuild.locale", "org.osbuild.users", "org.osbuild.anaconda",
                "org.osbuild.lorax-script", "org.osbuild.dracut", "org.osbuild.lorax-script", "org.osbuild.selinux.config",
            ],
            view.StageTypes("anaconda-tree"));
        Assert.Equal(arch == Arch.X86_64 ? 14 : 12, view.StageTypes("bootiso-tree").Count);
    }

    [Fact]
    public void Kernel_and_initramfs_come_from_the_modules_directory()
    {
        var view = Generate(Arch.X86_64, new Customizations { Kernel = new KernelCustomization { Append = "quiet" } });
        const string Kver = "5.14.0-570.el9.x86_64";

        Assert.Equal(
            IsoText.Fill("""{"kernel":["<0>"],"add_modules":["pollcdrom","qemu","qemu-net","biosdevname","fips","anaconda","prefixdevname-tools"],"install":["./buildstamp"],"extra":["--xz","lib/modules/<1>/initramfs.img","--nomdadmconf","--nolvmconf"]}""", Kver, Kver),
            view.Options("anaconda-tree", "org.osbuild.dracut").ToJsonString());
        Assert.Equal("/var/roothome", (string)view.Options("anaconda-tree", "org.osbuild.users")["users"]!["install"]!["home"]!);
        Assert.Equal(
            IsoText.Fill("""{"paths":[{"from":"input://tree/lib/modules/<0>/vmlinuz","to":"tree:///images/pxeboot/vmlinuz"},{"from":"input://tree/lib/modules/<1>/initramfs.img","to":"tree:///images/pxeboot/initrd.img"}]}""", Kver, Kver),
            view.StagesOf("bootiso-tree")[1]!["options"]!.ToJsonString());
        Assert.Equal(
            ["inst.stage2=hd:LABEL=CentOS-Stream-9-BaseOS-x86_64", "inst.ks=hd:LABEL=CentOS-Stream-9-BaseOS-x86_64:/osbuild.ks", "console=tty0", "inst.text", "quiet"],
            ManifestView.Strings(view.Options("efiboot-tree", "org.osbuild.grub2.iso")["kernel"]!["opts"]));
    }

    [Fact]
    public void Payload_is_the_installer_payload_ref()
    {
        var view = Generate(Arch.X86_64);

        Assert.Equal(
            IsoText.Fill("""{"images":{"type":"org.osbuild.containers-storage","origin":"org.osbuild.source","references":{"sha256:<0>":{"name":"<1>"}}}}""", IsoSamples.PayloadId, IsoSamples.PayloadRef),
            view.Stage("bootiso-tree", "org.osbuild.skopeo")["inputs"]!.ToJsonString());
        Assert.Equal(
            IsoText.Fill("""{"items":{"sha256:<0>":{},"sha256:<1>":{}}}""", IsoSamples.PayloadId, IsoSamples.ImageId),
            view.Root["sources"]!["org.osbuild.containers-storage"]!.ToJsonString());
        Assert.Contains(
            $"bootc switch --mutate-in-place --transport registry {IsoSamples.PayloadRef}",
            ManifestView.Strings(view.Options("bootiso-tree", "org.osbuild.kickstart")["%post"]![0]!["commands"]));
    }
}
