using System.Text;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>The table of hostile configs: each is refused before podman runs, with our message and no secret.</summary>
public static class HostileConfigCases
{
    /// <summary>Put on every line a config may break, so a message quoting the line would show it.</summary>
    public const string Secret = "s3cr3tPW";

    private const string Toml = "c.toml";
    private const string Json = "c.json";
    private const string TooLargeSize = "size is larger than the largest disk image (8 EiB)";

    public static TheoryData<ConfigCase> All()
    {
        var data = new TheoryData<ConfigCase>();
        foreach (var item in Cases())
        {
            data.Add(item);
        }

        return data;
    }

    private static IEnumerable<ConfigCase> Cases() =>
        [.. Files(), .. Encodings(), .. TomlSecrets(), .. Depth(), .. Sizes(), .. Ids(), .. Owners(), .. Accounts(), .. Installer(), .. Counts()];

    private static ConfigCase T(string name, string toml, string expected) => new(name, Toml, Encoding.UTF8.GetBytes(toml), Decode(Toml, expected));

    private static ConfigCase J(string name, string json, string expected) => new(name, Json, Encoding.UTF8.GetBytes(json), Decode(Json, expected));

    private static string Decode(string file, string expected) => $"cannot decode \"{file}\": {expected}";

    private static IEnumerable<ConfigCase> Files() =>
    [
        new("fifo", Toml, [], "read c.toml: is a named pipe, not a regular file") { Kind = EntryKind.Fifo },
        new("directory", Toml, [], "read c.toml: is a directory") { Kind = EntryKind.Directory },
        new("link to /dev/zero", Toml, [], "read c.toml: is a device, not a regular file") { Kind = EntryKind.Symlink, LinkTarget = "/dev/zero" },
        new("link to /dev/null", Json, [], "read c.json: is a device, not a regular file") { Kind = EntryKind.Symlink, LinkTarget = "/dev/null" },
        new("link to /dev/urandom", Json, [], "read c.json: is a device, not a regular file") { Kind = EntryKind.Symlink, LinkTarget = "/dev/urandom" },
        new("link to a directory", Toml, [], "read c.toml: is a directory") { Kind = EntryKind.Symlink, LinkTarget = "/" },
        new("dangling link", Toml, [], "open c.toml: no such file or directory") { Kind = EntryKind.Symlink, LinkTarget = "/nonexistent/x.toml" },
        new("link to itself", Toml, [], "open c.toml: Too many levels of symbolic links") { Kind = EntryKind.Symlink, LinkTarget = "c.toml" },
        new("missing file", Toml, [], "open c.toml: no such file or directory") { Kind = EntryKind.Missing },
        new("missing file with a newline in its name", "a\nb.toml", [], "open \"a\\nb.toml\": no such file or directory") { Kind = EntryKind.Missing },
        new("over 1 MiB", Toml, Encoding.UTF8.GetBytes("# " + new string('x', 1024 * 1024) + "\n"), "read c.toml: is larger than 1048576 bytes"),
        new("over 1 MiB of JSON whitespace", Json, Encoding.UTF8.GetBytes("{" + new string(' ', 1024 * 1024) + "}"), "read c.json: is larger than 1048576 bytes"),
        new("unknown extension", "c.yaml", Encoding.UTF8.GetBytes("name: x"), "unsupported file extension for \"c.yaml\""),
        new("no extension", "config", Encoding.UTF8.GetBytes("{}"), "unsupported file extension for \"config\""),
    ];

