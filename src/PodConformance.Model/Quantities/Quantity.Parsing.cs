using System.Diagnostics.CodeAnalysis;

namespace PodConformance.Model.Quantities;

/// <summary>Parsing: Go's hand-written scanner, not the regular expression quoted in its error text.</summary>
public readonly partial struct Quantity
{
    private const string FormatWrongText = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    private const string SuffixText = "unable to parse quantity's suffix";
    private const string NumericText = "unable to parse numeric part of quantity";

    /// <summary>Kubernetes' error text for each sentinel error (quantity.go, ErrFormatWrong/ErrSuffix/ErrNumeric).</summary>
    public static string ErrorText(QuantityError error) => error switch
    {
        QuantityError.None => string.Empty,
        QuantityError.FormatWrong => FormatWrongText,
        QuantityError.Suffix => SuffixText,
        QuantityError.Numeric => NumericText,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    /// <summary>Parses like <c>resource.MustParse</c>, throwing Kubernetes' error text.</summary>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var quantity, out var error) ? quantity : throw new QuantityFormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Quantity quantity) => TryParse(text, out quantity, out _);

    /// <summary>
    /// Parses like <c>resource.ParseQuantity</c>. Allocation-free when the value fits the int64 form: if
    /// Go would cache the input as the printed text, the input string itself is the cache.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quantity quantity, out QuantityError error)
    {
        if (text is null)
        {
            quantity = default;
            error = QuantityError.FormatWrong;
            return false;
        }

        error = QuantityParser.Parse(text.AsSpan(), text, out quantity);
        return error == QuantityError.None;
    }

    /// <summary>As the string overload; a cached input text is copied into a new string.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity, out QuantityError error)
    {
        error = QuantityParser.Parse(text, null, out quantity);
        return error == QuantityError.None;
    }

    internal static Quantity FromParsedInt64(long value, int scale, QuantityFormat format, string? text, QuantityDefects defects) =>
        new(value, scale, format, text, defects);

    internal static Quantity FromParsedCompact(long coefficient, int exponent, QuantityFormat format, QuantityDefects defects) =>
        new(coefficient, exponent, 9, format, defects);

    internal static Quantity FromParsedBig(BigAmount big, QuantityFormat format, QuantityDefects defects) =>
        new(big, format, defects);
}
