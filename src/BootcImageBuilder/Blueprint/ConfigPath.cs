using System.Text;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Blueprint;

/// <summary>Where a value sits in a config, written as users write it: <c>customizations.user[0].name</c>.</summary>
internal sealed partial class ConfigPath
{
    private readonly ConfigPath? parent;
    private readonly string? key;
    private readonly int index;

    private ConfigPath(ConfigPath? parent, string? key, int index)
    {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public static ConfigPath Root { get; } = new(null, null, -1);

    public bool IsRoot => parent is null;

    public ConfigPath Child(string name) => new(this, name, -1);

    public ConfigPath Item(int position) => new(this, null, position);

    public override string ToString()
    {
        if (IsRoot)
        {
            return "";
        }

        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (parent is null)
        {
            return;
        }

        parent.Append(builder);
        if (key is null)
        {
            builder.Append('[').Append(index).Append(']');
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(BareKey().IsMatch(key) ? key : GoQuote.Quote(key));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex BareKey();
}
