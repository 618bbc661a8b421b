namespace BootcImageBuilder.Cli.Tests.Completion;

/// <summary>
/// <c>bootc-image-builder completion bash|zsh|fish</c>: each printed script is loaded into the real shell and its
/// completion function is called the way the shell calls it, with the tool answering through <c>__complete</c>.
/// </summary>
public class ShellCompletionTests
{
    private static readonly string[] ImageTypeNames =
        ["ami", "anaconda-iso", "bootc-installer", "gce", "iso", "ova", "pxe-tar-xz", "qcow2", "raw", "vhd", "vmdk"];

    [SkippableFact]
    public async Task Bash_completes_subcommands_type_values_flags_and_values_after_equals()
    {
        using var bash = await StartOrSkipAsync("bash");
        // What bash does on TAB: COMP_WORDS split at COMP_WORDBREAKS ("=" is one), COMP_CWORD the word under the cursor.
        var program = $$"""
            source '{{bash.ScriptPath}}'
            complete -p bootc-image-builder
            ask() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _bootc_image_builder; echo "${COMPREPLY[*]}"; }
            ask bootc-image-builder ''
            ask bootc-image-builder manifest --type ''
            ask bootc-image-builder --type = q
            ask bootc-image-builder manifest --no
            ask bootc-image-builder --progress ''
            """;

        var lines = await bash.RunAsync(program, "--norc", "--noprofile");

        Assert.Equal("complete -o default -F _bootc_image_builder bootc-image-builder", lines[0]);
        Assert.Equal("build manifest version completion upload", lines[1]);
        Assert.Equal(string.Join(' ', ImageTypeNames), lines[2]);
        Assert.Equal("qcow2", lines[3]);
        Assert.Equal("--no-default-kernel-args", lines[4]);
        Assert.Equal("auto debug json term verbose", lines[5]);
    }

    [SkippableFact]
    public async Task Zsh_completes_type_values_and_keeps_the_flag_on_an_equals_word()
    {
        using var zsh = await StartOrSkipAsync("zsh");
        // compinit provides compdef; compadd is only callable inside a completion widget, so a function stands in
        // for it and prints the candidates it is handed.
        var program = $$"""
            autoload -U compinit && compinit -u -d '{{zsh.WorkDirectory}}/zcompdump'
            source '{{zsh.ScriptPath}}'
            compadd() { while [ "$1" != "--" ]; do shift; done; shift; print -r -- "$*"; }
            words=(bootc-image-builder manifest --type ''); CURRENT=4; _bootc-image-builder
            words=(bootc-image-builder --type=q); CURRENT=2; _bootc-image-builder
            words=(bootc-image-builder ver); CURRENT=2; _bootc-image-builder
            """;

        var lines = await zsh.RunAsync(program, "-f");

        Assert.Equal([string.Join(' ', ImageTypeNames), "--type=qcow2", "version"], lines);
    }

    [SkippableFact]
    public async Task Fish_completes_subcommands_type_values_and_equals_words()
    {
        using var fish = await StartOrSkipAsync("fish");
        var program = $"""
            source '{fish.ScriptPath}'
            echo (complete -C 'bootc-image-builder man')
            echo (complete -C 'bootc-image-builder --type ')
            echo (complete -C 'bootc-image-builder build --progress=j')
            """;

        var lines = await fish.RunAsync(program, "--no-config");

        Assert.Equal(["manifest", string.Join(' ', ImageTypeNames), "--progress=json"], lines);
    }

    [Fact]
    public async Task An_unknown_shell_is_one_error_line()
    {
        var result = await BibProcess.RunAsync(["completion", "tcsh"]);

        Assert.Equal("unsupported shell \"tcsh\" (one of bash, zsh, fish)", result.SingleErrorLine());
        Assert.Empty(result.Stdout);
    }

    private static async Task<ShellSession> StartOrSkipAsync(string shell)
    {
        if (ShellSession.Find(shell) is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{shell} is not installed (scripts/setup-host.sh installs it)");
            Skip.If(true, $"{shell} is not installed");
        }

        return await ShellSession.StartAsync(shell);
    }
}
