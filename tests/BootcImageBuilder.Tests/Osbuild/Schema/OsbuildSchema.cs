namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// Assertion helpers for tests that produce manifests. They skip the calling <c>[SkippableFact]</c> when neither
/// <c>../shared/osbuild-schemas</c> nor an installed osbuild (<c>/usr/lib/osbuild</c>) is available.
/// </summary>
public static class OsbuildSchema
{
    public const string MissingSchemasReason =
        "osbuild schemas not found: neither ../shared/osbuild-schemas next to the repository nor /usr/lib/osbuild exists";

    private static readonly Lazy<OsbuildSchemaValidator?> DefaultValidator =
        new(() => OsbuildSchemaCatalog.Default is { } catalog ? new OsbuildSchemaValidator(catalog) : null);

    /// <summary>The validator over the located schemas; skips the test when there are none.</summary>
    public static OsbuildSchemaValidator RequireValidator()
    {
        Skip.If(DefaultValidator.Value is null, MissingSchemasReason);
        return DefaultValidator.Value!;
    }

    /// <summary>Fails with every error osbuild would report for <paramref name="manifestJson"/>.</summary>
    public static void AssertValid(string manifestJson)
    {
        var errors = RequireValidator().Validate(manifestJson);
        Assert.True(errors.Count == 0, "manifest is not valid for osbuild:\n" + string.Join('\n', errors));
    }

    /// <summary>The errors osbuild would report; skips the test when no schemas are available.</summary>
    public static IReadOnlyList<SchemaValidationError> Errors(string manifestJson) => RequireValidator().Validate(manifestJson);
}
