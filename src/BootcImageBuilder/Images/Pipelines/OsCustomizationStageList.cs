using System.Security.Cryptography;
using System.Text;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Security;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// Stages that apply blueprint customizations to the deployed OS: groups, home roots and users, directories,
/// files (whose contents become inline sources) and the first-boot Ignition setup.
/// </summary>
public static class OsCustomizationStageList
{
    /// <summary>
    /// The users upstream creates: every <c>sshkey</c> entry as a user with only a key, then the <c>user</c> entries
    /// (a later entry with the same name replaces an earlier one), home directories without trailing slashes.
    /// </summary>
    public static IReadOnlyList<UserCustomization> UsersOf(Customizations? customizations)
    {
        if (customizations is null)
        {
            return [];
        }

        var fromKeys = customizations.SshKey.Select(k => new UserCustomization { Name = k.User ?? string.Empty, Key = k.Key ?? string.Empty });
        return [.. fromKeys.Concat(customizations.User).Select(u => u.Home is null ? u : u with { Home = u.Home.TrimEnd('/') })];
    }

    /// <summary><c>org.osbuild.groups</c> for the blueprint groups, or null when there are none; duplicates are refused.</summary>
    public static Stage? Groups(IReadOnlyList<GroupCustomization> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var gids = new HashSet<long>();
        foreach (var group in groups)
        {
            if (!names.Add(group.Name))
            {
                errors.Add($"duplicate group name: {group.Name}");
            }

            if (group.Gid is { } gid && !gids.Add(gid))
            {
                errors.Add($"duplicate group ID: {gid}");
            }
        }

        if (errors.Count > 0)
        {
            throw new BibException("invalid group customizations:\n" + string.Join('\n', errors));
        }

        if (groups.Count == 0)
        {
            return null;
        }

        var entries = groups.Select(g => KeyValuePair.Create(g.Name, new GroupEntry(g.Gid)));
        return Stage.Of(new GroupsOptions(OsbuildMap.From(entries.DistinctBy(e => e.Key)), Force: true));
    }

    /// <summary>The <c>org.osbuild.users</c> entry of a blueprint user; a plaintext password is hashed.</summary>
    public static UserEntry UserEntryOf(UserCustomization user, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(user);
        var password = string.IsNullOrEmpty(user.Password) ? null : PasswordCrypt.HashIfPlaintext(user.Password, random);
        return new UserEntry(
            user.Uid,
            user.Gid,
            user.Groups.Count == 0 ? null : user.Groups,
            user.Description,
            user.Home,
            user.Shell,
            password,
            user.Key,
            ToInt(user.ExpireDate),
            user.ForcePasswordReset);
    }

    /// <summary>The home roots the users need (<c>/var/roothome</c> for root, <c>/var/home</c> for the others), then the users.</summary>
    public static IReadOnlyList<Stage> Users(IReadOnlyList<UserCustomization> users, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return [];
        }

        var homeRoots = new List<MkdirPath>();
        if (users.Any(u => u.Name == "root"))
        {
            homeRoots.Add(new MkdirPath("/var/roothome", Mode: Convert.ToInt32("700", 8), ExistOk: true));
        }

        if (users.Any(u => u.Name != "root"))
        {
            homeRoots.Add(new MkdirPath("/var/home", Mode: Convert.ToInt32("755", 8), ExistOk: true));
        }

        var entries = new Dictionary<string, UserEntry>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            entries[user.Name] = UserEntryOf(user, random);
        }

        return [Stage.Of(new MkdirOptions(homeRoots)), Stage.Of(new UsersOptions(OsbuildMap.From(entries)))];
    }

    /// <summary><c>mkdir</c>, then <c>chmod</c> and <c>chown</c> where a mode or owner was given.</summary>
    public static IReadOnlyList<Stage> Directories(IReadOnlyList<DirectoryCustomization> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            return [];
        }

        // An existing directory is fine only when the customization would not change its mode or owner.
        var mkdir = directories.Select(d => new MkdirPath(
            d.Path,
            Parents: d.EnsureParents ?? false,
            ExistOk: d.Mode is null && d.User is null && d.Group is null)).ToList();
        return [Stage.Of(new MkdirOptions(mkdir)), .. ModeAndOwnerStages(directories.Select(d => (d.Path, d.Mode, d.User, d.Group)))];
    }

    /// <summary>One <c>copy</c> from inline sources (keyed by content checksum), then <c>chmod</c> and <c>chown</c>.</summary>
    public static IReadOnlyList<Stage> Files(IReadOnlyList<FileCustomization> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }

        var inputs = new Dictionary<string, StageInput>(StringComparer.Ordinal);
        var paths = new List<CopyPath>();
        foreach (var file in files)
        {
            var checksum = Convert.ToHexStringLower(SHA256.HashData(ContentOf(file)));
            var inputName = "file-" + checksum;
            inputs[inputName] = FilesInput.FromSources("sha256:" + checksum);
            paths.Add(new CopyPath($"input://{inputName}/sha256:{checksum}", "tree://" + file.Path, RemoveDestination: true));
        }

        return [Stage.Of(new CopyOptions(paths), inputs: inputs), .. ModeAndOwnerStages(files.Select(f => (f.Path, f.Mode, f.User, f.Group)))];
    }

    /// <summary>The bytes of a custom file, as the inline source carries them.</summary>
    public static byte[] ContentOf(FileCustomization file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Encoding.UTF8.GetBytes(file.Data ?? string.Empty);
    }

    /// <summary>
    /// <c>org.osbuild.ignition</c> writing the first-boot stamp to <c>/boot</c> (through <c>mount://boot/</c>, since the
    /// deployment mounts would shadow /boot), with the provisioning URLs when given; null when nothing asks for it.
    /// </summary>
    public static Stage? Ignition(FirstBootIgnitionCustomization? firstBoot)
    {
        if (firstBoot is null)
        {
            return null;
        }

        var urls = (firstBoot.Url ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (urls.Length > 0 && firstBoot.Empty == true)
        {
            throw new BibException("ignition.firstboot.url is mutually exclusive with ignition.firstboot.empty");
        }

        return urls.Length > 0 ? Stage.Of(new IgnitionOptions(urls, "mount://boot/"))
            : firstBoot.Empty == true ? Stage.Of(new IgnitionOptions(Target: "mount://boot/"))
            : null;
    }

    private static IEnumerable<Stage> ModeAndOwnerStages(IEnumerable<(string Path, string? Mode, OwnerId? User, OwnerId? Group)> nodes)
    {
        var list = nodes.ToList();
        var chmod = list.Where(n => n.Mode is not null)
            .Select(n => KeyValuePair.Create(n.Path, new ChmodItem(FsNodeCustomizations.ChmodMode(n.Mode!))))
            .ToList();
        if (chmod.Count > 0)
        {
            yield return Stage.Of(new ChmodOptions(OsbuildMap.From(chmod.DistinctBy(c => c.Key))));
        }

        var chown = list.Where(n => n.User is not null || n.Group is not null)
            .Select(n => KeyValuePair.Create(n.Path, new ChownItem(n.User, n.Group)))
            .ToList();
        if (chown.Count > 0)
        {
            yield return Stage.Of(new ChownOptions(OsbuildMap.From(chown.DistinctBy(c => c.Key))));
        }
    }

    // The schema keeps expiredate within 32 bits, the stage's type.
    private static int? ToInt(long? value) => value is null ? null : checked((int)value.Value);
}