    private static IEnumerable<ConfigCase> Encodings() =>
    [
        new("invalid UTF-8", Toml, [.. "name = \""u8, 0xff, 0xfe, .. "\"\n"u8], "read c.toml: is not valid UTF-8 text"),
        new("UTF-16 with a byte order mark", Json, [0xff, 0xfe, (byte)'{', 0, (byte)'}', 0], "read c.json: is not valid UTF-8 text"),
        new("overlong UTF-8 slash", Toml, [.. "name = \""u8, 0xc0, 0xaf, .. "\"\n"u8], "read c.toml: is not valid UTF-8 text"),
        new("UTF-8 encoded surrogate", Json, [.. "{\"name\":\""u8, 0xed, 0xa0, 0x80, .. "\"}"u8], "read c.json: is not valid UTF-8 text"),
        J("unpaired high surrogate escape", """{"name": "\ud800"}""", "name: the string holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"),
        J("unpaired low surrogate escape", """{"name": "\udc00x"}""", "name: the string holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"),
        J("reversed surrogate pair", """{"customizations": {"user": [{"name": "a", "password": "\udc00\ud800"}]}}""", "customizations.user[0].password: the string holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"),
        J("empty JSON", "", "unexpected end of JSON input"),
        J("JSON of whitespace only", " \n\t ", "unexpected end of JSON input"),
        J("two JSON objects", "{}{}", "multiple configuration objects or extra data found in \"c.json\"")
            with { Expected = "multiple configuration objects or extra data found in \"c.json\"" },
        J("NUL byte in JSON", "{\"name\": \"a\0b\"}", "invalid JSON at line 1, column 12"),
        J("JSON comment", "{/* " + Secret + " */}", "invalid JSON at line 1, column 2"),
        J("JSON with a trailing comma", "{\"name\": \"" + Secret + "\",}", "invalid JSON at line 1, column 21"),
        J("JSON single quotes", "{'name': '" + Secret + "'}", "invalid JSON at line 1, column 2"),
        J("JSON bare word", Secret, "invalid JSON at line 1, column 1"),
        J("duplicate JSON key", """{"name": "a", "name": "b"}""", "name: duplicate key"),
        T("NUL byte in TOML", "name = \"a\0b\"\n", "invalid TOML at line 1, column 8: an invalid character"),
        T("TOML date", "version = 1979-05-27\n", "version: date/time values are not accepted anywhere in a blueprint"),
        T("TOML of JSON", "{\"name\": \"x\"}", "invalid TOML at line 1, column 1: unexpected token"),
    ];

    private static IEnumerable<ConfigCase> TomlSecrets()
    {
        string User(string passwordLine) => $"[[customizations.user]]\nname = \"alice\"\n{passwordLine}\n";
        return
        [
            T("unterminated basic string", User($"password = \"{Secret}"), "invalid TOML at line 3, column 21: a string is not closed on its line"),
            T("unterminated literal string", User($"password = '{Secret}"), "invalid TOML at line 3, column 21: a string is not closed on its line"),
            T("unterminated multi-line string", User($"password = \"\"\"{Secret}"), "invalid TOML at line 3, column 23: the document ends inside a value"),
            T("bare word value", User($"password = {Secret}"), "invalid TOML at line 3, column 12: unexpected token"),
            T("invalid escape", User($"password = \"{Secret}\\q\""), "invalid TOML at line 3, column 22: a string holds an invalid escape sequence"),
            T("invalid unicode escape", User($"password = \"{Secret}\\uZZZZ\""), "invalid TOML at line 3, column 23: a string holds an invalid escape sequence"),
            T("two values on a line", User($"password = \"{Secret}\" \"{Secret}\""), "invalid TOML at line 3, column 23: unexpected token"),
            T("missing equals", User($"password \"{Secret}\""), "invalid TOML at line 3, column 10: syntax error"),
            T("secret as a key", User($"{Secret} {Secret}"), "invalid TOML at line 3, column 10: syntax error"),
            T("secret in a table header", $"[{Secret}\nx = 1\n", "invalid TOML at line 1, column 10: unexpected token"),
            T("duplicate key with a secret", User($"password = \"{Secret}\"\npassword = \"{Secret}\""), "invalid TOML at line 4, column 1: a key or table is defined twice"),
            T("secret after a value", User($"password = \"a\" {Secret}"), "invalid TOML at line 3, column 16: unexpected token"),
            T("control character in a string", User($"password = \"{Secret}\u0001\""), "invalid TOML at line 3, column 12: an invalid character"),
            J("secret in a JSON syntax error", $$$"""{"customizations": {"user": [{"name": "a", "password": "{{{Secret}}}}]}}""", "invalid JSON at line 1, column 69"),
            J("secret where a number belongs", $$$"""{"customizations": {"user": [{"name": "a", "uid": "{{{Secret}}}"}]}}""", "customizations.user[0].uid: expected an integer, got a string"),
            J("secret as an unknown key's value", $$$"""{"customizations": {"user": [{"name": "a", "passwd": "{{{Secret}}}"}]}}""", "customizations.user[0].passwd: unknown key; did you mean customizations.user[0].password?"),
        ];
    }

