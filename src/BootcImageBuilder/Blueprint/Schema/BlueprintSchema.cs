using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>
/// Every key osbuild/blueprint v1.26 accepts (pkg/blueprint/*.go json/toml tags), with the shape of its value.
/// Keys bib never applies are still listed so that they are accepted and fully checked.
/// </summary>
internal static partial class BlueprintSchema
{
    private static readonly StringSchema Str = new();
    private static readonly BooleanSchema Bool = new();
    private static readonly IntegerSchema Int = new();
    private static readonly SizeSchema Size = new();
    private static readonly OwnerSchema OwnerUser = new()
    {
        NamePattern = UserName(),
        NameProblem = "user name must match ^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$",
    };

    private static readonly OwnerSchema OwnerGroup = new()
    {
        NamePattern = GroupName(),
        NameProblem = "group name must match ^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$",
    };
    private static readonly ArraySchema Strings = new(Str);

    // Account fields become /etc/passwd and /etc/group lines: no separator, no newline. The name rules are those
    // upstream applies to file owners; upstream leaves account names unchecked.
    private static readonly StringSchema AccountName = new() { Pattern = UserName(), PatternProblem = "user name must match ^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$" };
    private static readonly StringSchema GroupNameText = new() { Pattern = GroupName(), PatternProblem = "group name must match ^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$" };
    private static readonly StringSchema PasswdField = new() { Pattern = PasswdFieldText(), PatternProblem = "must not contain ':' or control characters" };

    // The volume id becomes xorrisofs' volid, the grub menu's search label and inst.stage2=hd:LABEL=..., so it is what
    // an ISO 9660 volume id can hold (32 characters) in the characters those lines take unquoted. Empty means the default.
    private static readonly StringSchema IsoVolumeId = new() { Pattern = IsoVolumeIdText(), PatternProblem = "an ISO 9660 volume id is at most 32 letters, digits, '.', '_' or '-'" };

    // Module names become lines of Anaconda's configuration file (activatable_modules).
    private static readonly StringSchema AnacondaModuleName = new() { Pattern = DottedName(), PatternProblem = "an Anaconda module name is a dotted name such as org.fedoraproject.Anaconda.Modules.Network" };

    public static ObjectSchema Root { get; } = new(
        ("name", Str),
        ("description", Str),
        ("version", Str),
        ("packages", new ArraySchema(Package())),
        ("modules", new ArraySchema(Package())),
        ("enabled_modules", new ArraySchema(new ObjectSchema(("name", Str), ("stream", Str)))),
        ("groups", new ArraySchema(new ObjectSchema(("name", Str)))),
        ("containers", new ArraySchema(new ObjectSchema(
            ("source", Str), ("name", Str), ("tls-verify", Bool), ("local-storage", Bool)))),
        ("customizations", Customizations()),
        ("distro", Str),
        ("architecture", Str));

    private static ObjectSchema Package() => new(("name", Str), ("version", Str));

