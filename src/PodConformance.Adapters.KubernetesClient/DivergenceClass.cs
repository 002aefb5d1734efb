namespace PodConformance.Adapters.KubernetesClient;

/// <summary>A named kind of disagreement between the library and Go, so a report lists causes, not cases.</summary>
public sealed record DivergenceClass(string Id, string Title, string Why)
{
    public static DivergenceClass HangNegativeExponent { get; } = new(
        "hang-negative-exponent-form",
        "hang: negative value in exponent form",
        "CanonicalizeString's DecimalExponent loop stops on a fractional remainder > 0, which a negative value never has: it loops forever at 100% CPU.");

    public static DivergenceClass HangHugeExponent { get; } = new(
        "hang-huge-exponent",
        "hang: exponent of 10^4 or more",
        "Exact fractions scaled by 10^|exp| one step of 3 at a time: the time grows faster than linearly with the exponent. Go answers these at once.");

    public static DivergenceClass HangOther { get; } = new(
        "hang-other",
        "hang: other input",
        "No answer within the timeout on an input neither of the other hang classes explains (near 10^3-10^4 exponents this depends on machine speed).");

    public static DivergenceClass AcceptsWhitespace { get; } = new(
        "accepts-whitespace",
        "accepts what Go rejects: whitespace",
        "The constructor trims the text and the exponent is read by int.Parse, which skips blanks; Go rejects any blank.");

    public static DivergenceClass AcceptsGroupSeparator { get; } = new(
        "accepts-group-separator",
        "accepts what Go rejects: `,` group separator",
        "The number part goes to Fraction.FromString, which reads `,` as a thousands separator: `1,5` is 15.");

    public static DivergenceClass AcceptsFraction { get; } = new(
        "accepts-fraction-syntax",
        "accepts what Go rejects: `a/b` fractions",
        "Fraction.FromString reads `1/2` as one half.");

    public static DivergenceClass AcceptsOther { get; } = new(
        "accepts-other",
        "accepts what Go rejects: other",
        "Accepted by the library, rejected by Go, for a reason none of the other classes names.");

    public static DivergenceClass RejectsDigitless { get; } = new(
        "rejects-digitless-zero",
        "rejects what Go accepts: a number without digits",
        "Go reads a lone sign or dot (`-`, `.`, `+.`) as zero; Fraction.FromString needs a digit.");

    public static DivergenceClass RejectsBigExponent { get; } = new(
        "rejects-exponent-beyond-int32",
        "rejects what Go accepts: exponent beyond int32",
        "The library reads the exponent as int32 (OverflowException, or ArgumentOutOfRangeException from Fraction.Pow); Go reads int64 and truncates.");

    public static DivergenceClass RejectsHugeNumber { get; } = new(
        "rejects-beyond-decimal",
        "rejects what Go accepts: numbers beyond System.Decimal",
        "The number part is converted through System.Decimal (about 7.9e28, 28 fraction digits): more digits throw OverflowException; Go keeps any length exactly.");

    public static DivergenceClass RejectsOther { get; } = new(
        "rejects-other",
        "rejects what Go accepts: other",
        "Rejected by the library, accepted by Go, for a reason none of the other classes names.");

    public static DivergenceClass NegativeValues { get; } = new(
        "negative-values",
        "negative values print as fractions of the largest suffix",
        "The suffix search stops on a remainder > 0, which a negative value never has, so it climbs to the largest suffix: `-1` → `-0.000000000000000001E`.");

    public static DivergenceClass HugeValues { get; } = new(
        "huge-values",
        "huge values (beyond int64) print differently",
        "Beyond 2^63 the library keeps the exact suffix (`1000E`) where Go 1.28–1.37 drops it (`1`, kubernetes/kubernetes#141249) or prints another form.");

    public static DivergenceClass ExponentForms { get; } = new(
        "exponent-forms",
        "exponent forms canonicalize differently",
        "A DecimalExponent value whose canonical form differs for a reason other than sign or size.");

    public static DivergenceClass FormatDiffers { get; } = new(
        "format-differs",
        "format differs",
        "Go turns a BinarySI value with 0 < |v| < 1 into DecimalSI (QTY-010); the library keeps the suffix's format.");

    public static DivergenceClass CanonicalOther { get; } = new(
        "canonical-other",
        "canonical form differs: other",
        "Both parse and the canonical forms differ, for a reason none of the other classes names.");

    public static DivergenceClass CachedSpelling { get; } = new(
        "cached-spelling-not-echoed",
        "cached spelling not echoed (`+1k` → `1k`)",
        "Go's String() echoes an input it judged canonical (QTY-020: `+1k`, `1E3`, `01k`); the library always prints the canonical form.");

    public static DivergenceClass ValueRounding { get; } = new(
        "value-truncates",
        "ToInt64() truncates where Go's Value() rounds up",
        "Go rounds a fractional value away from zero (`100m` → 1); ToInt64() truncates toward zero (0).");

    public static DivergenceClass ValueThrows { get; } = new(
        "value-accessor-throws",
        "ToInt64() throws beyond int64",
        "ToInt64() throws OverflowException where Go's Value() silently wraps (QTY-032).");

    /// <summary>The fixed classes in report order; exception-type classes (<see cref="ExceptionLeak"/>) follow them.</summary>
    public static IReadOnlyList<DivergenceClass> Known { get; } =
    [
        HangNegativeExponent, HangHugeExponent, HangOther,
        AcceptsWhitespace, AcceptsGroupSeparator, AcceptsFraction, AcceptsOther,
        RejectsDigitless, RejectsBigExponent, RejectsHugeNumber, RejectsOther,
        NegativeValues, HugeValues, ExponentForms, FormatDiffers, CanonicalOther,
        CachedSpelling, ValueRounding, ValueThrows,
    ];

    /// <summary>A rejection by an exception other than FormatException: a caller catching FormatException misses it.</summary>
    public static DivergenceClass ExceptionLeak(string exceptionType) => new(
        "exception-leaks-" + exceptionType,
        "exception type leaks: " + exceptionType,
        "Bad input is rejected with " + exceptionType + ", not FormatException, so `catch (FormatException)` does not catch it.");
}
