namespace PodConformance.Model.Quantities;

/// <summary>
/// Upstream defects that affect a particular value. The model reproduces them (it mirrors what the API
/// server does); the flags let a caller warn that Kubernetes' answer is surprising or wrong.
/// See spec/quantity.md, section "Defects", for issue numbers and the versions each holds for.
/// </summary>
[Flags]
public enum QuantityDefects
{
    /// <summary>Nothing surprising.</summary>
    None = 0,

    /// <summary>
    /// The canonical DecimalSI exponent is outside n…E (10^-9…10^18), so Kubernetes prints the mantissa
    /// with no suffix at all: <c>1000E</c> prints <c>1</c> (kubernetes/kubernetes #141249, 1.28–1.37).
    /// Same for a BinarySI multiple of 2^70 or more.
    /// </summary>
    SuffixDropped = 1,

    /// <summary>
    /// Negative, non-integral, held in the arbitrary-precision form: <c>Value()</c>/<c>MilliValue()</c>
    /// truncate toward zero and then add one, instead of rounding away from zero as the int64 form does.
    /// </summary>
    NegativeRoundingByRepresentation = 2,

    /// <summary>The <c>e</c>/<c>E</c> exponent (or the scale arithmetic on it) did not fit Go's int32 and wrapped.</summary>
    ExponentTruncated = 4,

    /// <summary>A BinarySI value above 2^63-1 in magnitude was silently capped to 2^63-1 when parsed.</summary>
    BinarySICapped = 8,

    /// <summary>
    /// An integral value that fits int64 but is held in decimal form (e.g. 19 digits), so
    /// <c>AsInt64</c> reports false (kubernetes/kubernetes #135487; fixed on master by #141938, after 1.37).
    /// </summary>
    AsInt64Refused = 16,

    /// <summary>
    /// Go would materialise a power of ten with more than 10^8 digits for this value and does not finish
    /// in practice; the model answers with the exact mathematical result instead.
    /// </summary>
    UpstreamIntractable = 32,

    /// <summary>
    /// Negative, held in decimal form, and below -2^63 at Go's internal scale (e.g. <c>-9223372036854775807</c>,
    /// held as that × 10^9): <c>Value()</c>/<c>MilliValue()</c> take Go's scale-down fast path, whose signed
    /// <c>unscaled &lt; MaxInt64</c> test admits any negative, and divide the low 64 bits of the out-of-range integer
    /// (<c>big.Int.Int64()</c>), so Kubernetes answers a meaningless number (here 1 and 1000). Spec QTY-038.
    /// </summary>
    NegativeFastPathWraps = 64,
}
