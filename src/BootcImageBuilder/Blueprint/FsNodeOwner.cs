using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>The <c>user</c> or <c>group</c> of a custom file or directory: a name or a numeric id.</summary>
[JsonConverter(typeof(FsNodeOwnerJsonConverter))]
public sealed record FsNodeOwner
{
    private FsNodeOwner(string? name, long? id)
    {
        Name = name;
        Id = id;
    }

    /// <summary>Set when the owner was given by name.</summary>
    public string? Name { get; }

    /// <summary>Set when the owner was given as a number.</summary>
    public long? Id { get; }

    public static FsNodeOwner ByName(string name) => new(name, null);

    public static FsNodeOwner ById(long id) => new(null, id);

    public override string ToString() => Name ?? Id!.Value.ToString();
}
