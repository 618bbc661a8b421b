using System.Text;
using BootcImageBuilder.Blueprint;
using CsCheck;

namespace BootcImageBuilder.Tests.Blueprint;

public class BlueprintMutationPropertyTests
{
    private static readonly (string Text, ConfigFormat Format)[] Seeds =
    [
        (BlueprintSamples.FullToml, ConfigFormat.Toml),
        (BlueprintJsonSample.FullJson, ConfigFormat.Json),
        ("[[customizations.user]]\nname = \"alice\"\npassword = \"pw\"\ngroups = [\"wheel\"]\n[[customizations.filesystem]]\nmountpoint = \"/\"\nminsize = \"10 GiB\"\n", ConfigFormat.Toml),
        ("""{"blueprint": {"customizations": {"disk": {"partitions": [{"type": "lvm", "minsize": "1 GiB", "logical_volumes": [{"minsize": 1, "mountpoint": "/"}]}]}}}}""", ConfigFormat.Json),
    ];

    private static readonly string[] Fragments =
    [
        "\"", "'", "[", "]", "{", "}", "=", ",", ":", "\n", "\r\n", "#", "\\", "[[x]]\n", "[customizations]\n", "0", "-1",
        "\"1 GiB\"", "\"0 kB\"", "true", "1.5", "null", "1979-05-27", "99999999999999999999", "\u2028", "\u0000", "é", "size",
        "minsize", "type", "\"lvm\"", "\"btrfs\"", "blueprint", "customizations", "user", "[]", "{}", "inf", "nan",
    ];

    [Fact]
    public void Mutated_configs_parse_or_fail_with_a_one_line_bib_error()
    {
        var gen = Gen.Select(
            Gen.Int[0, Seeds.Length - 1],
            Gen.Bool,
            Gen.Int[0, int.MaxValue].Array[1, 6]);

        gen.Sample((seed, flipFormat, operations) =>
        {
            var (text, format) = Seeds[seed];
            var mutated = Mutate(text, operations);
            var useFormat = flipFormat ? (format == ConfigFormat.Toml ? ConfigFormat.Json : ConfigFormat.Toml) : format;
            try
            {
                Assert.NotNull(BlueprintParser.Parse(mutated, useFormat, "config"));
            }
            catch (BibException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                Assert.DoesNotContain('\r', e.Message);
                Assert.True(
                    e.Message.StartsWith("cannot decode \"config\": ", StringComparison.Ordinal)
                    || e.Message == "multiple configuration objects or extra data found in \"config\"",
                    e.Message);
            }
        }, iter: 10_000);
    }

    private static string Mutate(string text, int[] operations)
    {
        var builder = new StringBuilder(text);
        foreach (var value in operations)
        {
            if (builder.Length == 0)
            {
                builder.Append(Fragments[value % Fragments.Length]);
                continue;
            }

            var position = value / 16 % builder.Length;
            var length = Math.Min(1 + (value / 7 % 24), builder.Length - position);
            switch (value % 8)
            {
                case 0:
                    builder.Remove(position, length);
                    break;
                case 1:
                    builder.Insert(position, builder.ToString(position, length));
                    break;
                case 2:
                    builder.Length = position;
                    break;
                case 3:
                    builder.Insert(position, Fragments[value / 3 % Fragments.Length]);
                    break;
                case 4:
                    builder[position] = Fragments[value / 5 % Fragments.Length][0];
                    break;
                case 5:
                    // Swap two neighbours: turns key names into near-misses (name → nmae).
                    if (position + 1 < builder.Length)
                    {
                        (builder[position], builder[position + 1]) = (builder[position + 1], builder[position]);
                    }

                    break;
                case 6:
                    ReplaceNextQuotedValue(builder, position, Fragments[value / 11 % Fragments.Length]);
                    break;
                default:
                    builder.Remove(position, 1);
                    break;
            }
        }

        return builder.ToString();
    }

    // Changes a value's type (or a key's spelling) by replacing the next "…" with another fragment.
    private static void ReplaceNextQuotedValue(StringBuilder builder, int from, string replacement)
    {
        var text = builder.ToString();
        var start = text.IndexOf('"', from);
        var end = start < 0 ? -1 : text.IndexOf('"', start + 1);
        if (end > start)
        {
            builder.Remove(start, end - start + 1).Insert(start, replacement);
        }
    }
}
