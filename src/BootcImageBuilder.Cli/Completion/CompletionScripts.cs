namespace BootcImageBuilder.Cli.Completion;

/// <summary>
/// The scripts <c>bootc-image-builder completion SHELL</c> prints. Each one hands the words typed so far to
/// <c>bootc-image-builder __complete</c> and offers the lines it prints, so completions always match the installed
/// tool (its image types, flags and subcommands) without regenerating the script.
/// </summary>
internal static class CompletionScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "validated by the completion command"),
    };

    // COMP_WORDS splits "--type=qc" into "--type" "=" "qc"; __complete understands that split, and readline
    // completes only the text after "=", so the candidates are inserted as they come.
    private const string Bash = """
        # bash completion for bootc-image-builder
        # Load it now:     source <(bootc-image-builder completion bash)
        # or for good:     bootc-image-builder completion bash > /etc/bash_completion.d/bootc-image-builder
        _bootc_image_builder() {
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]/#=/}"))
        }
        complete -o default -F _bootc_image_builder bootc-image-builder

        """;

    private const string Zsh = """
        #compdef bootc-image-builder
        # zsh completion for bootc-image-builder
        # Load it now:     source <(bootc-image-builder completion zsh)
        # or for good:     bootc-image-builder completion zsh > "${fpath[1]}/_bootc-image-builder"
        _bootc-image-builder() {
            local -a candidates
            candidates=("${(@f)$("${words[1]}" __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
            compadd -Q -- "${(@)candidates:#}"
        }
        if [ "$funcstack[1]" = "_bootc-image-builder" ]; then
            _bootc-image-builder "$@"
        else
            compdef _bootc-image-builder bootc-image-builder
        fi

        """;

    private const string Fish = """
        # fish completion for bootc-image-builder
        # Load it now:     bootc-image-builder completion fish | source
        # or for good:     bootc-image-builder completion fish > ~/.config/fish/completions/bootc-image-builder.fish
        function __bootc_image_builder_complete
            set -l words (commandline -opc)
            bootc-image-builder __complete $words[2..-1] (commandline -ct) 2>/dev/null
        end
        complete -c bootc-image-builder -f -a '(__bootc_image_builder_complete)'

        """;
}
