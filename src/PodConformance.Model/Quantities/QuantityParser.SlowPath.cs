using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>The exact decimal path of <c>ParseQuantity</c>, for values the int64 form does not take.</summary>
internal static partial class SlowPath
{
    /// <summary>Beyond this many digits of alignment Go's inf.Dec rounding does not finish in practice.</summary>
    private const long IntractableDigits = 100_000_000;

    public static QuantityError Build(ReadOnlySpan<char> s, in QuantityParser.Parts p, in SuffixInfo suffix, out Quantity quantity)
    {
        quantity = default;

        // Go hands the text before the suffix to inf.Dec.SetString, which wants at least one digit
        // (leading zeros count). ".e-10" has none: the one way to reach ErrNumeric.
        if (p.IntEnd == p.SignEnd && p.FracDigits == 0)
        {
            return QuantityError.Numeric;
        }

        if (TryCompact(s, p, suffix, out quantity))
        {
            return QuantityError.None;
        }

        var defects = suffix.Defects;
        var coefficient = ReadCoefficient(s, p, out int trailingZeros, out string? digitText);

        // inf.Dec scale after SetString is the fraction length; Go then adds -exponent in int32.
        int goScale = p.FracDigits;
        long exponent;
        if (suffix.Base == 10)
        {
            int shifted = unchecked(goScale - suffix.Exponent);
            if (shifted != (long)goScale - suffix.Exponent)
            {
                defects |= QuantityDefects.ExponentTruncated;
            }

            goScale = shifted;
            exponent = -(long)goScale + trailingZeros;
        }
        else
        {
            coefficient <<= suffix.Exponent;
            exponent = -(long)goScale + trailingZeros;
        }

        if (p.Negative)
        {
            coefficient = -coefficient;
        }

        var amount = BigAmount.Create(coefficient, exponent, goScale);
        if (amount.Sign != 0)
        {
            if (Math.Abs(9 - (long)goScale) > IntractableDigits)
            {
                defects |= QuantityDefects.UpstreamIntractable;
            }

            var rounded = amount.RoundUpToNano();
            amount = digitText is not null && suffix.Base == 10 && rounded.Coefficient == amount.Coefficient
                ? rounded.WithDigitText(digitText)
                : rounded;
        }

        var format = suffix.Format;
        if (format == QuantityFormat.BinarySI)
        {
            if (amount.MagnitudeExceeds(long.MaxValue))
            {
                amount = BigAmount.Create(amount.Sign * new BigInteger(long.MaxValue), 0, 0);
                defects |= QuantityDefects.BinarySICapped;
            }
            else if (amount.IsProperFraction)
            {
                format = QuantityFormat.DecimalSI; // avoids printing a fraction of a Ki
            }
        }

        quantity = Quantity.FromParsedBig(amount, format, defects);
        return QuantityError.None;
    }

    /// <summary>The significant digits as an integer, with trailing zeros counted rather than parsed.</summary>
    /// <summary>Inputs with at least this many significant digits keep them as text for printing (BigAmount.DigitText).</summary>
    private const int KeepDigitTextFrom = 1000;

    private static BigInteger ReadCoefficient(ReadOnlySpan<char> s, in QuantityParser.Parts p, out int trailingZeros, out string? digitText)
    {
        digitText = null;
        var integer = s[p.IntStart..p.IntEnd];
        var fraction = s[p.FracStart..p.FracEnd];
        trailingZeros = 0;
        if (fraction.TrimEnd('0').IsEmpty)
        {
            trailingZeros = fraction.Length;
            fraction = default;
            var trimmed = integer.TrimEnd('0');
            trailingZeros += integer.Length - trimmed.Length;
            integer = trimmed;
        }
        else
        {
            var trimmed = fraction.TrimEnd('0');
            trailingZeros = fraction.Length - trimmed.Length;
            fraction = trimmed;
        }

        if (integer.IsEmpty && fraction.IsEmpty)
        {
            trailingZeros = 0;
            return BigInteger.Zero;
        }

        if (fraction.IsEmpty)
        {
            digitText = KeepText(integer);
            return BigInteger.Parse(integer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (integer.IsEmpty)
        {
            digitText = KeepText(fraction);
            return BigInteger.Parse(fraction, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        }

        var digits = new char[integer.Length + fraction.Length];
        integer.CopyTo(digits);
        fraction.CopyTo(digits.AsSpan(integer.Length));
        digitText = KeepText(digits);
        return BigInteger.Parse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The significant digits (leading zeros dropped) as text, for long inputs only.</summary>
    private static string? KeepText(ReadOnlySpan<char> digits)
    {
        var significant = digits.TrimStart('0');
        return significant.Length >= KeepDigitTextFrom ? new string(significant) : null;
    }
}
