using BootcImageBuilder.Containers;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Pipelines;
using BootcImageBuilder.Images.Pipelines.Installer;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>
/// Everything of a legacy installer ISO that is decided before depsolving (upstream's <c>manifestForISO</c>): the
/// distro definition's packages, label, kickstart, modules, runner and the two package sets; then, given the
/// resolved packages, the manifest. Pure: no container and no dnf.
/// </summary>
public sealed record LegacyIsoPlan
{
    private const string InstallExecLabel = "system_u:object_r:install_exec_t:s0";

    public required BootcInfo Source { get; init; }

    public required AnacondaIsoSpec Spec { get; init; }

    public required LegacyIsoRunner Runner { get; init; }

    public required PackageSet BuildPackages { get; init; }

    public required PackageSet AnacondaTreePackages { get; init; }

    /// <summary>The plan for the request's image; errors carry upstream's <c>cannot get manifest</c> prefix.</summary>
    public static LegacyIsoPlan Create(ImageKindInput input, DistroDefinitionLookup definitions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(definitions);
        try
        {
            return CreateUnwrapped(input, definitions);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot get manifest", e);
        }
    }

    private static LegacyIsoPlan CreateUnwrapped(ImageKindInput input, DistroDefinitionLookup definitions)
    {
        var source = input.Containers.Source;
        var osRelease = source.OsInfo.OsRelease;
        var definition = definitions.FindImageDefinition(osRelease, "anaconda-iso");
        var arch = source.Arch;
        if (arch == Arch.Aarch64 && string.IsNullOrEmpty(source.OsInfo.UefiVendor))
        {
            throw new BibException("UEFI vendor must be set for aarch64 ISO");
        }

        if (!Arch.DiskArches.Contains(arch))
        {
            throw new BibException($"unsupported architecture {arch.Name}");
        }

        var customizations = input.Request.Config.Customizations;
        var volumeId = customizations?.Iso?.VolumeId;
        var label = string.IsNullOrEmpty(volumeId) ? IsoLabel.For(osRelease, arch) : volumeId;
        var fips = customizations?.Fips == true;
        var kickstart = InstallerKickstart.From(customizations, input.Random);
        var runner = LegacyIsoRunner.For(osRelease);
        var lorax = LoraxTemplates.For(osRelease);
        var spec = new AnacondaIsoSpec
        {
            Arch = arch,
            Product = new IsoProduct(osRelease.Name, osRelease.VersionId),
            UefiVendor = source.OsInfo.UefiVendor,
            Label = label,
            ExtraKernelOptions = fips ? ["fips=1"] : [],
            ActivatableModules = AnacondaModules.Activatable(customizations?.Installer, fips),
            Lorax = lorax,
            Build = new Pipeline("build", [], runner: runner.Name),
            Tree = InstallerTree.FromRpms([], string.Empty),
            PayloadImageId = ContainerBuildroot.ImageIdOf(source),
            PayloadName = source.ImageRef,
            Kickstart = kickstart,
            InstallRootfsType = source.DefaultRootFs ?? string.Empty,
        };
        return new LegacyIsoPlan
        {
            Source = source,
            Spec = spec,
            Runner = runner,
            BuildPackages = LegacyIsoPackageSets.Build(arch, runner, lorax),
            AnacondaTreePackages = LegacyIsoPackageSets.AnacondaTree(arch, definition.Packages),
        };
    }

    /// <summary>The manifest from the resolved <c>build</c> and <c>anaconda-tree</c> packages.</summary>
    public Manifest Manifest(DepsolveResult build, DepsolveResult anacondaTree, bool useLibrepo, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(anacondaTree);
        var buildStages = new List<Stage>(RpmContent.Stages(build, excludeDocs: false))
        {
            Stage.Of(new SelinuxOptions(ContainerBuildroot.FileContextsOf("targeted"), Labels: BuildLabels(build))),
        };
        var spec = Spec with
        {
            Build = new Pipeline("build", buildStages, runner: Runner.Name),
            Tree = InstallerTree.FromRpms(RpmContent.Stages(anacondaTree, excludeDocs: true), RpmContent.KernelVersion(anacondaTree)),
        };
        var (pipelines, inline) = AnacondaIsoPipelines.Create(spec, random);
        return new Manifest(
            pipelines,
            [
                new ContainersStorageSource(spec.PayloadImageId),
                RpmContent.Source([build, anacondaTree], useLibrepo),
                new InlineSource(inline),
            ]);
    }

    /// <summary>Labels images gives build-root tools by the packages installed: <c>cp</c>, <c>mount</c>, <c>umount</c> (coreutils), <c>tar</c>.</summary>
    private static System.Collections.Immutable.ImmutableSortedDictionary<string, string>? BuildLabels(DepsolveResult build)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in build.Packages)
        {
            if (package.Name == "coreutils")
            {
                labels["/usr/bin/cp"] = InstallExecLabel;
                labels["/usr/bin/mount"] = InstallExecLabel;
                labels["/usr/bin/umount"] = InstallExecLabel;
            }
            else if (package.Name == "tar")
            {
                labels["/usr/bin/tar"] = InstallExecLabel;
            }
        }

        return labels.Count == 0 ? null : OsbuildMap.From(labels);
    }
}
