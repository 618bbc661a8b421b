using System.Text.Json.Serialization;

namespace BootcImageBuilder;

/// <summary>
/// A user or group given either by name (a JSON string) or by numeric id (a JSON integer): the owner of a blueprint's
/// custom file or directory, and of a path in osbuild's chown stage.
/// </summary>
[JsonConverter(typeof(OwnerIdJsonConverter))]
public sealed record OwnerId
{
    private OwnerId(string? name, long? id)
    {
        Name = name;
        Id = id;
    }

    /// <summary>Set when the owner was given by name.</summary>
    public string? Name { get; }

    /// <summary>Set when the owner was given as a number.</summary>
    public long? Id { get; }

    public static OwnerId ByName(string name) => new(name, null);

    public static OwnerId ById(long id) => new(null, id);

    public override string ToString() => Name ?? Id!.Value.ToString();
}
