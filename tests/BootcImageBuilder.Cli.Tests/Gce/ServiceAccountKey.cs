using System.Security.Cryptography;
using System.Text.Json;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// A service-account key made at test time: a fresh RSA key and the JSON file Google hands out, whose
/// <c>token_uri</c> names the test server. Application-default credentials load it through GOOGLE_APPLICATION_CREDENTIALS.
/// </summary>
internal sealed class ServiceAccountKey : IDisposable
{
    public ServiceAccountKey(Uri tokenUri)
    {
        TokenUri = tokenUri;
        Rsa = RSA.Create(2048);
        PrivateKeyPem = Rsa.ExportPkcs8PrivateKeyPem();
        Directory = System.IO.Directory.CreateTempSubdirectory("bib-gce-key-").FullName;
        FilePath = Path.Combine(Directory, "service-account.json");
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "bib-test-project",
            ["private_key_id"] = KeyId,
            ["private_key"] = PrivateKeyPem,
            ["client_email"] = ClientEmail,
            ["client_id"] = "100000000000000000001",
            ["token_uri"] = tokenUri.ToString(),
        });
        File.WriteAllText(FilePath, json);
    }

    public string KeyId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string ClientEmail => "bib-uploader@bib-test-project.iam.gserviceaccount.com";

    public Uri TokenUri { get; }

    public RSA Rsa { get; }

    public string PrivateKeyPem { get; }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>Lines of the PEM body: none of them may ever appear in the tool's output.</summary>
    public IEnumerable<string> PrivateKeyFragments =>
        PrivateKeyPem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal));

    public void Dispose()
    {
        Rsa.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
