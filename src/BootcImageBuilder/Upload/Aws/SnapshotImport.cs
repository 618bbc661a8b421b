using Amazon.EC2.Model;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>EC2's ImportSnapshot from the uploaded object, then polling until the task ends.</summary>
internal sealed class SnapshotImport(AwsClients clients, AmiUploadTuning tuning)
{
    /// <returns>The id of the snapshot the task made.</returns>
    public async Task<string> ImportAsync(string amiName, string bucket, string key, CancellationToken cancellationToken)
    {
        var started = await clients.Ec2.ImportSnapshotAsync(
            new ImportSnapshotRequest
            {
                Description = $"Image Builder AWS Import of {amiName}",
                DiskContainer = new SnapshotDiskContainer { UserBucket = new UserBucket { S3Bucket = bucket, S3Key = key } },
            },
            cancellationToken);
        var detail = await WaitAsync(started.ImportTaskId, cancellationToken);
        if (detail.Status != "completed")
        {
            throw new BibException($"Unable to import snapshot, task result: {detail.Status}, msg: {ServerText.Printable(SecretRedaction.Redact(detail.StatusMessage ?? ""))}");
        }

        return detail.SnapshotId;
    }

    /// <summary>Polls with a doubling interval until the task leaves its pending/active states.</summary>
    private async Task<SnapshotTaskDetail> WaitAsync(string taskId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(tuning.ImportTimeout);
        var interval = tuning.FirstPollInterval;
        while (true)
        {
            try
            {
                await Task.Delay(interval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BibException($"Unable to import snapshot, task {taskId} did not finish within {tuning.ImportTimeout}");
            }

            var response = await clients.Ec2.DescribeImportSnapshotTasksAsync(
                new DescribeImportSnapshotTasksRequest { ImportTaskIds = [taskId] }, cancellationToken);
            var detail = response.ImportSnapshotTasks?.FirstOrDefault(t => t.ImportTaskId == taskId)?.SnapshotTaskDetail
                ?? throw new BibException($"Unable to import snapshot, task {taskId} is unknown to EC2");
            if (detail.Status is not ("active" or "pending"))
            {
                return detail;
            }

            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, tuning.MaxPollInterval.Ticks));
        }
    }
}
