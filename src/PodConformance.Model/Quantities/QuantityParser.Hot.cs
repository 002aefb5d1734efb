namespace PodConformance.Model.Quantities;

/// <summary>
/// One pass over the everyday spellings (<c>100m</c>, <c>128Mi</c>, <c>1.5Gi</c>, <c>2</c>, <c>1e3</c>): an optional sign, a
/// first digit 1–9, at most 18 digits with an optional fraction, and a suffix of one of the short shapes. It builds exactly
/// the <see cref="Quantity"/> the general path builds (same representation, cached text and format), or declines and
/// leaves the input to it; QuantityHotPathTests compare the two on generated inputs.
/// </summary>
internal static partial class QuantityParser
{
    private static bool TryHot(ReadOnlySpan<char> s, string? original, out Quantity quantity)
    {
        quantity = default;
        int n = s.Length;
        int pos = 0;
        bool negative = false;
        char c = s[0];
        if (c is '-' or '+')
        {
            negative = c == '-';
            if (++pos == n)
            {
                return false;
            }

            c = s[pos];
        }

        if (c is < '1' or > '9')
        {
            return false; // leading zeros, a bare dot, errors: the general path
        }

        ulong digits = 0;
        int intDigits = 0;
        int zeroRun = 0; // trailing zeros of the digit string so far (Go's "000" suffix test)
        while (true)
        {
            uint d = (uint)(c - '0');
            if (d > 9)
            {
                break;
            }

            digits = unchecked((digits * 10) + d);
            intDigits++;
            zeroRun = d == 0 ? zeroRun + 1 : 0;
            if (++pos == n)
            {
                break;
            }

            c = s[pos];
        }

        int fracDigits = 0;
        if (pos < n && s[pos] == '.')
        {
            pos++;
            while (pos < n)
            {
                uint d = (uint)(s[pos] - '0');
                if (d > 9)
                {
                    break;
                }

                digits = unchecked((digits * 10) + d);
                fracDigits++;
                zeroRun = d == 0 ? zeroRun + 1 : 0;
                pos++;
            }
        }

        if (intDigits + fracDigits > MaxFastDigits)
        {
            return false;
        }

        if (!TryHotSuffix(s[pos..], out int exponent, out QuantityFormat format))
        {
            return false;
        }

        if (format == QuantityFormat.BinarySI)
        {
            return fracDigits == 0
                ? TryHotBinaryInteger(original, s, negative, digits, intDigits, exponent, out quantity)
                : TryHotBinaryFraction(negative, digits, fracDigits, exponent, out quantity);
        }

        int scale = exponent - fracDigits;
        if (scale < -9)
        {
            return false;
        }

        // IsCanonicalSpelling with a non-empty integer part: a scale that is a multiple of 3 and no "000" at the end.
        string? cached = scale % 3 == 0 && zeroRun < 3 ? original ?? new string(s) : null;
        long value = (long)digits;
        quantity = Quantity.FromParsedInt64(negative ? -value : value, scale, format, cached, QuantityDefects.None);
        return true;
    }

    /// <summary>The suffix shapes the hot path takes: none, one SI letter, <c>Ki</c>…<c>Ei</c>, <c>e</c>/<c>E</c> with up to 4 digits.</summary>
    private static bool TryHotSuffix(ReadOnlySpan<char> suffix, out int exponent, out QuantityFormat format)
    {
        format = QuantityFormat.DecimalSI;
        exponent = 0;
        switch (suffix.Length)
        {
            case 0:
                return true;
            case 1:
                exponent = suffix[0] switch
                {
                    'm' => -3,
                    'k' => 3,
                    'M' => 6,
                    'G' => 9,
                    'T' => 12,
                    'P' => 15,
                    'E' => 18,
                    'u' => -6,
                    'n' => -9,
                    _ => int.MinValue,
                };
                return exponent != int.MinValue;
            case 2 when suffix[1] == 'i':
                format = QuantityFormat.BinarySI;
                exponent = suffix[0] switch
                {
                    'K' => 10,
                    'M' => 20,
                    'G' => 30,
                    'T' => 40,
                    'P' => 50,
                    'E' => 60,
                    _ => int.MinValue,
                };
                return exponent != int.MinValue;
        }

        if (suffix[0] is not ('e' or 'E') || suffix.Length > 6)
        {
            return false;
        }

        format = QuantityFormat.DecimalExponent;
        int i = 1;
        bool negative = false;
        if (suffix[1] is '+' or '-')
        {
            negative = suffix[1] == '-';
            i = 2;
        }

        if (i == suffix.Length || suffix.Length - i > 4)
        {
            return false;
        }

        for (; i < suffix.Length; i++)
        {
            uint d = (uint)(suffix[i] - '0');
            if (d > 9)
            {
                return false;
            }

            exponent = (exponent * 10) + (int)d;
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }

    /// <summary>TryFastPath's BinarySI branch: Go's digit budget, the shifted value, cached when not a multiple of 8.</summary>
    private static bool TryHotBinaryInteger(string? original, ReadOnlySpan<char> s, bool negative, ulong digits, int count, int power, out Quantity quantity)
    {
        quantity = default;
        if (15 - count - (power * 3 / 10) - 1 < 0 || digits > (ulong)(long.MaxValue >> power))
        {
            return false;
        }

        long value = (long)(digits << power);
        string? cached = (digits & 7) != 0 ? original ?? new string(s) : null; // power is a multiple of 10
        quantity = Quantity.FromParsedInt64(negative ? -value : value, 0, QuantityFormat.BinarySI, cached, QuantityDefects.None);
        return true;
    }

    /// <summary>SlowPath.TryCompact for a fractional BinarySI value at least 1 (<c>1.5Gi</c>), in 64-bit integers.</summary>
    private static bool TryHotBinaryFraction(bool negative, ulong digits, int fracDigits, int power, out Quantity quantity)
    {
        quantity = default;
        if (digits == 0 || 64 - (int)ulong.LeadingZeroCount(digits) + power > 63)
        {
            return false;
        }

        ulong magnitude = digits << power;
        int exponent = -fracDigits;
        while (magnitude % 10 == 0)
        {
            magnitude /= 10;
            exponent++;
        }

        if (exponent is < -9 or > 0)
        {
            return false; // rounding to nanos, or a power of ten to check against the cap: the general path
        }

        long coefficient = (long)magnitude;
        quantity = Quantity.FromParsedCompact(negative ? -coefficient : coefficient, exponent, QuantityFormat.BinarySI, QuantityDefects.None);
        return true;
    }
}
