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

    [Theory]
    [InlineData("Bearer ya29.a0AfH6SMBx-secret was refused", "Bearer [REDACTED] was refused")]
    [InlineData("PUT https://storage.googleapis.com/upload/storage/v1/b/b/o?uploadType=resumable&upload_id=ADPycdvSECRET failed",
        "PUT https://storage.googleapis.com/upload/storage/v1/b/b/o?uploadType=resumable&upload_id=[REDACTED] failed")]
    [InlineData("GET https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=abcdef0123",
        "GET https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=[REDACTED]")]
    [InlineData("{\"access_token\": \"opaque-value\", \"expires_in\": 3599}", "{\"access_token\":\"[REDACTED]\", \"expires_in\": 3599}")]
    [InlineData("token ya29.c.b0Aaekm1K is bad", "token [REDACTED] is bad")]
    [InlineData("assertion eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJzYUBwIn0.c2lnbmF0dXJl end", "assertion [REDACTED] end")]
    [InlineData("key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY----- end", "key [REDACTED] end")]
    [InlineData("The specified bucket does not exist.", "The specified bucket does not exist.")]
    public void Google_tokens_keys_and_session_ids_are_masked(string text, string redacted) =>
        Assert.Equal(redacted, SecretRedaction.Redact(text));

    [Fact]
    public void One_text_with_both_clouds_secrets_loses_all_of_them()
    {
        const string text = "copy from https://b.s3.amazonaws.com/k?X-Amz-Signature=abc123 by AKIAIOSFODNN7EXAMPLE to gs://b?upload_id=ADPycdvSECRET with Bearer ya29.a0AfH6SMBx-secret";

        Assert.Equal(
            "copy from https://b.s3.amazonaws.com/k?X-Amz-Signature=[REDACTED] by [REDACTED] to gs://b?upload_id=[REDACTED] with Bearer [REDACTED]",
            SecretRedaction.Redact(text));
    }

    [Fact]
    public void A_bearer_token_in_an_authorization_header_is_masked_with_the_header()
    {
        Assert.Equal("Authorization: [REDACTED]", SecretRedaction.Redact("Authorization: Bearer ya29.a0AfH6SMBx-secret"));
    }
}
