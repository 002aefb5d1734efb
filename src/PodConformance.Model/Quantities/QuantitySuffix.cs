namespace PodConformance.Model.Quantities;

/// <summary>What a suffix means: value = number × base^exponent, printed in <see cref="Format"/>.</summary>
internal readonly record struct SuffixInfo(int Base, int Exponent, QuantityFormat Format, QuantityDefects Defects);

/// <summary>
/// The suffix tables of suffix.go (1.28–1.37): decimal SI <c>n u m "" k M G T P E</c>, binary SI
/// <c>Ki … Ei</c>, and <c>e</c>/<c>E</c> + a Go int64 that is then truncated to int32.
/// </summary>
internal static class QuantitySuffix
{
    /// <summary>Letters the scanner accepts in a suffix run: <c>eEinumkKMGTP</c>.</summary>
    public static bool IsSuffixLetter(char c) => c is 'e' or 'E' or 'i' or 'n' or 'u' or 'm' or 'k' or 'K' or 'M' or 'G' or 'T' or 'P';

    public static bool TryInterpret(ReadOnlySpan<char> suffix, out SuffixInfo info)
    {
        info = default;
        switch (suffix.Length)
        {
            case 0:
                info = Decimal(0);
                return true;
            case 1:
                int exponent = suffix[0] switch
                {
                    'n' => -9,
                    'u' => -6,
                    'm' => -3,
                    'k' => 3,
                    'M' => 6,
                    'G' => 9,
                    'T' => 12,
                    'P' => 15,
                    'E' => 18, // a bare E is exa, not an exponent
                    _ => int.MinValue,
                };
                if (exponent == int.MinValue)
                {
                    return false;
                }

                info = Decimal(exponent);
                return true;
        }

        if (suffix.Length == 2 && suffix[1] == 'i')
        {
            int power = suffix[0] switch
            {
                'K' => 10,
                'M' => 20,
                'G' => 30,
                'T' => 40,
                'P' => 50,
                'E' => 60,
                _ => -1,
            };
            if (power > 0)
            {
                info = new SuffixInfo(2, power, QuantityFormat.BinarySI, QuantityDefects.None);
                return true;
            }
        }

        if (suffix[0] is 'e' or 'E' && TryParseGoInt64(suffix[1..], out long parsed))
        {
            int truncated = unchecked((int)parsed);
            var defects = truncated == parsed ? QuantityDefects.None : QuantityDefects.ExponentTruncated;
            info = new SuffixInfo(10, truncated, QuantityFormat.DecimalExponent, defects);
            return true;
        }

        return false;
    }

    /// <summary>The suffix for 10^exponent in DecimalSI, or false outside n…E.</summary>
    public static bool TryGetDecimalSI(int exponent, out string suffix)
    {
        suffix = exponent switch
        {
            -9 => "n",
            -6 => "u",
            -3 => "m",
            0 => string.Empty,
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            15 => "P",
            18 => "E",
            _ => string.Empty,
        };
        return exponent is >= -9 and <= 18 && exponent % 3 == 0;
    }

    /// <summary>The suffix for 1024^power in BinarySI (<c>""</c> for 0), or false above Ei.</summary>
    public static bool TryGetBinarySI(int power, out string suffix)
    {
        suffix = power switch
        {
            1 => "Ki",
            2 => "Mi",
            3 => "Gi",
            4 => "Ti",
            5 => "Pi",
            6 => "Ei",
            _ => string.Empty,
        };
        return power is >= 0 and <= 6;
    }

    private static SuffixInfo Decimal(int exponent) => new(10, exponent, QuantityFormat.DecimalSI, QuantityDefects.None);

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 64)</c>: optional sign, at least one digit, no overflow.</summary>
    private static bool TryParseGoInt64(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        bool negative = false;
        if (!s.IsEmpty && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.IsEmpty)
        {
            return false;
        }

        ulong limit = negative ? 1UL << 63 : long.MaxValue;
        ulong magnitude = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            ulong digit = (ulong)(c - '0');
            if (magnitude > (limit - digit) / 10)
            {
                return false; // keeps scanning bounded: fails at the first digit past the limit
            }

            magnitude = (magnitude * 10) + digit;
        }

        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }
}
