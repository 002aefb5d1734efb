using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission;

/// <summary>
/// Why the API server refused the create: validation's field errors (HTTP 422, <c>Invalid</c>) or an admission plugin's
/// refusal (HTTP 403, <c>Forbidden</c>, worded by apimachinery's <c>NewForbidden</c>, ADM-011).
/// </summary>
public sealed record AdmissionRejection
{
    private AdmissionRejection(string reason, string rule, string message, ValidationResult? validation)
    {
        Reason = reason;
        Rule = rule;
        Message = message;
        Validation = validation;
    }

    /// <summary><c>Invalid</c> or <c>Forbidden</c> (the Status reason).</summary>
    public string Reason { get; }

    /// <summary>The spec rule that decided the refusal (a VAL- rule's errors carry their own).</summary>
    public string Rule { get; }

    /// <summary>The Status message: <c>Pod "x" is invalid: …</c> or <c>pods "x" is forbidden: …</c>.</summary>
    public string Message { get; }

    /// <summary>The field errors of an <c>Invalid</c> refusal.</summary>
    public ValidationResult? Validation { get; }

    public bool IsInvalid => Validation is not null;

    public static AdmissionRejection Invalid(string podName, ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new AdmissionRejection("Invalid", "", validation.ToInvalidMessage("Pod", podName), validation);
    }

    /// <summary>
    /// admission.NewForbidden: <c>pods "NAME" is forbidden: DETAIL</c>, where NAME is the request's name, else the object's
    /// generateName (the name is generated only after admission), else <c>Unknown</c> (ADM-011).
    /// </summary>
    public static AdmissionRejection Forbidden(Api.Pod pod, string rule, string detail)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string name = pod.Metadata.Name.Length != 0 ? pod.Metadata.Name
            : pod.Metadata.GenerateName.Length != 0 ? pod.Metadata.GenerateName
            : "Unknown";
        return new AdmissionRejection("Forbidden", rule, "pods " + GoQuote.Quote(name) + " is forbidden: " + detail, null);
    }
}
