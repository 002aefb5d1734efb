namespace PodConformance.Model.Quantities;

/// <summary>
/// Which of Go's three sentinel errors <c>resource.ParseQuantity</c> returns. The texts are in
/// <see cref="Quantity.ErrorText(QuantityError)"/>.
/// </summary>
public enum QuantityError
{
    /// <summary>Parsed.</summary>
    None = 0,

    /// <summary><c>ErrFormatWrong</c>: empty input, or a character the scanner cannot place.</summary>
    FormatWrong = 1,

    /// <summary><c>ErrSuffix</c>: the suffix run is not one Kubernetes knows (<c>K</c>, <c>1e</c>, <c>KB</c>…).</summary>
    Suffix = 2,

    /// <summary>
    /// <c>ErrNumeric</c>: the number has no digit at all and must take the decimal path, e.g. <c>.e-10</c>
    /// (confirmed with kubectl v1.32.4).
    /// </summary>
    Numeric = 3,
}
