using System.Text.Json;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Tests.Blueprint;

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BlueprintTestJsonContext : JsonSerializerContext
{
}
