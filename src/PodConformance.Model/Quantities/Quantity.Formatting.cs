using System.Globalization;
using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>
/// Printing: Go's <c>String()</c> (cached input text, else canonical) and <c>CanonicalizeBytes</c>.
/// </summary>
public readonly partial struct Quantity
{
    /// <summary>
    /// What the API server prints: the input text when Go cached it (<c>+100m</c>, <c>1.253</c>,
    /// <c>01k</c> come back verbatim), otherwise <see cref="ToCanonicalString"/>.
    /// </summary>
    public override string ToString() => _text ?? ToCanonicalString();

    /// <summary>
    /// The canonical form computed afresh: no fractional digits, the largest exponent that loses nothing,
    /// in the value's format (<c>1.5Gi</c> → <c>1536Mi</c>, <c>0.1m</c> → <c>100u</c>). Reproduces the
    /// dropped-suffix defect (<c>1000E</c> → <c>1</c>).
    /// </summary>
    public string ToCanonicalString() => Canonical(out _);

    private bool SuffixWouldBeDropped()
    {
        Canonical(out bool dropped);
        return dropped;
    }

    private string Canonical(out bool suffixDropped)
    {
        suffixDropped = false;
        if (IsZero)
        {
            return "0";
        }

        var format = _format;
        if (format == QuantityFormat.BinarySI)
        {
            if (CompareToInt64(-1024) > 0 && CompareToInt64(1024) < 0)
            {
                format = QuantityFormat.DecimalSI; // small values are clearer without Ki
            }
            else if (TryBinaryCanonical(out string? binary, out suffixDropped))
            {
                return binary;
            }
            else
            {
                format = QuantityFormat.DecimalSI; // a fraction of a unit would be lost: don't round
            }
        }

        return !IsDecimal ? Int64Decimal(format, out suffixDropped) : BigDecimal(AsBig(), format, out suffixDropped);
    }

    private string Int64Decimal(QuantityFormat format, out bool suffixDropped)
    {
        long mantissa = GoInt64.RemoveFactors(_value, 10, out int times);
        int exponent = unchecked(_scale + times);
        int lower = (exponent % 3) switch
        {
            1 or -2 => 1,
            2 or -1 => 2,
            _ => 0,
        };
        if (lower != 0)
        {
            mantissa = GoInt64.PositiveScale(mantissa, lower, out bool ok);
            if (!ok)
            {
                return BigDecimal(AsBig(), format, out suffixDropped);
            }

            exponent = unchecked(exponent - lower);
        }

        Span<char> buffer = stackalloc char[40];
        mantissa.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        written += WriteDecimalSuffix(buffer[written..], exponent, format, out suffixDropped);
        return new string(buffer[..written]);
    }

    private static string BigDecimal(BigAmount big, QuantityFormat format, out bool suffixDropped)
    {
        int exponent = unchecked((int)big.Exponent); // Go keeps this exponent in an int32
        int zeros = 0;
        while (exponent % 3 != 0)
        {
            zeros++;
            exponent = unchecked(exponent - 1);
        }

        Span<char> suffix = stackalloc char[16];
        int length = WriteDecimalSuffix(suffix, exponent, format, out suffixDropped);
        if (big.DigitText is { } digits)
        {
            // Linear in the digit count: the digits as parsed, the zeros that lower the exponent, the suffix.
            return string.Concat(big.Sign < 0 ? "-" : "", digits, zeros == 0 ? "" : new string('0', zeros), new string(suffix[..length]));
        }

        var mantissa = big.Coefficient * GoInt64.Pow10[zeros];
        return string.Concat(mantissa.ToString(CultureInfo.InvariantCulture), suffix[..length]);
    }

    /// <summary>DecimalSI letter, or <c>e&lt;n&gt;</c>; a DecimalSI exponent outside n…E gets no suffix at all (#141249).</summary>
    private static int WriteDecimalSuffix(Span<char> destination, int exponent, QuantityFormat format, out bool suffixDropped)
    {
        suffixDropped = false;
        if (format == QuantityFormat.DecimalSI)
        {
            suffixDropped = !QuantitySuffix.TryGetDecimalSI(exponent, out string letter);
            letter.AsSpan().CopyTo(destination);
            return letter.Length;
        }

        if (exponent == 0)
        {
            return 0;
        }

        destination[0] = 'e';
        exponent.TryFormat(destination[1..], out int written, default, CultureInfo.InvariantCulture);
        return written + 1;
    }

    /// <summary>BinarySI: an exact integer with its factors of 1024 moved into Ki…Ei.</summary>
    private bool TryBinaryCanonical([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text, out bool suffixDropped)
    {
        text = null;
        suffixDropped = false;
        if (!IsDecimal)
        {
            long value = _value;
            int scale = _scale;
            if (scale < 0)
            {
                value = GoInt64.NegativeScale(value, unchecked(-scale), out bool exact);
                scale = 0;
                if (!exact)
                {
                    return false;
                }
            }

            long whole = GoInt64.PositiveScale(value, scale, out bool fits);
            if (fits)
            {
                text = Int64Binary(whole, out suffixDropped);
                return true;
            }

            return TryBigBinary(BigAmount.FromInt64(value, scale), out text, out suffixDropped);
        }

        if (_compactDecimal)
        {
            // The compact decimal form (1.5Gi): an integer when its exponent, trailing zeros removed, is not negative,
            // as in TryBigBinary.
            long coefficient = _value;
            int exponent = _scale;
            while (exponent < 0 && coefficient % 10 == 0)
            {
                coefficient /= 10;
                exponent++;
            }

            if (exponent < 0)
            {
                return false;
            }

            long whole = GoInt64.PositiveScale(coefficient, exponent, out bool fits);
            if (fits)
            {
                text = Int64Binary(whole, out suffixDropped);
                return true;
            }
        }

        return TryBigBinary(AsBig(), out text, out suffixDropped);
    }

    /// <summary>An integer with its factors of 1024 (its trailing zero bits, ten at a time) moved into Ki…Ei.</summary>
    private static string Int64Binary(long whole, out bool suffixDropped)
    {
        int power = 0;
        if (whole != 0 && whole != long.MinValue)
        {
            power = BitOperations.TrailingZeroCount(whole) / 10;
            whole >>= 10 * power; // arithmetic shift: exact, the low bits are zero
        }

        suffixDropped = !QuantitySuffix.TryGetBinarySI(power, out string suffix);
        Span<char> buffer = stackalloc char[24];
        whole.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        suffix.AsSpan().CopyTo(buffer[written..]);
        return new string(buffer[..(written + suffix.Length)]);
    }

    private static bool TryBigBinary(BigAmount big, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text, out bool suffixDropped)
    {
        text = null;
        suffixDropped = false;
        if (big.Exponent < 0)
        {
            return false;
        }

        if (big.Order > BigAmount.MaxExactDigits)
        {
            // Go would write out 10^Exponent and not finish; say the exact value in exponent form.
            text = BigDecimal(big, QuantityFormat.DecimalExponent, out _);
            return true;
        }

        var whole = big.Coefficient * BigInteger.Pow(10, (int)big.Exponent);
        int power = (int)(BigInteger.TrailingZeroCount(BigInteger.Abs(whole)) / 10);
        var mantissa = whole >> (10 * power);
        suffixDropped = !QuantitySuffix.TryGetBinarySI(power, out string suffix);
        text = string.Concat(mantissa.ToString(CultureInfo.InvariantCulture), suffix);
        return true;
    }
}
