using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

public class BlueprintSecretTests
{
    private const string Secret = BlueprintSamples.Secret;

    public static TheoryData<string, ConfigFormat> BrokenConfigsHoldingThePassword => new()
    {
        { $"[[customizations.user]]\nname = \"a\"\npassword = {Secret}\n", ConfigFormat.Toml },
        { $"[[customizations.user]]\nname = \"a\"\npassword = \"{Secret}\n", ConfigFormat.Toml },
        { $"[[customizations.user]]\nname = \"a\"\npassword = \"{Secret}\"\npassword = \"{Secret}\"\n", ConfigFormat.Toml },
        { $"[[customizations.user]]\npassword = \"{Secret}\"\n", ConfigFormat.Toml },
        { $"[[customizations.user]]\nname = \"a\"\npassword = \"{Secret}\"\nuid = \"{Secret}\"\n", ConfigFormat.Toml },
        { $"[[customizations.user]]\nname = \"a\"\npassword = [\"{Secret}\"]\n", ConfigFormat.Toml },
        { $$$"""{"customizations": {"user": [{"name": "a", "password": {{{Secret}}}}]}}""", ConfigFormat.Json },
        { $$$"""{"customizations": {"user": [{"name": "a", "password": "{{{Secret}}}"}]}} {{{Secret}}}""", ConfigFormat.Json },
        { $$$"""{"customizations": {"user": [{"name": "a", "password": ["{{{Secret}}}"]}]}}""", ConfigFormat.Json },
        { $$$"""{"customizations": {"user": [{"name": "a", "password": "{{{Secret}}}", "pasword": "{{{Secret}}}"}]}}""", ConfigFormat.Json },
        { "{\"customizations\": {\"disk\": {\"minsize\": \"" + Secret + "\"}}}", ConfigFormat.Json },
    };

    [Theory]
    [MemberData(nameof(BrokenConfigsHoldingThePassword))]
    public void Password_never_appears_in_an_error(string text, ConfigFormat format)
    {
        var error = Assert.Throws<BibException>(() => BlueprintParser.Parse(text, format, "config"));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void User_to_string_hides_the_password()
    {
        var user = new UserCustomization { Name = "alice", Password = Secret };

        Assert.Equal("UserCustomization { Name = alice, Password = ***, Uid = , Gid =  }", user.ToString());
    }
}
