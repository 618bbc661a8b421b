using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Images.Pipelines.Installer;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images.Installer;

public sealed class LegacyInstallerIsoTests
{
    private const string CentosLabel = "CentOS-Stream-9-BaseOS-x86_64";

    [Fact]
    public void X86_64_has_upstreams_pipelines_and_stages()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64));

        OsbuildSchema.AssertValid(view.Json);
        Assert.Equal(["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"], view.PipelineNames);
        Assert.Equal(["org.osbuild.rpm", "org.osbuild.selinux"], view.StageTypes("build"));
        Assert.Equal(
            [
                "org.osbuild.rpm", "org.osbuild.buildstamp", "org.osbuild.locale", "org.osbuild.users", "org.osbuild.anaconda",
                "org.osbuild.lorax-script", "org.osbuild.dracut", "org.osbuild.lorax-script", "org.osbuild.selinux.config",
            ],
            view.StageTypes("anaconda-tree"));
        Assert.Equal(["org.osbuild.grub2.iso"], view.StageTypes("efiboot-tree"));
        Assert.Equal(
            [
                "org.osbuild.mkdir", "org.osbuild.copy", "org.osbuild.squashfs", "org.osbuild.grub2.iso.legacy", "org.osbuild.grub2.inst",
                "org.osbuild.truncate", "org.osbuild.mkfs.fat", "org.osbuild.copy", "org.osbuild.copy", "org.osbuild.mkdir",
                "org.osbuild.skopeo", "org.osbuild.kickstart", "org.osbuild.copy", "org.osbuild.discinfo",
            ],
            view.StageTypes("bootiso-tree"));
        Assert.Equal(["org.osbuild.xorrisofs", "org.osbuild.implantisomd5"], view.StageTypes("bootiso"));
    }

    [Fact]
    public void Aarch64_boots_uefi_only()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.Aarch64));

        OsbuildSchema.AssertValid(view.Json);
        Assert.Equal(
            [
                "org.osbuild.mkdir", "org.osbuild.copy", "org.osbuild.squashfs",
                "org.osbuild.truncate", "org.osbuild.mkfs.fat", "org.osbuild.copy", "org.osbuild.copy", "org.osbuild.mkdir",
                "org.osbuild.skopeo", "org.osbuild.kickstart", "org.osbuild.copy", "org.osbuild.discinfo",
            ],
            view.StageTypes("bootiso-tree"));
        Assert.Equal(
            """{"filename":"install.iso","volid":"CentOS-Stream-9-BaseOS-aarch64","sysid":"LINUX","efi":"images/efiboot.img","isolevel":3}""",
            view.Options("bootiso", "org.osbuild.xorrisofs").ToJsonString());
        Assert.Equal(["AA64"], ManifestView.Strings(view.Options("efiboot-tree", "org.osbuild.grub2.iso")["architectures"]));
        Assert.DoesNotContain("biosdevname", ManifestView.Strings(view.Options("anaconda-tree", "org.osbuild.dracut")["add_modules"]));
    }

    [Fact]
    public void X86_64_iso_boots_bios_through_grub2_and_uefi()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64));

        Assert.Equal(
            """{"filename":"install.iso","volid":"CentOS-Stream-9-BaseOS-x86_64","sysid":"LINUX","boot":{"image":"images/eltorito.img","catalog":"boot.cat"},"efi":"images/efiboot.img","isolevel":3,"grub2mbr":"/usr/lib/grub/i386-pc/boot_hybrid.img"}""",
            view.Options("bootiso", "org.osbuild.xorrisofs").ToJsonString());
        Assert.Equal(
            """{"filename":"images/eltorito.img","platform":"i386-pc","core":{"type":"mkimage","partlabel":"gpt","filesystem":"iso9660"},"prefix":{"path":"/boot/grub2"}}""",
            view.Options("bootiso-tree", "org.osbuild.grub2.inst").ToJsonString());
        Assert.Equal(
            IsoText.Fill("""{"product":{"name":"CentOS Stream","version":"9"},"kernel":{"dir":"/images/pxeboot","opts":["inst.stage2=hd:LABEL=<0>","inst.ks=hd:LABEL=<1>:/osbuild.ks"]},"isolabel":"<2>","architectures":["X64"],"vendor":"centos","troubleshooting":true,"test":true,"install":true}""", CentosLabel, CentosLabel, CentosLabel),
            view.Options("efiboot-tree", "org.osbuild.grub2.iso").ToJsonString());
        Assert.Equal(
            IsoText.Fill("""{"product":{"name":"CentOS Stream","version":"9"},"kernel":{"dir":"/images/pxeboot","opts":["inst.stage2=hd:LABEL=<0>","inst.ks=hd:LABEL=<1>:/osbuild.ks"]},"isolabel":"<2>","troubleshooting":true,"test":true,"install":true}""", CentosLabel, CentosLabel, CentosLabel),
            view.Options("bootiso-tree", "org.osbuild.grub2.iso.legacy").ToJsonString());
    }

    [Fact]
    public void Installer_tree_is_set_up_as_lorax_does()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64));

        Assert.Equal(
            """{"arch":"x86_64","product":"CentOS Stream","version":"9","final":true,"variant":"","bugurl":""}""",
            view.Options("anaconda-tree", "org.osbuild.buildstamp").ToJsonString());
        Assert.Equal("""{"language":"C.UTF-8"}""", view.Options("anaconda-tree", "org.osbuild.locale").ToJsonString());
        Assert.Equal(
            """{"users":{"install":{"uid":0,"gid":0,"home":"/root","shell":"/usr/libexec/anaconda/run-anaconda","password":""},"root":{"password":""}}}""",
            view.Options("anaconda-tree", "org.osbuild.users").ToJsonString());
        Assert.Equal(
            """{"kernel":["5.14.0-570.el9.x86_64"],"add_modules":["pollcdrom","qemu","qemu-net","biosdevname","fips","anaconda","prefixdevname-tools"],"install":["./buildstamp"],"extra":["--xz","--nomdadmconf","--nolvmconf"]}""",
            view.Options("anaconda-tree", "org.osbuild.dracut").ToJsonString());
        var lorax = view.StagesOf("anaconda-tree").Where(s => (string)s!["type"]! == "org.osbuild.lorax-script").Select(s => (string)s!["options"]!["path"]!);
        Assert.Equal(["99-generic/runtime-postinstall.tmpl", "99-generic/runtime-cleanup.tmpl"], lorax);
        Assert.Equal("""{"state":"permissive"}""", view.Options("anaconda-tree", "org.osbuild.selinux.config").ToJsonString());
    }

    [Fact]
    public void Iso_tree_holds_kernel_squashfs_efiboot_image_and_payload()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64));
        var stages = view.StagesOf("bootiso-tree");

        Assert.Equal(
            """{"paths":[{"from":"input://tree/boot/vmlinuz-5.14.0-570.el9.x86_64","to":"tree:///images/pxeboot/vmlinuz"},{"from":"input://tree/boot/initramfs-5.14.0-570.el9.x86_64.img","to":"tree:///images/pxeboot/initrd.img"}]}""",
            stages[1]!["options"]!.ToJsonString());
        Assert.Equal(
            """{"filename":"images/install.img","exclude_paths":["boot/efi/.*","boot/grub2/.*","boot/config-.*","boot/initramfs-.*","boot/loader/.*","boot/symvers-.*","boot/System.map-.*","usr/lib/sysimage/rpm/.*","var/lib/rpm/.*","var/lib/yum/.*","var/lib/dnf/.*"],"compression":{"method":"zstd"}}""",
            view.Options("bootiso-tree", "org.osbuild.squashfs").ToJsonString());
        Assert.Equal("""{"filename":"images/efiboot.img","size":"20971520"}""", view.Options("bootiso-tree", "org.osbuild.truncate").ToJsonString());
        Assert.Equal(
            """{"device":{"type":"org.osbuild.loopback","options":{"filename":"images/efiboot.img","size":40960,"lock":true}}}""",
            view.Stage("bootiso-tree", "org.osbuild.mkfs.fat")["devices"]!.ToJsonString());
        Assert.Equal(
            IsoText.Fill("""{"images":{"type":"org.osbuild.containers-storage","origin":"org.osbuild.source","references":{"sha256:<0>":{"name":"<1>"}}}}""", IsoSamples.ImageId, IsoSamples.ImageRef),
            view.Stage("bootiso-tree", "org.osbuild.skopeo")["inputs"]!.ToJsonString());
        Assert.Equal("""{"destination":{"type":"oci","path":"/container"},"remove-signatures":true}""", view.Options("bootiso-tree", "org.osbuild.skopeo").ToJsonString());
        Assert.Equal("""{"basearch":"x86_64","release":""}""", view.Options("bootiso-tree", "org.osbuild.discinfo").ToJsonString());
    }

    [Fact]
    public void Unattended_kickstart_installs_the_image_and_reboots()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, new Customizations { Kernel = new KernelCustomization { Append = "quiet" } }));
        var kickstart = view.Options("bootiso-tree", "org.osbuild.kickstart");

        Assert.Equal("/osbuild-base.ks", (string)kickstart["path"]!);
        Assert.Equal("""{"stateroot":"","url":"/run/install/repo/container","transport":"oci","remote":"","signatureverification":false}""", kickstart["ostreecontainer"]!.ToJsonString());
        Assert.Equal("en_US.UTF-8", (string)kickstart["lang"]!);
        Assert.Equal("us", (string)kickstart["keyboard"]!);
        Assert.Equal("UTC", (string)kickstart["timezone"]!);
        Assert.Equal("""{"lock":true}""", kickstart["rootpw"]!.ToJsonString());
        Assert.Equal("""{"all":true}""", kickstart["clearpart"]!.ToJsonString());
        Assert.Equal("""[{"activate":true,"bootproto":"dhcp","device":"link","onboot":"on"}]""", kickstart["network"]!.ToJsonString());
        Assert.Equal("""{"append":"quiet"}""", kickstart["bootloader"]!.ToJsonString());
        Assert.Equal(
            [
                "set -e",
                $"bootc switch --mutate-in-place --transport registry {IsoSamples.ImageRef}",
                "# used during automatic image testing as finished marker",
                "if [ -c /dev/ttyS0 ]; then",
                "  # continue on errors here, because we used to omit --erroronfail",
                "  echo \"Install finished\" > /dev/ttyS0 || true",
                "fi",
            ],
            ManifestView.Strings(kickstart["%post"]![0]!["commands"]));
        Assert.Equal(
            ["%include /run/install/repo/osbuild-base.ks", "", "autopart --nohome --type=plain --fstype=xfs", "", "reboot --eject", ""],
            view.InlineText().Split('\n'));
        Assert.DoesNotContain("quiet", ManifestView.Strings(view.Options("efiboot-tree", "org.osbuild.grub2.iso")["kernel"]!["opts"]));
    }

    [Fact]
    public void User_kickstart_follows_the_include_and_is_copied_to_osbuild_ks()
    {
        var customizations = new Customizations { Installer = new InstallerCustomization { Kickstart = new KickstartCustomization { Contents = "autopart --type=lvm\n" } } };
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, customizations));
        var kickstart = view.Options("bootiso-tree", "org.osbuild.kickstart");

        OsbuildSchema.AssertValid(view.Json);
        Assert.Equal(["%include /run/install/repo/osbuild-base.ks", "autopart --type=lvm", ""], view.InlineText().Split('\n'));
        Assert.Null(kickstart["lang"]);
        Assert.Null(kickstart["rootpw"]);
        var item = Assert.Single(view.Root["sources"]!["org.osbuild.inline"]!["items"]!.AsObject());
        var hex = item.Key["sha256:".Length..];
        Assert.Equal(
            IsoText.Fill("""{"paths":[{"from":"input://file-<0>/<1>","to":"tree:///osbuild.ks","remove_destination":true}]}""", hex, item.Key),
            view.StagesOf("bootiso-tree")[12]!["options"]!.ToJsonString());
    }

    [Fact]
    public void Btrfs_installs_get_btrfs_autopart()
    {
        Assert.Equal("\nautopart --nohome --type=btrfs\n\nreboot --eject\n", InstallerKickstart.UnattendedTail("btrfs"));
        Assert.Equal("\nautopart --nohome --type=plain --fstype=ext4\n\nreboot --eject\n", InstallerKickstart.UnattendedTail(""));
    }

    [Fact]
    public void Blueprint_users_go_to_the_kickstart_and_root_password_becomes_rootpw()
    {
        var customizations = new Customizations
        {
            User = [new UserCustomization { Name = "alice", Password = DiskImageSamples.CryptedPassword, Groups = ["wheel"] }, new UserCustomization { Name = "root", Password = DiskImageSamples.CryptedPassword }],
            Group = [new GroupCustomization { Name = "devs", Gid = 1100 }],
            Installer = new InstallerCustomization { Unattended = true },
        };
        var kickstart = InstallerKickstart.From(customizations, new BootcImageBuilder.Randomness.SeededRandomSource(1));

        Assert.Equal(["alice"], kickstart.Users!.Keys);
        Assert.Equal(["wheel"], kickstart.Users["alice"].Groups);
        Assert.Equal(new BootcImageBuilder.Osbuild.GroupEntry(1100), kickstart.Groups!["devs"]);
        Assert.Equal(new BootcImageBuilder.Osbuild.KickstartRootPassword(IsCrypted: true, Password: DiskImageSamples.CryptedPassword), kickstart.RootPassword);
        OsbuildSchema.AssertValid(new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, customizations)).Json);
    }

    [Fact]
    public void Fips_adds_the_kernel_option_and_volume_id_overrides_the_label()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, new Customizations { Fips = true, Iso = new IsoCustomization { VolumeId = "MY-ISO" } }));

        Assert.Equal(
            ["inst.stage2=hd:LABEL=MY-ISO", "inst.ks=hd:LABEL=MY-ISO:/osbuild.ks", "fips=1"],
            ManifestView.Strings(view.Options("efiboot-tree", "org.osbuild.grub2.iso")["kernel"]!["opts"]));
        Assert.Equal("MY-ISO", (string)view.Options("bootiso", "org.osbuild.xorrisofs")["volid"]!);
    }

    [Fact]
    public void Disabled_modules_win_over_enabled_and_default_ones()
    {
        var installer = new InstallerCustomization
        {
            Modules = new AnacondaModulesCustomization
            {
                Enable = ["org.fedoraproject.Anaconda.Modules.Localization", "org.fedoraproject.Anaconda.Modules.Timezone"],
                Disable = ["org.fedoraproject.Anaconda.Modules.Users", "org.fedoraproject.Anaconda.Modules.Timezone"],
            },
        };

        Assert.Equal(
            [.. new[] { "Localization", "Network", "Payloads", "Runtime", "Security", "Services", "Storage" }.Select(m => AnacondaModules.Prefix + m)],
            AnacondaModules.Activatable(installer, fips: false));
    }

    [Fact]
    public void Rpm_stages_reference_the_resolved_checksums_and_librepo_fetches_them()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, useLibrepo: true));

        var build = view.Stage("build", "org.osbuild.rpm");
        Assert.Equal(
            IsoText.Fill("""[{"id":"<0>","options":{"metadata":{"rpm.check_gpg":true}}},{"id":"<1>"},{"id":"<2>","options":{"metadata":{"rpm.check_gpg":true}}}]""", IsoSamples.ChecksumOf("aa"), IsoSamples.ChecksumOf("ab"), IsoSamples.ChecksumOf("ac")),
            build["inputs"]!["packages"]!["references"]!.ToJsonString());
        Assert.Equal(IsoSamples.BaseOs.GpgKeys, ManifestView.Strings(build["options"]!["gpgkeys"]));
        Assert.Equal("""{"docs":true}""", view.Options("anaconda-tree", "org.osbuild.rpm")["exclude"]!.ToJsonString());
        Assert.Equal(["org.osbuild.containers-storage", "org.osbuild.inline", "org.osbuild.librepo"], view.Root["sources"]!.AsObject().Select(p => p.Key));
        var librepo = view.Root["sources"]!["org.osbuild.librepo"]!;
        Assert.Equal("""{"path":"Packages/kernel-5.14.0-570.el9.x86_64.rpm","mirror":"baseos"}""", librepo["items"]![IsoSamples.ChecksumOf("bb")]!.ToJsonString());
        Assert.Equal(
            """{"mirrors":{"appstream":{"url":"https://mirrors.example/metalink?repo=appstream","type":"metalink","insecure":true},"baseos":{"url":"https://mirror.example/baseos/","type":"baseurl"}}}""",
            librepo["options"]!.ToJsonString());
        Assert.Equal(
            """{"file_contexts":"etc/selinux/targeted/contexts/files/file_contexts","labels":{"/usr/bin/cp":"system_u:object_r:install_exec_t:s0","/usr/bin/mount":"system_u:object_r:install_exec_t:s0","/usr/bin/tar":"system_u:object_r:install_exec_t:s0","/usr/bin/umount":"system_u:object_r:install_exec_t:s0"}}""",
            view.Options("build", "org.osbuild.selinux").ToJsonString());
        OsbuildSchema.AssertValid(view.Json);
    }

    [Fact]
    public void Without_librepo_curl_fetches_the_packages()
    {
        var view = new ManifestView(IsoSamples.LegacyManifest(Arch.X86_64, useLibrepo: false));
        var items = view.Root["sources"]!["org.osbuild.curl"]!["items"]!.AsObject();

        Assert.Equal(5, items.Count);
        Assert.Equal("""{"url":"https://mirror.example/baseos/Packages/kernel-5.14.0-570.el9.x86_64.rpm"}""", items[IsoSamples.ChecksumOf("bb")]!.ToJsonString());
        Assert.Equal("""{"url":"https://mirror.example/appstream/Packages/anaconda-1.0-1.el9.x86_64.rpm","insecure":true}""", items[IsoSamples.ChecksumOf("ba")]!.ToJsonString());
        Assert.Null(view.Root["sources"]!["org.osbuild.librepo"]);
        OsbuildSchema.AssertValid(view.Json);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rhsm_and_mtls_repositories_name_their_secrets_on_the_package_source(bool useLibrepo)
    {
        var rhsm = IsoSamples.BaseOs with { Rhsm = true };
        var mtls = IsoSamples.AppStream with { SslClientKey = "/etc/pki/tls/client.key", SslClientCert = "/etc/pki/tls/client.crt" };
        var plain = new RepositoryConfig { Id = "plain", BaseUrls = ["https://mirror.example/plain/"] };
        var build = new DepsolveResult(
            "dnf",
            [[IsoSamples.Package("coreutils", Arch.X86_64, rhsm, "aa"), IsoSamples.Package("xorriso", Arch.X86_64, mtls, "ab"), IsoSamples.Package("tar", Arch.X86_64, plain, "ac")]],
            [mtls, rhsm, plain]);
        var anaconda = new DepsolveResult(
            "dnf",
            [[IsoSamples.Package("anaconda", Arch.X86_64, mtls, "ba"), IsoSamples.Package("kernel", Arch.X86_64, rhsm, "bb", "5.14.0", "570.el9")]],
            [mtls, rhsm]);

        var view = new ManifestView(IsoSamples.Plan(Arch.X86_64).Manifest(build, anaconda, useLibrepo, new SeededRandomSource(7)));

        if (useLibrepo)
        {
            var mirrors = view.Root["sources"]!["org.osbuild.librepo"]!["options"]!["mirrors"]!;
            Assert.Equal("""{"name":"org.osbuild.rhsm"}""", mirrors["baseos"]!["secrets"]!.ToJsonString());
            Assert.Equal("""{"name":"org.osbuild.mtls"}""", mirrors["appstream"]!["secrets"]!.ToJsonString());
            Assert.Null(mirrors["plain"]!["secrets"]);
        }
        else
        {
            var items = view.Root["sources"]!["org.osbuild.curl"]!["items"]!;
            foreach (var prefix in (string[])["aa", "bb"])
            {
                Assert.Equal("""{"name":"org.osbuild.rhsm"}""", items[IsoSamples.ChecksumOf(prefix)]!["secrets"]!.ToJsonString());
            }

            foreach (var prefix in (string[])["ab", "ba"])
            {
                Assert.Equal("""{"name":"org.osbuild.mtls"}""", items[IsoSamples.ChecksumOf(prefix)]!["secrets"]!.ToJsonString());
            }

            Assert.Null(items[IsoSamples.ChecksumOf("ac")]!["secrets"]);
        }

        Assert.DoesNotContain("/etc/pki/tls/client", view.Json, StringComparison.Ordinal);
        OsbuildSchema.AssertValid(view.Json);
    }

    [Fact]
    public void Package_sets_follow_upstreams_order()
    {
        var plan = IsoSamples.Plan(Arch.X86_64);

        Assert.Equal(
            [
                "selinux-policy-targeted", "coreutils", "xz", "glibc", "platform-python", "systemd", "python3",
                "grub2-tools", "grub2-tools-extra", "grub2-tools-minimal", "efibootmgr", "grub2-efi-x64", "grub2-efi-x64-cdboot", "grub2-pc", "grub2-pc-modules", "shim-x64",
                "rpm", "shadow-utils", "lorax-templates-generic", "squashfs-tools", "grub2-pc-modules", "skopeo", "isomd5sum", "xorriso",
            ],
            plan.BuildPackages.Include);
        Assert.True(plan.BuildPackages.InstallWeakDependencies);
        Assert.Equal(
            ["grub2-tools", "grub2-tools-extra", "grub2-tools-minimal", "efibootmgr", "grub2-efi-x64", "grub2-efi-x64-cdboot", "grub2-pc", "grub2-pc-modules", "shim-x64", "biosdevname"],
            plan.AnacondaTreePackages.Include.Take(10));
        Assert.Contains("anaconda", plan.AnacondaTreePackages.Include);
        Assert.False(plan.AnacondaTreePackages.InstallWeakDependencies);
        Assert.Equal("org.osbuild.centos9", plan.Runner.Name);
    }

    [Theory]
    [InlineData("fedora", "41", null, "Fedora-S-dvd-x86_64-41")]
    [InlineData("centos", "10", null, "CentOS-Stream-10-BaseOS-x86_64")]
    [InlineData("centos", "8", null, "CentOS-Stream-8-x86_64-dvd")]
    [InlineData("rhel", "9.6", null, "RHEL-9-6-BaseOS-x86_64")]
    [InlineData("almalinux", "9.6", "rhel centos fedora", "Container-Installer-x86_64")]
    public void Labels_follow_the_distro(string id, string version, string? idLike, string label) =>
        Assert.Equal(label, IsoLabel.For(new OsRelease(id, version, "X", IdLike: idLike?.Split(' ')), Arch.X86_64));

    [Theory]
    [InlineData("fedora", "42", "org.osbuild.fedora42")]
    [InlineData("centos", "10", "org.osbuild.centos10")]
    [InlineData("rhel", "9.6", "org.osbuild.rhel96")]
    [InlineData("debian", "12", "org.osbuild.linux")]
    public void Runner_follows_the_distro(string id, string version, string runner) =>
        Assert.Equal(runner, LegacyIsoRunner.For(new OsRelease(id, version, "X")).Name);

    [Fact]
    public void Rhel_like_images_use_rhel_lorax_templates() =>
        Assert.Equal(LoraxTemplates.Rhel, LoraxTemplates.For(new OsRelease("almalinux", "9.6", "AlmaLinux", IdLike: ["rhel", "centos", "fedora"])));
}