    private static IEnumerable<ConfigCase> Depth()
    {
        static string Nested(string open, string close, int depth) =>
            string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth));
        return
        [
            T("TOML arrays 33 deep", "a = " + Nested("[", "]", 33) + "\n", "invalid TOML: values are nested more than 32 levels deep"),
            T("TOML arrays 100000 deep", "a = " + Nested("[", "]", 100_000) + "\n", "invalid TOML: values are nested more than 32 levels deep"),
            T("TOML inline tables 40 deep", "a = " + Nested("{b = ", "}", 40).Replace("{b = }", "{b = 1}", StringComparison.Ordinal) + "\n", "invalid TOML: values are nested more than 32 levels deep"),
            J("JSON arrays 33 deep", "{\"a\": " + Nested("[", "]", 33) + "}", "invalid JSON at line 1, column 38: values are nested more than 32 levels deep"),
            J("JSON arrays 100000 deep", "{\"a\": " + Nested("[", "]", 100_000) + "}", "invalid JSON at line 1, column 38: values are nested more than 32 levels deep"),
            J("JSON objects 100000 deep", Nested("{\"a\":", "}", 100_000), "invalid JSON at line 1, column 161: values are nested more than 32 levels deep"),
        ];
    }

    private static IEnumerable<ConfigCase> Sizes()
    {
        string Disk(string minsize) => $$$$"""{"customizations": {"disk": {"minsize": {{{{minsize}}}}}}}""";
        string Fs(string minsize) => $$$"""{"customizations": {"filesystem": [{"mountpoint": "/", "minsize": {{{minsize}}}}]}}""";
        string Part(string type, string minsize) => $$$$"""{"customizations": {"disk": {"partitions": [{"type": "{{{{type}}}}", "minsize": {{{{minsize}}}}}]}}}""";
        const string DiskPath = "customizations.disk.minsize: ";
        return
        [
            J("size 2^64-1", Disk("18446744073709551615"), DiskPath + TooLargeSize),
            J("size within 1 MiB of 2^64", Disk("18446744073709000000"), DiskPath + TooLargeSize),
            J("size int64 max", Disk("9223372036854775807"), DiskPath + TooLargeSize),
            J("size 2^63 as a string", Disk("\"8388608 TiB\""), DiskPath + TooLargeSize),
            J("size 2^64 as a string", Disk("\"16777216 TiB\""), DiskPath + "the size is too large"),
            J("size of 40 digits", Disk("\"1234567890123456789012345678901234567890\""), DiskPath + "the size is too large"),
            J("size above 2^64", Disk("18446744073709551616"), DiskPath + "size must be a whole number of bytes that fits in 64 bits"),
            J("size 1e30", Disk("1e30"), DiskPath + "size must be a whole number of bytes that fits in 64 bits"),
            J("fractional size", Disk("1.5"), DiskPath + "size must be a whole number of bytes that fits in 64 bits"),
            J("negative size", Disk("-1"), DiskPath + "size cannot be negative"),
            J("negative size string", Disk("\"-1 GiB\""), DiskPath + "size cannot be negative"),
            J("zero size", Disk("0"), DiskPath + "size must be greater than zero"),
            J("size with an unknown unit", Disk("\"1 PiB\""), DiskPath + "unknown data size unit (a whole number, optionally followed by kB, KiB, MB, MiB, GB, GiB, TB or TiB)"),
            J("size with no number", Disk("\"GiB\""), DiskPath + "the size contains no number"),
            J("size with unicode digits", Disk("\"١٢٣ GiB\""), DiskPath + "the size contains no number"),
            J("size as a boolean", Disk("true"), DiskPath + "expected a size (a whole number of bytes, or a string such as \"20 GiB\"), got a boolean"),
            J("huge start offset", """{"customizations": {"disk": {"start_offset": 9223372036854775807}}}""", "customizations.disk.start_offset: " + TooLargeSize),
            J("huge filesystem size", Fs("18446744073709551615"), "customizations.filesystem[0].minsize: " + TooLargeSize),
            J("huge plain partition", Part("plain", "18446744073709551615"), "customizations.disk.partitions[0].minsize: " + TooLargeSize),
            J("huge lvm partition", Part("lvm", "18446744073709551615"), "customizations.disk.partitions[0].minsize: " + TooLargeSize),
            J("huge btrfs partition", Part("btrfs", "18446744073709551615"), "customizations.disk.partitions[0].minsize: " + TooLargeSize),
            J("huge logical volume", """{"customizations": {"disk": {"partitions": [{"type": "lvm", "minsize": 1, "logical_volumes": [{"minsize": "9000000 TiB"}]}]}}}""", "customizations.disk.partitions[0].logical_volumes[0].minsize: " + TooLargeSize),
            T("TOML size above int64", "[customizations.disk]\nminsize = 18446744073709551615\n", "invalid TOML at line 2, column 11: an integer is malformed or out of range"),
            T("TOML zero size", "[customizations.disk]\nminsize = 0\n", DiskPath + "size must be greater than zero"),
        ];
    }

    private static IEnumerable<ConfigCase> Ids()
    {
        const string Range = "must be a whole number from 0 to 4294967294";
        string User(string field, string value) => $$$"""{"customizations": {"user": [{"name": "a", "{{{field}}}": {{{value}}}}]}}""";
        return
        [
            J("uid 2^32-1", User("uid", "4294967295"), "customizations.user[0].uid: " + Range),
            J("uid 2^32", User("uid", "4294967296"), "customizations.user[0].uid: " + Range),
            J("uid int64 max", User("uid", "9223372036854775807"), "customizations.user[0].uid: " + Range),
            J("uid above int64", User("uid", "9223372036854775808"), "customizations.user[0].uid: " + Range),
            J("uid 1e20", User("uid", "1e20"), "customizations.user[0].uid: " + Range),
            J("negative uid", User("uid", "-1"), "customizations.user[0].uid: " + Range),
            J("fractional uid", User("uid", "1.5"), "customizations.user[0].uid: expected an integer, got a number"),
            J("gid 2^32", User("gid", "4294967296"), "customizations.user[0].gid: " + Range),
            J("group gid -5", """{"customizations": {"group": [{"name": "g", "gid": -5}]}}""", "customizations.group[0].gid: " + Range),
            J("expiredate beyond 32 bits", User("expiredate", "2147483648"), "customizations.user[0].expiredate: must be a whole number from -2147483648 to 2147483647"),
            T("TOML uid 2^31", "[[customizations.user]]\nname = \"a\"\nuid = 99999999999\n", "customizations.user[0].uid: " + Range),
        ];
    }

    private static IEnumerable<ConfigCase> Owners()
    {
        const string UserRule = "user name must match ^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$";
        const string GroupRule = "group name must match ^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$";
        string File(string field, string value) => $$$"""{"customizations": {"files": [{"path": "/etc/x", "data": "x", "{{{field}}}": {{{value}}}}]}}""";
        string Dir(string field, string value) => $$$"""{"customizations": {"directories": [{"path": "/etc/d", "{{{field}}}": {{{value}}}}]}}""";
        return
        [
            J("file user with a newline", File("user", "\"root\\nx\""), "customizations.files[0].user: " + UserRule),
            J("file user ending in a newline", File("user", "\"root\\n\""), "customizations.files[0].user: " + UserRule),
            J("file user with a colon", File("user", "\"root:0\""), "customizations.files[0].user: " + UserRule),
            J("file user with a slash", File("user", "\"../root\""), "customizations.files[0].user: " + UserRule),
            J("file user empty", File("user", "\"\""), "customizations.files[0].user: " + UserRule),
            J("file user starting with a dash", File("user", "\"-r\""), "customizations.files[0].user: " + UserRule),
            J("file user of 33 characters", File("user", "\"" + new string('a', 33) + "\""), "customizations.files[0].user: " + UserRule),
            J("file user uid 2^32", File("user", "4294967296"), "customizations.files[0].user: must be a whole number from 0 to 4294967294"),
            J("file user negative", File("user", "-1"), "customizations.files[0].user: id cannot be negative"),
            J("file group with a newline", File("group", "\"wheel\\n\""), "customizations.files[0].group: " + GroupRule),
            J("file group with a dot", File("group", "\"a.b\""), "customizations.files[0].group: " + GroupRule),
            J("file group with a colon", File("group", "\":0\""), "customizations.files[0].group: " + GroupRule),
            J("directory user with a space", Dir("user", "\"a b\""), "customizations.directories[0].user: " + UserRule),
            J("directory user with a NUL", Dir("user", "\"a\\u0000\""), "customizations.directories[0].user: " + UserRule),
            J("directory group with unicode", Dir("group", "\"grüppe\""), "customizations.directories[0].group: " + GroupRule),
            J("directory group gid 2^32-1", Dir("group", "4294967295"), "customizations.directories[0].group: must be a whole number from 0 to 4294967294"),
            J("file mode with a newline", File("mode", "\"0644\\n\""), "customizations.files[0].mode: invalid mode: must be an octal number such as 0644"),
        ];
    }

    private static IEnumerable<ConfigCase> Accounts()
    {
        const string UserRule = "user name must match ^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$";
        const string GroupRule = "group name must match ^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$";
        const string Passwd = "must not contain ':' or control characters";
        string User(string field, string value) => $$$"""{"customizations": {"user": [{"name": "a", "{{{field}}}": {{{value}}}}]}}""";
        return
        [
            J("user name with a newline", """{"customizations": {"user": [{"name": "a\nroot::0:0::/:/bin/sh"}]}}""", "customizations.user[0].name: " + UserRule),
            J("user name with a colon", """{"customizations": {"user": [{"name": "a:b"}]}}""", "customizations.user[0].name: " + UserRule),
            J("user home with a colon", User("home", "\"/home/a:0\""), "customizations.user[0].home: " + Passwd),
            J("user shell with a newline", User("shell", "\"/bin/sh\\nroot\""), "customizations.user[0].shell: " + Passwd),
            J("user description with a colon", User("description", "\"a:b\""), "customizations.user[0].description: " + Passwd),
            J("user group with a newline", User("groups", "[\"wheel\\n\"]"), "customizations.user[0].groups[0]: " + GroupRule),
            J("group name with a colon", """{"customizations": {"group": [{"name": "g:x"}]}}""", "customizations.group[0].name: " + GroupRule),
        ];
    }

    private static IEnumerable<ConfigCase> Installer()
    {
        const string VolumeIdRule = "an ISO 9660 volume id is at most 32 letters, digits, '.', '_' or '-'";
        const string ModuleRule = "an Anaconda module name is a dotted name such as org.fedoraproject.Anaconda.Modules.Network";
        return
        [
            J("iso volume id with a newline", """{"customizations": {"iso": {"volume_id": "LABEL\nset root=(hd0)"}}}""", "customizations.iso.volume_id: " + VolumeIdRule),
            J("iso volume id with a space", """{"customizations": {"iso": {"volume_id": "a b"}}}""", "customizations.iso.volume_id: " + VolumeIdRule),
            J("iso volume id with a quote", """{"customizations": {"iso": {"volume_id": "a'b"}}}""", "customizations.iso.volume_id: " + VolumeIdRule),
            J("iso volume id of 33 characters", $$$$"""{"customizations": {"iso": {"volume_id": "{{{{new string('A', 33)}}}}"}}}""", "customizations.iso.volume_id: " + VolumeIdRule),
            T("iso volume id with an escape sequence", "[customizations.iso]\nvolume_id = \"A\\u001b[2J\"\n", "customizations.iso.volume_id: " + VolumeIdRule),
            J("installer module with a newline", """{"customizations": {"installer": {"modules": {"enable": ["org.fedoraproject.Anaconda.Modules.Network\n[Anaconda]"]}}}}""", "customizations.installer.modules.enable[0]: " + ModuleRule),
            J("installer module with a slash", """{"customizations": {"installer": {"modules": {"disable": ["../../etc/x"]}}}}""", "customizations.installer.modules.disable[0]: " + ModuleRule),
            J("installer module empty", """{"customizations": {"installer": {"modules": {"enable": [""]}}}}""", "customizations.installer.modules.enable[0]: " + ModuleRule),
            J("installer module with a space", """{"customizations": {"installer": {"modules": {"enable": ["a b"]}}}}""", "customizations.installer.modules.enable[0]: " + ModuleRule),
        ];
    }

    private static IEnumerable<ConfigCase> Counts()
    {
        static string Repeat(string item, int count) => string.Join(",", Enumerable.Repeat(item, count));
        return
        [
            J("121 partitions", $$$$"""{"customizations": {"disk": {"partitions": [{{{{Repeat("""{"minsize": 1048576, "mountpoint": "/var/x"}""", 121)}}}}]}}}""", "customizations.disk.partitions: too many items: at most 120 are allowed"),
            J("129 logical volumes", $$$$"""{"customizations": {"disk": {"partitions": [{"type": "lvm", "minsize": 1, "logical_volumes": [{{{{Repeat("""{"minsize": 1}""", 129)}}}}]}]}}}""", "customizations.disk.partitions[0].logical_volumes: too many items: at most 128 are allowed"),
            J("129 subvolumes", $$$$"""{"customizations": {"disk": {"partitions": [{"type": "btrfs", "minsize": 1, "subvolumes": [{{{{Repeat("""{"name": "a"}""", 129)}}}}]}]}}}""", "customizations.disk.partitions[0].subvolumes: too many items: at most 128 are allowed"),
            J("1025 users", $$$"""{"customizations": {"user": [{{{Repeat("""{"name": "a"}""", 1025)}}}]}}""", "customizations.user: too many items: at most 1024 are allowed"),
            J("1025 files", $$$"""{"customizations": {"files": [{{{Repeat("""{"path": "/etc/a"}""", 1025)}}}]}}""", "customizations.files: too many items: at most 1024 are allowed"),
            J("1025 kernel args in packages", $$$"""{"packages": [{{{Repeat("""{"name": "a"}""", 1025)}}}]}""", "packages: too many items: at most 1024 are allowed"),
        ];
    }
}
