using System.Globalization;
using System.Text;

namespace PodConformance.Cli.Output;

/// <summary>
/// A float64 printed as Go prints it: <see cref="V"/> is <c>fmt.Print</c>'s <c>%v</c> (<c>strconv.FormatFloat(f, 'g',
/// -1, 64)</c>: shortest digits, exponent form when the exponent is below -4 or at least 6, as in <c>1e+06</c>);
/// <see cref="Json"/> is <c>encoding/json</c>'s (plain unless below 1e-6 or from 1e21 on, exponent without a leading
/// zero, as in <c>1e-7</c>). Both start from .NET's shortest round-trip digits, which are Go's.
/// </summary>
public static class GoFloat
{
    public static string V(double f)
    {
        if (Special(f) is { } s)
        {
            return s;
        }

        var (neg, digits, dp) = Shortest(f);
        int exp = dp - 1;
        return exp < -4 || exp >= 6 ? E(neg, digits, exp, twoDigitExponent: true) : F(neg, digits, dp);
    }

    public static string Json(double f)
    {
        if (Special(f) is { } s)
        {
            return s;
        }

        double abs = Math.Abs(f);
        var (neg, digits, dp) = Shortest(f);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            return E(neg, digits, dp - 1, twoDigitExponent: false);
        }

        return F(neg, digits, dp);
    }

    private static string? Special(double f) =>
        double.IsNaN(f) ? "NaN" : double.IsPositiveInfinity(f) ? "+Inf" : double.IsNegativeInfinity(f) ? "-Inf" : null;

    /// <summary>Shortest digits (no leading or trailing zeros, "0" for zero) and the decimal point position.</summary>
    private static (bool Neg, string Digits, int Dp) Shortest(double f)
    {
        bool neg = f < 0 || (f == 0 && double.IsNegative(f));
        string r = Math.Abs(f).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        int exponent = 0;
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..e];
        }

        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string frac = dot < 0 ? "" : mantissa[(dot + 1)..];
        string all = intPart + frac;
        int dp = intPart.Length + exponent;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        dp -= lead;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            return (neg, "0", 1);
        }

        return (neg, all, dp);
    }

    private static string E(bool neg, string digits, int exp, bool twoDigitExponent)
    {
        var sb = new StringBuilder();
        if (neg)
        {
            sb.Append('-');
        }

        sb.Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }

        sb.Append('e').Append(exp < 0 ? '-' : '+');
        int a = Math.Abs(exp);
        if (twoDigitExponent && a < 10)
        {
            sb.Append('0');
        }

        sb.Append(a.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string F(bool neg, string digits, int dp)
    {
        var sb = new StringBuilder();
        if (neg)
        {
            sb.Append('-');
        }

        if (dp <= 0)
        {
            sb.Append("0.").Append('0', -dp).Append(digits);
        }
        else if (dp >= digits.Length)
        {
            sb.Append(digits).Append('0', dp - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, dp).Append('.').Append(digits, dp, digits.Length - dp);
        }

        return sb.ToString();
    }
}
