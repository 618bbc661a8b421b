using Amazon.S3;
using Amazon.S3.Model;

namespace BootcImageBuilder.Upload.Aws;

internal static class S3Objects
{
    /// <summary>How long cleanup may take once the run failed or was interrupted.</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    /// <returns>False when the delete failed; the reason goes to the log, redacted.</returns>
    public static async Task<bool> DeleteQuietlyAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
            return true;
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e) || e is OperationCanceledException)
        {
            Serilog.Log.Warning("cannot delete S3 object {Bucket}:{Key}: {Reason}", bucket, key, SecretRedaction.Redact(e.Message));
            return false;
        }
    }
}
