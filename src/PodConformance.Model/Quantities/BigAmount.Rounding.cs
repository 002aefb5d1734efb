using System.Numerics;

namespace PodConformance.Model.Quantities;

internal sealed partial class BigAmount
{
    /// <summary>
    /// inf.Dec <c>Round(x, -scale, RoundUp)</c>: a multiple of 10^scale, away from zero, held at Go scale
    /// -scale. Bounded by the digits present: a value far below 10^scale becomes ±10^scale directly.
    /// </summary>
    public BigAmount RoundUpToScale(int scale, out bool exact)
    {
        long goScale = -(long)scale;
        if (Sign == 0 || Exponent >= scale)
        {
            exact = true;
            return WithGoScale(goScale); // same digits (and DigitText): Create would only re-strip zeros
        }

        exact = false;
        long drop = scale - Exponent;
        if (drop > Digits)
        {
            return Create(Sign, scale, goScale);
        }

        var quotient = BigInteger.DivRem(Coefficient, BigInteger.Pow(10, (int)drop), out var remainder);
        if (remainder.IsZero)
        {
            exact = true;
        }
        else
        {
            quotient += Sign;
        }

        return Create(quotient, scale, goScale);
    }
}
