using Amazon.EC2.Model;
using Amazon.S3.Model;

namespace BootcImageBuilder.IntegrationTests.Upload;

/// <summary>
/// The ImportSnapshot and DescribeImportSnapshotTasks the test server adds to moto, held to what the EC2 API reference
/// documents for them, through the SDK's own parsers: a task id on import; the task "active" and then "completed"
/// with a snapshot whose volume size is the object's size in GiB rounded up; "deleted" with a status message when
/// the object is missing or its format is not the one given (or not one ImportSnapshot takes); InvalidParameter
/// when the account has no <c>vmimport</c> role; and RegisterImage keeping the mapping to the imported snapshot.
/// </summary>
public sealed class MotoImportSnapshotContractTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [SkippableFact]
    public async Task An_imported_object_becomes_a_completed_task_with_a_snapshot_sized_in_gib()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("contract");
        using (var s3 = moto.S3())
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "disk.raw", InputStream = new MemoryStream(new byte[3 << 20]) });
        }

        using var ec2 = moto.Ec2();
        var started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            Description = "contract",
            DiskContainer = new SnapshotDiskContainer { UserBucket = new UserBucket { S3Bucket = bucket, S3Key = "disk.raw" } },
        });
        var first = await DetailAsync(ec2, started.ImportTaskId);
        var second = await DetailAsync(ec2, started.ImportTaskId);

        Assert.StartsWith("import-snap-", started.ImportTaskId, StringComparison.Ordinal);
        Assert.Equal("active", first.Status);
        Assert.Equal("completed", second.Status);
        Assert.Equal(bucket, second.UserBucket.S3Bucket);
        Assert.Equal(3 << 20, second.DiskImageSize);
        var snapshot = await moto.SnapshotAsync(second.SnapshotId);
        Assert.Equal(1, snapshot.VolumeSize);
        Assert.Equal("contract", snapshot.Description);
    }

    [SkippableFact]
    public async Task A_missing_object_ends_the_task_deleted_with_a_message()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("contract");
        using var ec2 = moto.Ec2();

        var started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { UserBucket = new UserBucket { S3Bucket = bucket, S3Key = "absent" } },
        });
        await DetailAsync(ec2, started.ImportTaskId);
        var ended = await DetailAsync(ec2, started.ImportTaskId);

        Assert.Equal("deleted", ended.Status);
        Assert.Contains("does not exist", ended.StatusMessage, StringComparison.Ordinal);
        Assert.Null(ended.SnapshotId);
    }

    [SkippableTheory]
    [InlineData("VMDK", "raw")]
    [InlineData("RAW", "vmdk")]
    [InlineData(null, "qcow2")]
    public async Task A_format_other_than_the_objects_or_not_importable_ends_the_task_deleted(string? format, string content)
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("contract");
        var bytes = new byte[4096];
        (content switch { "vmdk" => "KDMV"u8, "qcow2" => [(byte)'Q', (byte)'F', (byte)'I', 0xfb], _ => [] }).CopyTo(bytes);
        using (var s3 = moto.S3())
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "disk", InputStream = new MemoryStream(bytes) });
        }

        using var ec2 = moto.Ec2();
        var started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { Format = format, UserBucket = new UserBucket { S3Bucket = bucket, S3Key = "disk" } },
        });
        await DetailAsync(ec2, started.ImportTaskId);
        var ended = await DetailAsync(ec2, started.ImportTaskId);

        Assert.Equal(("deleted", "ClientError: Disk validation failed [Unsupported specified file format]"), (ended.Status, ended.StatusMessage));
        Assert.Null(ended.SnapshotId);
    }

    [SkippableFact]
    public async Task Without_the_vmimport_role_the_call_is_refused_with_invalid_parameter()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("contract");
        using var ec2 = moto.Ec2();
        Amazon.EC2.AmazonEC2Exception? refusal = null;

        await moto.WithoutImportRoleAsync(async () => refusal = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { UserBucket = new UserBucket { S3Bucket = bucket, S3Key = "disk" } },
        })));

        Assert.Equal(("InvalidParameter", "The service role vmimport provided does not exist or does not have sufficient permissions"), (refusal!.ErrorCode, refusal.Message));
    }

    [SkippableFact]
    public async Task Registering_on_an_imported_snapshot_keeps_the_root_mapping_and_attributes()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("contract");
        using (var s3 = moto.S3())
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "disk.raw", InputStream = new MemoryStream(new byte[1024]) });
        }

        using var ec2 = moto.Ec2();
        var started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { UserBucket = new UserBucket { S3Bucket = bucket, S3Key = "disk.raw" } },
        });
        await DetailAsync(ec2, started.ImportTaskId);
        var snapshotId = (await DetailAsync(ec2, started.ImportTaskId)).SnapshotId;

        var registered = await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "contract-" + Guid.NewGuid().ToString("N"),
            Architecture = "arm64",
            VirtualizationType = "hvm",
            RootDeviceName = "/dev/xvda",
            EnaSupport = true,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshotId } }],
        });

        var image = await moto.ImageAsync(registered.ImageId);
        Assert.Equal(("arm64", "hvm", "/dev/xvda", true), (image.Architecture.Value, image.VirtualizationType.Value, image.RootDeviceName, image.EnaSupport));
        Assert.Equal(snapshotId, Assert.Single(image.BlockDeviceMappings).Ebs.SnapshotId);
    }

    private static async Task<SnapshotTaskDetail> DetailAsync(Amazon.EC2.IAmazonEC2 ec2, string taskId)
    {
        var tasks = await ec2.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest { ImportTaskIds = [taskId] });
        return Assert.Single(tasks.ImportSnapshotTasks).SnapshotTaskDetail;
    }
}