    private static ObjectSchema Customizations() => new(
        ("hostname", Str),
        ("kernel", new ObjectSchema(("name", Str), ("append", Str))),
        ("sshkey", new ArraySchema(new ObjectSchema(("user", Str), ("key", Str)))),
        ("user", new ArraySchema(User())),
        ("group", new ArraySchema(new ObjectSchema(("name", GroupNameText), ("gid", IntegerSchema.Id)) { Required = ["name"] })),
        ("timezone", new ObjectSchema(("timezone", Str), ("ntpservers", Strings))),
        ("locale", new ObjectSchema(("languages", Strings), ("keyboard", Str))),
        ("firewall", Firewall()),
        ("services", new ObjectSchema(("enabled", Strings), ("disabled", Strings), ("masked", Strings))),
        ("filesystem", new ArraySchema(Filesystem())),
        ("disk", Disk()),
        ("installation_device", Str),
        ("partitioning_mode", Str),
        ("fdo", new ObjectSchema(
            ("manufacturing_server_url", Str),
            ("diun_pub_key_insecure", Str),
            ("diun_pub_key_hash", Str),
            ("diun_pub_key_root_certs", Str),
            ("di_mfg_string_type_mac_iface", Str))),
        ("openscap", OpenScap()),
        ("ignition", new ObjectSchema(
            ("embedded", new ObjectSchema(("config", Str))),
            ("firstboot", new ObjectSchema(("url", Str), ("empty", Bool))))),
        ("directories", new ArraySchema(Directory())),
        ("files", new ArraySchema(File())),
        ("repositories", new ArraySchema(Repository())),
        ("fips", Bool),
        ("installer", Installer()),
        ("rpm", new ObjectSchema(("import_keys", new ObjectSchema(("files", Strings))))),
        ("rhsm", Rhsm()),
        ("cacerts", new ObjectSchema(("pem_certs", Strings))),
        ("containers-storage", new ObjectSchema(("destination-path", Str))),
        ("firstboot", new ObjectSchema(("scripts", new ArraySchema(FirstbootScript())))),
        ("dnf", new ObjectSchema(("config", new ObjectSchema(("set_releasever", Bool))))),
        ("iso", new ObjectSchema(("application_id", Str), ("publisher", Str), ("volume_id", IsoVolumeId))),
        ("sshd", new ObjectSchema(
            ("password_authentication", Bool),
            ("client_alive_interval", Int),
            ("permit_root_login", Str),
            ("kbd_interactive_authentication", Bool))));

    private static ObjectSchema User() => new(
        ("name", AccountName),
        ("description", PasswdField),
        ("password", Str),
        ("key", Str),
        ("home", PasswdField),
        ("shell", PasswdField),
        ("groups", new ArraySchema(GroupNameText)),
        ("uid", IntegerSchema.Id),
        ("gid", IntegerSchema.Id),
        ("expiredate", new IntegerSchema { Minimum = int.MinValue, Maximum = int.MaxValue }),
        ("force_password_reset", Bool))
    {
        Required = ["name"],
    };

    private static ObjectSchema Filesystem() => new(("mountpoint", Str), ("minsize", Size))
    {
        Required = ["mountpoint", "minsize"],
        Aliases = new Dictionary<string, string> { ["size"] = "minsize" },
    };

    private static ObjectSchema Disk() => new(
        ("type", new StringSchema { AllowedValues = ["gpt", "dos"], EmptyMeansAbsent = true }),
        ("minsize", Size),
        ("partitions", new ArraySchema(Partition()) { MaxItems = ConfigLimits.MaxPartitions }),
        ("start_offset", new SizeSchema { AllowZero = true }));

    private static VariantObjectSchema Partition()
    {
        (string, SchemaNode)[] common =
        [
            ("minsize", Size), ("part_type", Str), ("part_label", Str), ("part_uuid", Str),
        ];
        var logicalVolume = new ObjectSchema(
            ("name", Str), ("minsize", Size), ("mountpoint", Str), ("label", Str), ("fs_type", Str))
        {
            Required = ["minsize"],
        };
        var subvolume = new ObjectSchema(("name", Str), ("mountpoint", Str));
        return new VariantObjectSchema(
            "type",
            defaultVariant: "plain",
            ignoreCase: false,
            label: "partition",
            ("plain", new ObjectSchema([.. common, ("mountpoint", Str), ("label", Str), ("fs_type", Str)]) { Required = ["minsize"] }),
            ("lvm", new ObjectSchema([.. common, ("name", Str), ("logical_volumes", new ArraySchema(logicalVolume) { MaxItems = ConfigLimits.MaxVolumes })]) { Required = ["minsize"] }),
            ("btrfs", new ObjectSchema([.. common, ("subvolumes", new ArraySchema(subvolume) { MaxItems = ConfigLimits.MaxVolumes })]) { Required = ["minsize"] }));
    }

    private static ObjectSchema Directory() => new(
        ("path", Str),
        ("user", OwnerUser),
        ("group", OwnerGroup),
        ("mode", Mode()),
        ("ensure_parents", Bool))
    {
        Required = ["path"],
    };

    private static ObjectSchema File() => new(
        ("path", Str),
        ("user", OwnerUser),
        ("group", OwnerGroup),
        ("mode", Mode()),
        ("data", Str),
        ("uri", Str))
    {
        Required = ["path"],
        Check = DataXorUri,
    };

