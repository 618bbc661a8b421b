using Amazon.EC2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// Upstream's checks before anything is built, in its order and words: the region is one the account sees, the
/// bucket is one of the account's, and the bucket's ACL grants WRITE (or FULL_CONTROL).
/// </summary>
internal sealed class UploadPreflight(AwsClients clients)
{
    public async Task CheckAsync(AmiTarget target, Action<string> status, CancellationToken cancellationToken)
    {
        status("Checking AWS region access...");
        List<string> regions;
        try
        {
            var response = await clients.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest(), cancellationToken);
            regions = (response.Regions ?? []).Select(r => r.RegionName).ToList();
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e))
        {
            throw AwsFailures.Wrap($"retrieving AWS regions for '{target.Region}' failed: ", e);
        }

        if (!regions.Contains(target.Region, StringComparer.Ordinal))
        {
            throw new BibException($"given AWS region '{target.Region}' not found");
        }

        status("Checking AWS bucket...");
        List<string> buckets;
        try
        {
            var response = await clients.S3.ListBucketsAsync(new ListBucketsRequest(), cancellationToken);
            buckets = (response.Buckets ?? []).Select(b => b.BucketName).ToList();
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e))
        {
            throw AwsFailures.Wrap("retrieving AWS list of buckets failed: ", e);
        }

        if (!buckets.Contains(target.Bucket, StringComparer.Ordinal))
        {
            throw new BibException($"bucket '{target.Bucket}' not found in the given AWS account");
        }

        status("Checking AWS bucket permissions...");
        if (!await CanWriteAsync(target.Bucket, cancellationToken))
        {
            throw new BibException($"you don't have write permissions to bucket '{target.Bucket}' with the given AWS account");
        }

        status("Upload conditions met.");
    }

    /// <summary>Like upstream, any grant of WRITE or FULL_CONTROL in the bucket's ACL counts.</summary>
    private async Task<bool> CanWriteAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            var acl = await clients.S3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken);
            return (acl.Grants ?? []).Any(g => g.Permission == S3Permission.WRITE || g.Permission == S3Permission.FULL_CONTROL);
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e))
        {
            // Upstream returns the SDK's error unwrapped here.
            throw AwsFailures.Wrap("", e);
        }
    }
}
