using System.Text.Json.Serialization;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>The part of Compute's <c>Image</c> resource that <c>images.insert</c> is given.</summary>
internal sealed record ComputeImage(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rawDisk")] ComputeRawDisk RawDisk,
    [property: JsonPropertyName("guestOsFeatures")] IReadOnlyList<ComputeGuestOsFeature> GuestOsFeatures);

internal sealed record ComputeRawDisk(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("containerType")] string ContainerType);

internal sealed record ComputeGuestOsFeature([property: JsonPropertyName("type")] string Type);

/// <summary>Compute's <c>Operation</c> resource, as far as waiting on it needs.</summary>
internal sealed record ComputeOperation
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary><c>PENDING</c>, <c>RUNNING</c> or <c>DONE</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    [JsonPropertyName("error")]
    public ComputeOperationError? Error { get; init; }

    [JsonPropertyName("httpErrorStatusCode")]
    public int? HttpErrorStatusCode { get; init; }

    [JsonPropertyName("httpErrorMessage")]
    public string? HttpErrorMessage { get; init; }

    public bool IsDone => Status == "DONE";
}

internal sealed record ComputeOperationError
{
    [JsonPropertyName("errors")]
    public IReadOnlyList<ComputeErrorItem> Errors { get; init; } = [];
}

internal sealed record ComputeErrorItem
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

/// <summary>The body of a failed Compute request: <c>{"error": {"code": 409, "message": "…"}}</c>.</summary>
internal sealed record ComputeErrorResponse
{
    [JsonPropertyName("error")]
    public ComputeErrorBody? Error { get; init; }
}

internal sealed record ComputeErrorBody
{
    [JsonPropertyName("code")]
    public int Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComputeImage))]
[JsonSerializable(typeof(ComputeOperation))]
[JsonSerializable(typeof(ComputeErrorResponse))]
internal sealed partial class ComputeJsonContext : JsonSerializerContext;
