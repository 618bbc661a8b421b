using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>A provider's validated <c>build</c> flags, which make its upload target.</summary>
internal interface IUploadSettings
{
    /// <param name="targetArch">The architecture the image is built for.</param>
    IUploadTarget CreateTarget(Arch targetArch);
}
