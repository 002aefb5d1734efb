namespace PodConformance.Manifests.Reading;

/// <summary>
/// SCHEMA-009: the API server's answer under <c>fieldValidation=Strict</c> (kubectl's default <c>--validate=strict</c>)
/// to an object with unknown fields. The strict serializer decodes the object and returns the strict errors beside the
/// decoded object (apimachinery <c>pkg/runtime/serializer/json/json.go</c> <c>unmarshal</c>); the create handler turns
/// them into a BadRequest before defaulting, admission or validation (apiserver <c>create.go</c>,
/// <c>transformDecodeError</c>), so the object goes no further.
/// </summary>
public static class StrictDecoding
{
    /// <summary>sigs.k8s.io/json <c>saveStrictError</c> keeps the first 100 strict errors and drops the rest.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// The unknown-field warnings of one object (<see cref="LoadedPod.UnknownFields"/>) as the strict decoder lists them:
    /// in the order it meets them in the object kubectl sends (<see cref="UnknownFieldPath.CompareInDecoderOrder"/>), the
    /// first <see cref="MaxErrors"/> only.
    /// </summary>
    public static IReadOnlyList<ManifestDiagnostic> InDecoderOrder(IReadOnlyList<ManifestDiagnostic> unknownFields)
    {
        ArgumentNullException.ThrowIfNull(unknownFields);
        var sorted = new List<ManifestDiagnostic>(unknownFields.Count);
        foreach (var d in unknownFields)
        {
            if (d.UnknownField is not null)
            {
                sorted.Add(d);
            }
        }

        // A stable sort is not needed: two unknown fields of one object never share a path (repeated keys are collapsed first, SCHEMA-008).
        sorted.Sort((x, y) => UnknownFieldPath.CompareInDecoderOrder(x.UnknownField, y.UnknownField));
        if (sorted.Count > MaxErrors)
        {
            sorted.RemoveRange(MaxErrors, sorted.Count - MaxErrors);
        }

        return sorted;
    }

    /// <summary>
    /// The BadRequest's message: <c>Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field
    /// "spec.a", unknown field "spec.b"</c>. apiserver <c>transformDecodeError</c> formats <c>%s in version %q cannot be
    /// handled as a %s: %v</c> with the kind, the version of the object's apiVersion (<c>v1</c> for <c>apps/v1</c>) and
    /// the kind again; apimachinery <c>strictDecodingError.Error</c> is <c>strict decoding error: </c> and the errors
    /// joined by <c>, </c>; each error is <c>unknown field</c> and the quoted path.
    /// </summary>
    public static string BadRequestMessage(string kind, string apiVersion, IReadOnlyList<ManifestDiagnostic> inDecoderOrder)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(inDecoderOrder);
        string version = apiVersion[(apiVersion.LastIndexOf('/') + 1)..];
        var sb = new System.Text.StringBuilder();
        sb.Append(kind).Append(" in version ").Append(Model.Validation.GoQuote.Quote(version)).Append(" cannot be handled as a ").Append(kind).Append(": strict decoding error: ");
        for (int i = 0; i < inDecoderOrder.Count; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(inDecoderOrder[i].Message);
        }

        return sb.ToString();
    }
}
