namespace PodConformance.Model.Quantities;

/// <summary>
/// The three spellings Kubernetes' <c>resource.Format</c> knows. A parsed quantity remembers the family
/// of its suffix and prints in it again. <see cref="DecimalExponent"/> is value 0 on purpose: Go's zero
/// <c>Quantity{}</c> has an empty Format, which the printer treats exactly like DecimalExponent.
/// </summary>
public enum QuantityFormat
{
    /// <summary><c>e</c>/<c>E</c> followed by an integer, e.g. <c>12e6</c>.</summary>
    DecimalExponent = 0,

    /// <summary>Powers of 1024: <c>Ki Mi Gi Ti Pi Ei</c>.</summary>
    BinarySI = 1,

    /// <summary>Powers of 1000: <c>n u m "" k M G T P E</c>.</summary>
    DecimalSI = 2,
}
