namespace PodConformance.Model.Quantities;

/// <summary>Spec rule IDs of spec/quantity.md that the parser, printer and value accessors apply.</summary>
public static class QuantityRules
{
    public const string EmptyOrZero = "QTY-001";
    public const string Scanner = "QTY-002";
    public const string Digits = "QTY-003";
    public const string SuffixRun = "QTY-004";
    public const string Suffix = "QTY-005";
    public const string Exponent = "QTY-006";
    public const string Numeric = "QTY-007";
    public const string FastPath = "QTY-008";
    public const string DecimalPath = "QTY-009";
    public const string BinaryLimits = "QTY-010";
    public const string FormatFromSuffix = "QTY-011";
    public const string CachedString = "QTY-020";
    public const string CanonicalDecimal = "QTY-021";
    public const string CanonicalBinary = "QTY-022";
    public const string ScaledValue = "QTY-030";
    public const string DecimalRounding = "QTY-031";
    public const string SilentOverflow = "QTY-032";
    public const string RoundUp = "QTY-037";

    /// <summary>A negative decimal beyond -2^63 once scaled takes Go's int64 fast path and divides its low 64 bits (QuantityDefects.NegativeFastPathWraps).</summary>
    public const string NegativeFastPathWrap = "QTY-038";
    public const string RoundTrip = "QTY-053";
}
