using System.Collections.Immutable;
using System.Text;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>
/// The kickstart of a bootc installer ISO: <c>/osbuild-base.ks</c> written by <c>org.osbuild.kickstart</c> (payload,
/// users, groups and, when unattended, the installation defaults) and <c>/osbuild.ks</c>, an inline file that includes
/// it and adds either the user's kickstart text or upstream's partitioning and reboot lines.
/// </summary>
public sealed record InstallerKickstart
{
    public const string Path = "/osbuild.ks";
    public const string BasePath = "/osbuild-base.ks";
    private const string IsoRoot = "/run/install/repo";

    public ImmutableSortedDictionary<string, UserEntry>? Users { get; init; }

    public ImmutableSortedDictionary<string, GroupEntry>? Groups { get; init; }

    /// <summary>The root password from the blueprint's <c>root</c> user (a crypt hash); dropped by the unattended defaults.</summary>
    public KickstartRootPassword? RootPassword { get; init; }

    /// <summary><c>installer.kickstart.contents</c>, when given (then users, groups, unattended and sudo are refused).</summary>
    public string? UserContents { get; init; }

    /// <summary>Kernel arguments for the installed system (<c>kernel.append</c>).</summary>
    public IReadOnlyList<string> KernelOptionsAppend { get; init; } = [];

    /// <summary>Upstream's <c>kickstart.New</c>: the options from the blueprint, validated with upstream's messages.</summary>
    public static InstallerKickstart From(Customizations? customizations, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var users = OsCustomizationStageList.UsersOf(customizations);
        var groups = customizations?.Group ?? [];
        var installer = customizations?.Installer;
        var userFile = installer?.Kickstart is { } kickstart ? kickstart.Contents ?? string.Empty : null;
        Validate(users, groups, installer, userFile);

        var entries = users
            .Select(u => KeyValuePair.Create(u.Name, OsCustomizationStageList.UserEntryOf(u, random)))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToDictionary(StringComparer.Ordinal);
        KickstartRootPassword? rootPassword = null;
        if (entries.TryGetValue("root", out var root))
        {
            if (root.Password is { } hash)
            {
                rootPassword = new KickstartRootPassword(IsCrypted: true, Password: hash);
                root = root with { Password = null };
            }

            if (root.Key is null)
            {
                entries.Remove("root");
            }
            else
            {
                entries["root"] = root;
            }
        }

        var append = customizations?.Kernel?.Append;
        return new InstallerKickstart
        {
            Users = entries.Count == 0 ? null : OsbuildMap.From(entries),
            Groups = groups.Count == 0 ? null : OsbuildMap.From(groups.Select(g => KeyValuePair.Create(g.Name, new GroupEntry(ToInt(g.Gid))))),
            RootPassword = rootPassword,
            UserContents = userFile,
            KernelOptionsAppend = string.IsNullOrEmpty(append) ? [] : [append],
        };
    }

    /// <summary>
    /// The stages writing both kickstart files into the ISO tree, which installs the OCI copy of the payload at
    /// <paramref name="payloadDirectory"/> and switches it to <paramref name="payloadName"/> afterwards; and the
    /// bytes of <c>/osbuild.ks</c>, which the manifest carries as an inline source.
    /// </summary>
    public (IReadOnlyList<Stage> Stages, byte[] File) Stages(string payloadDirectory, string payloadName, string installRootfsType)
    {
        var options = new KickstartOptions(BasePath)
        {
            OstreeContainer = new KickstartOstreeContainer(string.Empty, IsoRoot + payloadDirectory, "oci", string.Empty, false),
            Users = Users,
            Groups = Groups,
            RootPassword = RootPassword,
            Post = [new KickstartPost(true, SwitchCommands(payloadName))],
        };

        string tail;
        if (UserContents is not null)
        {
            tail = UserContents;
        }
        else
        {
            options = options with
            {
                RootPassword = new KickstartRootPassword(Lock: true),
                Lang = "en_US.UTF-8",
                Keyboard = "us",
                Timezone = "UTC",
                ClearPart = new KickstartClearPart(All: true),
                Bootloader = KernelOptionsAppend.Count > 0 ? new KickstartBootloader(string.Join(' ', KernelOptionsAppend)) : null,
                Network = [new KickstartNetwork(true, "dhcp", "link", "on")],
            };
            tail = UnattendedTail(installRootfsType);
        }

        var file = Encoding.UTF8.GetBytes($"%include {IsoRoot}{BasePath}\n{tail}");
        return ([Stage.Of(options), InlineFileCopy.CopyInto(Path, file)], file);
    }

    /// <summary>Upstream's partitioning and reboot lines; <c>autopart</c> because <c>part / --fstype=btrfs</c> did not work.</summary>
    public static string UnattendedTail(string installRootfsType)
    {
        var rootfs = string.IsNullOrEmpty(installRootfsType) ? "ext4" : installRootfsType;
        var autopart = rootfs == "btrfs" ? "autopart --nohome --type=btrfs" : $"autopart --nohome --type=plain --fstype={rootfs}";
        return $"\n{autopart}\n\nreboot --eject\n";
    }

    private static IReadOnlyList<string> SwitchCommands(string payloadName) =>
    [
        "set -e",
        $"bootc switch --mutate-in-place --transport registry {payloadName}",
        "# used during automatic image testing as finished marker",
        "if [ -c /dev/ttyS0 ]; then",
        "  # continue on errors here, because we used to omit --erroronfail",
        "  echo \"Install finished\" > /dev/ttyS0 || true",
        "fi",
    ];

    private static void Validate(
        IReadOnlyList<UserCustomization> users, IReadOnlyList<GroupCustomization> groups, InstallerCustomization? installer, string? userFile)
    {
        if (userFile is not null)
        {
            if (installer?.Unattended == true)
            {
                throw new BibException("kickstart unattended options are not compatible with user-supplied kickstart content");
            }

            if (installer?.SudoNopasswd.Count > 0)
            {
                throw new BibException("kickstart sudo nopasswd drop-in file creation is not compatible with user-supplied kickstart content");
            }

            if (users.Count + groups.Count > 0)
            {
                throw new BibException("kickstart users and/or groups are not compatible with user-supplied kickstart content");
            }
        }

        foreach (var user in users.Where(u => u.Name == "root"))
        {
            var unsupported = new List<string>();
            AddIf(unsupported, user.ExpireDate is not null, "expiredate");
            AddIf(unsupported, user.ForcePasswordReset is not null, "force_password_reset");
            AddIf(unsupported, user.Gid is not null, "gid");
            AddIf(unsupported, user.Groups.Count > 0, "groups");
            AddIf(unsupported, user.Home is not null, "home");
            AddIf(unsupported, user.Shell is not null, "shell");
            AddIf(unsupported, user.Uid is not null, "uid");
            if (unsupported.Count > 0)
            {
                throw new BibException($"unsupported kickstart options for user \"root\": {string.Join(", ", unsupported)}");
            }
        }
    }

    private static void AddIf(List<string> list, bool condition, string name)
    {
        if (condition)
        {
            list.Add(name);
        }
    }

    private static int? ToInt(long? value) => value is { } v ? checked((int)v) : null;
}
