namespace PodConformance.Manifests.Reading;

/// <summary>
/// A create request's <c>fieldValidation</c> (SCHEMA-009; metav1 <c>FieldValidationIgnore/Warn/Strict</c>): what the API
/// server does with an unknown field. kubectl's <c>--validate</c> sets it (default <c>strict</c>); a request that names
/// none gets <c>Warn</c>, which is podconf's default answer.
/// </summary>
public enum FieldValidation
{
    /// <summary>The plain decoder: the field is dropped and nothing is reported.</summary>
    Ignore,

    /// <summary>The strict decoder's errors become warnings; the object is created without the field.</summary>
    Warn,

    /// <summary>The strict decoder's errors refuse the create with a BadRequest (<see cref="StrictDecoding"/>).</summary>
    Strict,
}
