namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>Asks podman directly about images and containers, independently of the code under test.</summary>
internal static class PodmanProbe
{
    public static async Task<string> ImageIdAsync(string imageRef) =>
        (await TestImages.RunCheckedAsync("podman", "image", "inspect", imageRef, "--format", "{{.Id}}")).Trim();

    public static async Task<ulong> ImageSizeAsync(string imageRef) =>
        ulong.Parse((await TestImages.RunCheckedAsync("podman", "image", "inspect", imageRef, "--format", "{{.Size}}")).Trim());

    /// <summary>The ids of all containers (running or not) created from <paramref name="imageRef"/>.</summary>
    public static async Task<IReadOnlyList<string>> ContainersOfAsync(string imageRef) =>
        (await TestImages.RunCheckedAsync("podman", "ps", "--all", "--filter", $"ancestor={imageRef}", "--format", "{{.ID}}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
