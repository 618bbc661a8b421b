namespace BootcImageBuilder.Upload;

/// <summary>How an upload is shown; the host's progress views implement it for each <c>--progress</c> mode.</summary>
public interface IUploadView
{
    /// <summary>Where the byte count of one transfer of <paramref name="totalBytes"/> goes; null when the view shows none.</summary>
    IProgress<long>? Transfer(string label, long totalBytes);

    /// <summary>A status line of the upload's steps (<c>Registering AMI …</c>).</summary>
    void Status(string line);

    /// <summary>The line the user acts on at the end (<c>GCE image registered: NAME</c>).</summary>
    void Result(string line);
}
