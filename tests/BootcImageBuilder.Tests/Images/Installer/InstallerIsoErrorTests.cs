using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Kinds.Installer;

namespace BootcImageBuilder.Tests.Images.Installer;

public sealed class InstallerIsoErrorTests
{
    private static readonly KickstartCustomization UserKickstart = new() { Contents = "reboot\n" };

    public static TheoryData<Customizations, string> KickstartConflicts => new()
    {
        { new Customizations { Installer = new InstallerCustomization { Kickstart = UserKickstart, Unattended = true } }, "kickstart unattended options are not compatible with user-supplied kickstart content" },
        { new Customizations { Installer = new InstallerCustomization { Kickstart = UserKickstart, SudoNopasswd = ["alice"] } }, "kickstart sudo nopasswd drop-in file creation is not compatible with user-supplied kickstart content" },
        { new Customizations { User = [new UserCustomization { Name = "alice" }], Installer = new InstallerCustomization { Kickstart = UserKickstart } }, "kickstart users and/or groups are not compatible with user-supplied kickstart content" },
        { new Customizations { Group = [new GroupCustomization { Name = "devs" }], Installer = new InstallerCustomization { Kickstart = UserKickstart } }, "kickstart users and/or groups are not compatible with user-supplied kickstart content" },
        { new Customizations { User = [new UserCustomization { Name = "root", Home = "/r", Shell = "/bin/sh", Uid = 0, Groups = ["wheel"] }] }, "unsupported kickstart options for user \"root\": groups, home, shell, uid" },
        { new Customizations { User = [new UserCustomization { Name = "root", ExpireDate = 1, ForcePasswordReset = true, Gid = 0 }] }, "unsupported kickstart options for user \"root\": expiredate, force_password_reset, gid" },
    };

    [Theory]
    [MemberData(nameof(KickstartConflicts))]
    public void Kickstart_conflicts_are_refused(Customizations customizations, string message)
    {
        var error = Assert.Throws<BibException>(() => IsoSamples.Plan(Arch.X86_64, customizations));
        Assert.Equal("cannot get manifest: " + message, error.Message);
    }

    [Theory]
    [InlineData("fedora", "x", "cannot parse Fedora version (x): strconv.ParseUint: parsing \"x\": invalid syntax")]
    [InlineData("centos", "stream", "cannot parse CentOS version (stream): strconv.ParseUint: parsing \"stream\": invalid syntax")]
    [InlineData("rhel", "10", "invalid RHEL version format: 10")]
    [InlineData("rhel", "10.asdf", "cannot parse RHEL minor version (asdf): strconv.ParseUint: parsing \"asdf\": invalid syntax")]
    [InlineData("rhel", "x.1", "cannot parse RHEL major version (x): strconv.ParseUint: parsing \"x\": invalid syntax")]
    public void Runner_mapping_errors_name_the_version(string id, string version, string message)
    {
        var error = Assert.Throws<BibException>(() => LegacyIsoRunner.For(new OsRelease(id, version, "X")));
        Assert.Equal("failed to infer distro and runner: " + message, error.Message);
    }

    [Fact]
    public void Distro_without_definitions_is_refused()
    {
        var error = Assert.Throws<BibException>(() => IsoSamples.Plan(Arch.X86_64, osRelease: new OsRelease("debian", "12", "Debian")));
        Assert.Equal("cannot get manifest: could not find def file for distro debian-12", error.Message);
    }

    [Fact]
    public void Aarch64_needs_a_uefi_vendor()
    {
        var error = Assert.Throws<BibException>(() => IsoSamples.Plan(Arch.Aarch64, uefiVendor: null));
        Assert.Equal("cannot get manifest: UEFI vendor must be set for aarch64 ISO", error.Message);
    }

    [Fact]
    public async Task Bootc_installer_needs_a_payload_ref()
    {
        var kind = new BootcInstallerIsoKind(new BootcInfoResolver(new BootcImageBuilder.Tests.Containers.FakePodman("/nonexistent")));
        var input = IsoSamples.Input(IsoSamples.Container(Arch.X86_64), type: "bootc-installer");

        var error = await Assert.ThrowsAsync<BibException>(() => kind.GenerateAsync(input, CancellationToken.None));
        Assert.Equal("no installer payload bootc ref set", error.Message);
    }

    [Fact]
    public async Task Bootc_installer_refuses_a_build_container()
    {
        var kind = new BootcInstallerIsoKind(new BootcInfoResolver(new BootcImageBuilder.Tests.Containers.FakePodman("/nonexistent")));
        var source = IsoSamples.Container(Arch.X86_64);
        var input = IsoSamples.Input(source, type: "bootc-installer") is var i
            ? i with
            {
                Request = i.Request with { InstallerPayloadRef = IsoSamples.PayloadRef, BuildContainerRef = "localhost/build:latest" },
                Containers = new ResolvedContainers(source, source with { ImageRef = "localhost/build:latest" }),
            }
            : throw new InvalidOperationException();

        var error = await Assert.ThrowsAsync<BibException>(() => kind.GenerateAsync(input, CancellationToken.None));
        Assert.Equal("cannot use build-containers with anaconda installer images", error.Message);
    }
}
