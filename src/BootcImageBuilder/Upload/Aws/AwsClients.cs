using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// The S3 and EC2 clients for one region. Credentials come from the SDK's default chain only (environment,
/// profile files, SSO, container and instance roles). Endpoints come from the SDK's standard settings:
/// <c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL_EC2</c> or <c>endpoint_url</c> in the
/// profile. When S3's endpoint is such a custom one, requests use path-style addressing
/// (<c>http://host/bucket/key</c>): emulators such as moto and most S3-compatible gateways serve no per-bucket
/// host names.
/// </summary>
internal sealed class AwsClients : IDisposable
{
    private AwsClients(AmazonS3Client s3, AmazonEC2Client ec2)
    {
        S3 = s3;
        Ec2 = ec2;
    }

    public IAmazonS3 S3 { get; }

    public IAmazonEC2 Ec2 { get; }

    public static AwsClients ForRegion(string region)
    {
        var endpoint = RegionEndpoint.GetBySystemName(region);
        var s3Config = new AmazonS3Config
        {
            RegionEndpoint = endpoint,
            // The SDK's flexible checksums would send each part aws-chunked with a trailer; S3MultipartUpload
            // sends each part's CRC32 in a header instead.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var s3 = new AmazonS3Client(s3Config);
        // The SDK fills ServiceURL from the endpoint variables or the profile when the client is made.
        if (!string.IsNullOrEmpty(s3.Config.ServiceURL))
        {
            s3Config.ForcePathStyle = true;
        }

        var ec2 = new AmazonEC2Client(new AmazonEC2Config { RegionEndpoint = endpoint });
        return new AwsClients(s3, ec2);
    }

    public void Dispose()
    {
        S3.Dispose();
        Ec2.Dispose();
    }
}
