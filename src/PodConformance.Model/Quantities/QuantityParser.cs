namespace PodConformance.Model.Quantities;

/// <summary>
/// The scanner of <c>parseQuantityString</c> and the value building of <c>ParseQuantity</c>
/// (quantity.go, 1.28–1.37), written over spans. It splits the text into sign, integer digits (leading
/// zeros skipped), optional fraction and a suffix run, then takes the int64 fast path when Go does, and
/// the exact decimal path otherwise.
/// </summary>
internal static partial class QuantityParser
{
    /// <summary>Go's <c>maxInt64Factors</c> in 1.28–1.37: at most 18 digits take the fast path.</summary>
    private const int MaxFastDigits = 18;

    public static QuantityError Parse(ReadOnlySpan<char> s, string? original, out Quantity quantity)
    {
        if (!s.IsEmpty && TryHot(s, original, out quantity))
        {
            return QuantityError.None;
        }

        return ParseGeneral(s, original, out quantity);
    }

    /// <summary>Every input, without the hot path (which must agree with it wherever it answers).</summary>
    internal static QuantityError ParseGeneral(ReadOnlySpan<char> s, string? original, out Quantity quantity)
    {
        quantity = default;
        if (s.IsEmpty)
        {
            return QuantityError.FormatWrong;
        }

        if (s.Length == 1 && s[0] == '0')
        {
            quantity = Quantity.FromParsedInt64(0, 0, QuantityFormat.DecimalSI, original ?? "0", QuantityDefects.None);
            return QuantityError.None;
        }

        var parts = default(Parts);
        var scan = Scan(s, ref parts);
        if (scan != QuantityError.None)
        {
            return scan;
        }

        if (!QuantitySuffix.TryInterpret(s[parts.SuffixStart..], out var suffix))
        {
            return QuantityError.Suffix;
        }

        if (TryFastPath(s, original, parts, suffix, out quantity))
        {
            return QuantityError.None;
        }

        return SlowPath.Build(s, parts, suffix, out quantity);
    }

    /// <summary>Positions found by the scanner; an empty integer part stands for "0", as in Go.</summary>
    internal struct Parts
    {
        public bool Negative;
        public int SignEnd;
        public int IntStart;
        public int IntEnd;
        public int FracStart;
        public int FracEnd;
        public int SuffixStart;

        public readonly int IntDigits => IntEnd - IntStart;

        public readonly int FracDigits => FracEnd - FracStart;

        /// <summary>Digits Go counts: the integer part (at least "0") plus the fraction.</summary>
        public readonly int CountedDigits => Math.Max(IntDigits, 1) + FracDigits;
    }

    private static QuantityError Scan(ReadOnlySpan<char> s, ref Parts p)
    {
        int pos = 0;
        if (s[0] is '-' or '+')
        {
            p.Negative = s[0] == '-';
            pos = 1;
        }

        p.SignEnd = pos;
        while (pos < s.Length && s[pos] == '0')
        {
            pos++;
        }

        // Ran out while skipping zeros (also a lone sign): Go returns zero with no suffix.
        p.IntStart = p.IntEnd = p.FracStart = p.FracEnd = p.SuffixStart = pos;
        if (pos == s.Length)
        {
            return QuantityError.None;
        }

        pos = SkipDigits(s, pos);
        p.IntEnd = p.FracStart = p.FracEnd = pos;
        if (pos < s.Length && s[pos] == '.')
        {
            p.FracStart = pos + 1;
            pos = SkipDigits(s, pos + 1);
            p.FracEnd = pos;
        }

        p.SuffixStart = pos;
        while (pos < s.Length && QuantitySuffix.IsSuffixLetter(s[pos]))
        {
            pos++;
        }

        if (pos < s.Length && s[pos] is '+' or '-')
        {
            pos++;
        }

        pos = SkipDigits(s, pos);
        return pos == s.Length ? QuantityError.None : QuantityError.FormatWrong;
    }

    private static int SkipDigits(ReadOnlySpan<char> s, int pos)
    {
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool TryFastPath(ReadOnlySpan<char> s, string? original, in Parts p, in SuffixInfo suffix, out Quantity quantity)
    {
        quantity = default;
        int scale;
        long multiplier = 1;
        if (suffix.Format == QuantityFormat.BinarySI)
        {
            // Go's rough digit budget for powers of two: 15 - digits - exponent*3/10 - 1 >= 0, integers only.
            if (p.FracDigits != 0 || 15 - p.CountedDigits - (suffix.Exponent * 3 / 10) - 1 < 0)
            {
                return false;
            }

            multiplier = 1L << suffix.Exponent;
            scale = 0;
        }
        else
        {
            if (p.CountedDigits > MaxFastDigits)
            {
                return false;
            }

            scale = unchecked(suffix.Exponent - p.FracDigits);
            if (scale < -9)
            {
                return false;
            }
        }

        long digits = ReadDigits(s, p);
        if (!GoInt64.TryMultiply(digits, multiplier, out long result))
        {
            return false;
        }

        var defects = suffix.Defects;
        if (suffix.Format != QuantityFormat.BinarySI && scale != (long)suffix.Exponent - p.FracDigits)
        {
            defects |= QuantityDefects.ExponentTruncated; // Go's int32 scale wrapped around
        }

        string? cached = IsCanonicalSpelling(s, p, suffix, scale, digits) ? original ?? new string(s) : null;
        quantity = Quantity.FromParsedInt64(p.Negative ? -result : result, scale, suffix.Format, cached, defects);
        return true;
    }

    /// <summary>Integer digits then fraction digits as one number (at most 18 digits here).</summary>
    private static long ReadDigits(ReadOnlySpan<char> s, in Parts p)
    {
        long value = 0;
        foreach (char c in s[p.IntStart..p.IntEnd])
        {
            value = (value * 10) + (c - '0');
        }

        foreach (char c in s[p.FracStart..p.FracEnd])
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>
    /// Go's cheap "already canonical" test that decides whether the input text is cached and echoed by
    /// String(): it looks only at the digit string and the scale, never at signs, dots or leading zeros.
    /// </summary>
    private static bool IsCanonicalSpelling(ReadOnlySpan<char> s, in Parts p, in SuffixInfo suffix, int scale, long digits)
    {
        if (suffix.Format == QuantityFormat.BinarySI)
        {
            return suffix.Exponent % 10 == 0 && (digits & 7) != 0;
        }

        if (scale % 3 != 0 || p.IntDigits == 0)
        {
            return false; // an empty integer part is Go's "0", which fails the leading-digit test
        }

        int total = p.IntDigits + p.FracDigits;
        if (total < 3)
        {
            return true;
        }

        for (int i = total - 3; i < total; i++)
        {
            char c = i < p.IntDigits ? s[p.IntStart + i] : s[p.FracStart + i - p.IntDigits];
            if (c != '0')
            {
                return true;
            }
        }

        return false;
    }
}
