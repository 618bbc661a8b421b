using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Tests.Upload;

public class SecretRedactionTests
{
    [Fact]
    public void The_signing_parts_of_a_presigned_url_are_masked()
    {
        var url = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLEKEY123456%2F20261130%2Fus-east-1&X-Amz-Signature=abc123&X-Amz-Security-Token=tok";

        var redacted = SecretRedaction.Redact(url);

        Assert.Equal(
            "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-Security-Token=[REDACTED]",
            redacted);
    }

    [Fact]
    public void Access_key_ids_and_authorization_headers_are_masked()
    {
        var text = "denied for AKIAIOSFODNN7EXAMPLE; Authorization: AWS4-HMAC-SHA256 Credential=x, Signature=y";

        Assert.Equal("denied for [REDACTED]; Authorization: [REDACTED]", SecretRedaction.Redact(text));
    }

    [Fact]
    public void Text_without_secrets_is_unchanged()
    {
        const string text = "bucket 'images' not found in the given AWS account";

        Assert.Equal(text, SecretRedaction.Redact(text));
    }
}
