using Amazon.EC2;
using Amazon.EC2.Model;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>Tags the imported snapshot, registers the AMI on it (hvm, <c>/dev/sda1</c>, ENA) and tags the AMI, as upstream does.</summary>
internal sealed class AmiRegistration(AwsClients clients)
{
    private const string RootDevice = "/dev/sda1";

    public async Task<string> RegisterAsync(AmiTarget target, string snapshotId, CancellationToken cancellationToken)
    {
        List<Tag> tags = [new Tag("Name", target.AmiName)];
        await clients.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [snapshotId], Tags = tags }, cancellationToken);
        var registered = await clients.Ec2.RegisterImageAsync(
            new RegisterImageRequest
            {
                Name = target.AmiName,
                Architecture = new ArchitectureValues(target.Ec2Architecture),
                VirtualizationType = "hvm",
                RootDeviceName = RootDevice,
                EnaSupport = true,
                BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = RootDevice, Ebs = new EbsBlockDevice { SnapshotId = snapshotId } }],
            },
            cancellationToken);
        await clients.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [registered.ImageId], Tags = tags }, cancellationToken);
        return registered.ImageId;
    }
}
