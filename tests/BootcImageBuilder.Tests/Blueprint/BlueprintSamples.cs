using System.Text.Json;
using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

/// <summary>One blueprint that sets every key upstream accepts, in TOML and in JSON, and the model both must give.</summary>
internal static class BlueprintSamples
{
    public const string Secret = "hunter2-SECRET";

    public const string FullToml = $$"""
        name = "everything"
        description = "sets every key"
        version = "1.2.3"
        distro = "fedora-42"
        architecture = "x86_64"

        [[packages]]
        name = "vim"
        version = "9.*"

        [[modules]]
        name = "nodejs"

        [[enabled_modules]]
        name = "nodejs"
        stream = "20"

        [[groups]]
        name = "@core"

        [[containers]]
        source = "quay.io/x/y:latest"
        name = "y"
        tls-verify = false
        local-storage = true

        [customizations]
        hostname = "box"
        installation_device = "/dev/vda"
        partitioning_mode = "lvm"
        fips = true

        [customizations.kernel]
        name = "kernel-rt"
        append = "quiet mitigations=off"

        [[customizations.sshkey]]
        user = "root"
        key = "ssh-ed25519 AAAA root"

        [[customizations.user]]
        name = "alice"
        description = "Alice"
        password = "{{Secret}}"
        key = "ssh-ed25519 AAAA alice"
        home = "/var/home/alice"
        shell = "/bin/bash"
        groups = ["wheel", "users"]
        uid = 1000
        gid = 1001
        expiredate = 20000
        force_password_reset = true

        [[customizations.user]]
        name = "bob"

        [[customizations.group]]
        name = "devs"
        gid = 2000

        [customizations.timezone]
        timezone = "Europe/Berlin"
        ntpservers = ["pool.ntp.org"]

        [customizations.locale]
        languages = ["en_US.UTF-8"]
        keyboard = "us"

        [customizations.firewall]
        ports = ["22:tcp"]
        [customizations.firewall.services]
        enabled = ["ssh"]
        disabled = ["telnet"]
        [[customizations.firewall.zones]]
        name = "trusted"
        sources = ["10.0.0.0/8"]

        [customizations.services]
        enabled = ["sshd"]
        disabled = ["cups"]
        masked = ["bluetooth"]

        [[customizations.filesystem]]
        mountpoint = "/var/log"
        minsize = "2 GiB"

        [[customizations.filesystem]]
        mountpoint = "/var/data"
        size = 1073741824

        [customizations.disk]
        type = "gpt"
        minsize = "20 GiB"
        start_offset = "1 MiB"

        [[customizations.disk.partitions]]
        minsize = "1 GiB"
        mountpoint = "/boot"
        label = "boot"
        fs_type = "ext4"
        part_type = "bc13c2ff-59e6-4262-a352-b275fd6f7172"
        part_label = "xbootldr"
        part_uuid = "0b5a5b5e-6f1c-4b8a-9d59-3c4b8a9e2f10"

        [[customizations.disk.partitions]]
        type = "lvm"
        name = "vg00"
        minsize = "10 GiB"
        [[customizations.disk.partitions.logical_volumes]]
        name = "rootlv"
        mountpoint = "/"
        label = "root"
        fs_type = "xfs"
        minsize = "5 GiB"
        [[customizations.disk.partitions.logical_volumes]]
        name = "swaplv"
        fs_type = "swap"
        minsize = "512 MiB"

        [[customizations.disk.partitions]]
        type = "btrfs"
        minsize = "10 kB"
        [[customizations.disk.partitions.subvolumes]]
        name = "home"
        mountpoint = "/var/home"

        [customizations.fdo]
        manufacturing_server_url = "https://fdo.example.com"
        diun_pub_key_insecure = "true"
        diun_pub_key_hash = "sha256:aa"
        diun_pub_key_root_certs = "PEM"
        di_mfg_string_type_mac_iface = "eth0"

        [customizations.openscap]
        datastream = "/usr/share/xml/scap/ssg.xml"
        profile_id = "cis"
        policy_id = "p1"
        [customizations.openscap.tailoring]
        selected = ["a"]
        unselected = ["b"]
        [customizations.openscap.json_tailoring]
        profile_id = "cis-custom"
        filepath = "/etc/tailoring.json"

        [customizations.ignition.embedded]
        config = "eyJpZ25pdGlvbiI6e319"
        [customizations.ignition.firstboot]
        url = "https://ign.example.com/config.ign"
        empty = false

        [[customizations.directories]]
        path = "/etc/mydir"
        user = "root"
        group = 0
        mode = "0755"
        ensure_parents = true

        [[customizations.files]]
        path = "/etc/custom_file"
        user = 1000
        group = "wheel"
        mode = "0644"
        data = "hello"

        [[customizations.files]]
        path = "/etc/from_uri"
        uri = "file:///tmp/x"

        [[customizations.repositories]]
        id = "extra"
        baseurls = ["https://repo.example.com"]
        gpgkeys = ["KEY"]
        metalink = "https://m"
        mirrorlist = "https://ml"
        name = "Extra"
        priority = 10
        enabled = true
        gpgcheck = true
        repo_gpgcheck = false
        sslverify = true
        module_hotfixes = false
        filename = "extra.repo"
        install_from = true

        [customizations.installer]
        unattended = true
        sudo-nopasswd = ["alice", "%wheel"]
        [customizations.installer.kickstart]
        contents = "text --non-interactive"
        [customizations.installer.modules]
        enable = ["org.fedoraproject.Anaconda.Modules.Localization"]
        disable = ["org.fedoraproject.Anaconda.Modules.Users"]
        [customizations.installer.bootloader.grub2]
        menu-timeout = 5

        [customizations.rpm.import_keys]
        files = ["/etc/pki/rpm-gpg/KEY"]

        [customizations.rhsm.config.dnf_plugins.product_id]
        enabled = true
        [customizations.rhsm.config.dnf_plugins.subscription_manager]
        enabled = false
        [customizations.rhsm.config.subscription_manager.rhsm]
        manage_repos = true
        auto_enable_yum_plugins = false
        [customizations.rhsm.config.subscription_manager.rhsmcertd]
        auto_registration = true

        [customizations.cacerts]
        pem_certs = ["-----BEGIN CERTIFICATE-----"]

        [customizations.containers-storage]
        destination-path = "/usr/share/containers/storage"

        [[customizations.firstboot.scripts]]
        type = "custom"
        name = "hello"
        ignore_failure = true
        contents = "echo hi"
        [[customizations.firstboot.scripts]]
        type = "Satellite"
        command = "register"
        cacerts = ["C"]
        [[customizations.firstboot.scripts]]
        type = "aap"
        job_template_url = "https://aap/jt"
        host_config_key = "k"

        [customizations.dnf.config]
        set_releasever = true

        [customizations.iso]
        volume_id = "MYISO"
        application_id = "app"
        publisher = "me"

        [customizations.sshd]
        password_authentication = false
        client_alive_interval = 60
        permit_root_login = "prohibit-password"
        kbd_interactive_authentication = false
        """;