    private static void DataXorUri(JsonObject file, ConfigPath path)
    {
        if (IsNonEmpty(file["data"]) && IsNonEmpty(file["uri"]))
        {
            throw new ConfigException(path, "data and uri cannot both be set");
        }
    }

    private static bool IsNonEmpty(JsonNode? node) => node is not null && node.GetValue<string>().Length > 0;

    private static StringSchema Mode() => new()
    {
        Pattern = OctalMode(),
        PatternProblem = "invalid mode: must be an octal number such as 0644",
    };

    [GeneratedRegex(@"^0?[0-7]{3}\z")]
    private static partial Regex OctalMode();

    private static ObjectSchema Firewall() => new(
        ("ports", Strings),
        ("services", new ObjectSchema(("enabled", Strings), ("disabled", Strings))),
        ("zones", new ArraySchema(new ObjectSchema(("name", Str), ("sources", Strings)))));

    private static ObjectSchema OpenScap() => new(
        ("datastream", Str),
        ("profile_id", Str),
        ("tailoring", new ObjectSchema(("selected", Strings), ("unselected", Strings))),
        ("json_tailoring", new ObjectSchema(("profile_id", Str), ("filepath", Str))),
        ("policy_id", Str));

    private static ObjectSchema Repository() => new(
        ("id", Str),
        ("baseurls", Strings),
        ("gpgkeys", Strings),
        ("metalink", Str),
        ("mirrorlist", Str),
        ("name", Str),
        ("priority", Int),
        ("enabled", Bool),
        ("gpgcheck", Bool),
        ("repo_gpgcheck", Bool),
        ("sslverify", Bool),
        ("module_hotfixes", Bool),
        ("filename", Str),
        ("install_from", Bool));

    private static ObjectSchema Installer() => new(
        ("unattended", Bool),
        ("sudo-nopasswd", Strings),
        ("kickstart", new ObjectSchema(("contents", Str))),
        ("modules", new ObjectSchema(("enable", new ArraySchema(AnacondaModuleName)), ("disable", new ArraySchema(AnacondaModuleName)))),
        ("bootloader", new ObjectSchema(("grub2", new ObjectSchema(("menu-timeout", Int))))));

    private static ObjectSchema Rhsm()
    {
        var plugin = new ObjectSchema(("enabled", Bool));
        return new ObjectSchema(("config", new ObjectSchema(
            ("dnf_plugins", new ObjectSchema(("product_id", plugin), ("subscription_manager", plugin))),
            ("subscription_manager", new ObjectSchema(
                ("rhsm", new ObjectSchema(("manage_repos", Bool), ("auto_enable_yum_plugins", Bool))),
                ("rhsmcertd", new ObjectSchema(("auto_registration", Bool))))))));
    }

    // Upstream keeps scripts as raw JSON and decodes them strictly by (case-insensitive) type when applying them.
    private static VariantObjectSchema FirstbootScript()
    {
        (string, SchemaNode)[] common = [("name", Str), ("ignore_failure", Bool)];
        return new VariantObjectSchema(
            "type",
            defaultVariant: null,
            ignoreCase: true,
            label: "firstboot script",
            ("custom", new ObjectSchema([.. common, ("contents", Str)]) { Required = ["contents"] }),
            ("satellite", new ObjectSchema([.. common, ("cacerts", Strings), ("command", Str)]) { Required = ["command"] }),
            ("aap", new ObjectSchema([.. common, ("cacerts", Strings), ("job_template_url", Str), ("host_config_key", Str)])
            {
                Required = ["job_template_url", "host_config_key"],
            }));
    }

    // images pkg/customizations/fsnode: usernameRegex and groupnameRegex.
    [GeneratedRegex(@"^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}\z")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}\z")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"^[^:\x00-\x1f\x7f]*\z")]
    private static partial Regex PasswdFieldText();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{0,32}\z")]
    private static partial Regex IsoVolumeIdText();

    // A D-Bus name as Anaconda's modules have (at most 255 characters).
    [GeneratedRegex(@"^(?=.{1,255}\z)[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z")]
    private static partial Regex DottedName();
}