    /// <summary>What both samples parse to, written as canonical JSON (sizes in bytes, aliases resolved, defaults filled).</summary>
    public const string ExpectedCanonicalJson = """
        {"name":"everything","description":"sets every key","version":"1.2.3",
         "packages":[{"name":"vim","version":"9.*"}],"modules":[{"name":"nodejs"}],
         "enabled_modules":[{"name":"nodejs","stream":"20"}],"groups":[{"name":"@core"}],
         "containers":[{"source":"quay.io/x/y:latest","name":"y","tls-verify":false,"local-storage":true}],
         "customizations":{
          "hostname":"box",
          "kernel":{"name":"kernel-rt","append":"quiet mitigations=off"},
          "sshkey":[{"user":"root","key":"ssh-ed25519 AAAA root"}],
          "user":[{"name":"alice","description":"Alice","password":"hunter2-SECRET","key":"ssh-ed25519 AAAA alice",
                   "home":"/var/home/alice","shell":"/bin/bash","groups":["wheel","users"],"uid":1000,"gid":1001,
                   "expiredate":20000,"force_password_reset":true},
                  {"name":"bob","groups":[]}],
          "group":[{"name":"devs","gid":2000}],
          "timezone":{"timezone":"Europe/Berlin","ntpservers":["pool.ntp.org"]},
          "locale":{"languages":["en_US.UTF-8"],"keyboard":"us"},
          "firewall":{"ports":["22:tcp"],"services":{"enabled":["ssh"],"disabled":["telnet"]},"zones":[{"name":"trusted","sources":["10.0.0.0/8"]}]},
          "services":{"enabled":["sshd"],"disabled":["cups"],"masked":["bluetooth"]},
          "filesystem":[{"mountpoint":"/var/log","minsize":2147483648},{"mountpoint":"/var/data","minsize":1073741824}],
          "disk":{"type":"gpt","minsize":21474836480,
            "partitions":[
              {"type":"plain","minsize":1073741824,"part_type":"bc13c2ff-59e6-4262-a352-b275fd6f7172","part_label":"xbootldr",
               "part_uuid":"0b5a5b5e-6f1c-4b8a-9d59-3c4b8a9e2f10","mountpoint":"/boot","label":"boot","fs_type":"ext4"},
              {"type":"lvm","minsize":10737418240,"name":"vg00",
               "logical_volumes":[{"name":"rootlv","minsize":5368709120,"mountpoint":"/","label":"root","fs_type":"xfs"},
                                  {"name":"swaplv","minsize":536870912,"fs_type":"swap"}]},
              {"type":"btrfs","minsize":10000,"subvolumes":[{"name":"home","mountpoint":"/var/home"}]}],
            "start_offset":1048576},
          "installation_device":"/dev/vda","partitioning_mode":"lvm",
          "fdo":{"manufacturing_server_url":"https://fdo.example.com","diun_pub_key_insecure":"true","diun_pub_key_hash":"sha256:aa","diun_pub_key_root_certs":"PEM","di_mfg_string_type_mac_iface":"eth0"},
          "openscap":{"datastream":"/usr/share/xml/scap/ssg.xml","profile_id":"cis","policy_id":"p1","tailoring":{"selected":["a"],"unselected":["b"]},"json_tailoring":{"profile_id":"cis-custom","filepath":"/etc/tailoring.json"}},
          "ignition":{"embedded":{"config":"eyJpZ25pdGlvbiI6e319"},"firstboot":{"url":"https://ign.example.com/config.ign","empty":false}},
          "directories":[{"path":"/etc/mydir","user":"root","group":0,"mode":"0755","ensure_parents":true}],
          "files":[{"path":"/etc/custom_file","user":1000,"group":"wheel","mode":"0644","data":"hello"},{"path":"/etc/from_uri","uri":"file:///tmp/x"}],
          "repositories":[{"id":"extra","baseurls":["https://repo.example.com"],"gpgkeys":["KEY"],"metalink":"https://m","mirrorlist":"https://ml","name":"Extra","priority":10,"enabled":true,"gpgcheck":true,"repo_gpgcheck":false,"sslverify":true,"module_hotfixes":false,"filename":"extra.repo","install_from":true}],
          "fips":true,
          "installer":{"unattended":true,"sudo-nopasswd":["alice","%wheel"],"kickstart":{"contents":"text --non-interactive"},
            "modules":{"enable":["org.fedoraproject.Anaconda.Modules.Localization"],"disable":["org.fedoraproject.Anaconda.Modules.Users"]},
            "bootloader":{"grub2":{"menu-timeout":5}}},
          "rpm":{"import_keys":{"files":["/etc/pki/rpm-gpg/KEY"]}},
          "rhsm":{"config":{"dnf_plugins":{"product_id":{"enabled":true},"subscription_manager":{"enabled":false}},"subscription_manager":{"rhsm":{"manage_repos":true,"auto_enable_yum_plugins":false},"rhsmcertd":{"auto_registration":true}}}},
          "cacerts":{"pem_certs":["-----BEGIN CERTIFICATE-----"]},
          "containers-storage":{"destination-path":"/usr/share/containers/storage"},
          "firstboot":{"scripts":[{"type":"custom","name":"hello","ignore_failure":true,"contents":"echo hi"},{"type":"satellite","command":"register","cacerts":["C"]},{"type":"aap","job_template_url":"https://aap/jt","host_config_key":"k"}]},
          "dnf":{"config":{"set_releasever":true}},
          "iso":{"application_id":"app","publisher":"me","volume_id":"MYISO"},
          "sshd":{"password_authentication":false,"client_alive_interval":60,"permit_root_login":"prohibit-password","kbd_interactive_authentication":false}},
         "distro":"fedora-42","architecture":"x86_64"}
        """;

    /// <summary>The model as canonical JSON text, via the source-generated context.</summary>
    public static string Canonical(BlueprintConfig blueprint) =>
        JsonSerializer.Serialize(blueprint, BlueprintJsonContext.Default.BlueprintConfig);

    /// <summary>Re-serialises JSON text compactly so layouts compare equal (key order is kept).</summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, BlueprintTestJsonContext.Default.JsonElement);
    }
}
