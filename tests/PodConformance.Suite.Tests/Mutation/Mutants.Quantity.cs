using System.Globalization;
using System.Text.RegularExpressions;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    private static readonly Regex IntegerWithSuffix = new("^([0-9]+)([A-Za-z]*)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex TrailingZeroInput = new("^[+]?[0-9]*[1-9]0+(m|k|M|G|T|P|E)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>Printing lives inside <c>Quantity</c> (no seam), so these bend the quantity observation.</summary>
    private static IEnumerable<Mutant> Quantity()
    {
        yield return new Mutant(
            "qty-keeps-trailing-zeros", "quantity", "QTY-021", "canonical form keeps trailing zeros (1000m stays 1000m, 1500k stays 1500k)",
            Injection.Decorator,
            ModelPipeline.Real with { Quantity = input => Bend(input, q => TrailingZeroInput.IsMatch(input) ? q with { Canonical = input.TrimStart('+') } : q) });

        yield return new Mutant(
            "qty-fractional-binary", "quantity", "QTY-020", "binary amounts print with a fraction of the next suffix (1536Mi as 1.5Gi)",
            Injection.Decorator,
            ModelPipeline.Real with { Quantity = input => Bend(input, q => q with { String = FractionalBinary(q.String), Canonical = FractionalBinary(q.Canonical) }) });

        yield return new Mutant(
            "qty-value-truncates", "quantity", "QTY-030", "Value() truncates fractions instead of rounding up (100m → 0)",
            Injection.Decorator,
            ModelPipeline.Real with
            {
                Quantity = input => Bend(input, q => q.MilliValue > 0 && q.MilliValue < long.MaxValue / 2 && q.MilliValue % 1000 != 0 && q.Value == q.MilliValue / 1000 + 1
                    ? q with { Value = q.MilliValue / 1000 }
                    : q),
            });

        // QuantityGen.BeyondInt64Text draws negatives of 19 to 40 digits, which P-QTY-VALUE reads the values of.
        yield return new Mutant(
            "qty-negative-saturates", "quantity", Model.Quantities.QuantityRules.NegativeFastPathWrap, "a negative decimal beyond -2^63 once scaled saturates at the int64 minimum instead of Go's divided low 64 bits",
            Injection.Decorator,
            ModelPipeline.Real with
            {
                Quantity = input => Bend(input, q => Model.Quantities.Quantity.TryParse(input, out var parsed, out _) && (parsed.Defects & Model.Quantities.QuantityDefects.NegativeFastPathWraps) != 0
                    ? q with { Value = long.MinValue, MilliValue = long.MinValue }
                    : q),
            });
    }

    private static readonly Regex PlainNumber = new("^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex WithExponent = new("^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[eE][+-]?[0-9]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Parsing: the grammar and the format a suffix gives.</summary>
    private static IEnumerable<Mutant> QuantityParsing()
    {
        yield return new Mutant(
            "qty-rejects-exponent", "quantity", "QTY-006", "a decimal exponent (1e3, 5E-2) is rejected as unparsable",
            Injection.Decorator,
            ModelPipeline.Real with { Quantity = input => WithExponent.IsMatch(input) ? ModelAdapter.ObserveQuantity("1x") : ModelAdapter.ObserveQuantity(input) });

        yield return new Mutant(
            "qty-plain-number-binary", "quantity", "QTY-011", "a number without suffix gets format BinarySI (Kubernetes: DecimalSI)",
            Injection.Decorator,
            ModelPipeline.Real with { Quantity = input => Bend(input, q => PlainNumber.IsMatch(input) ? q with { Format = "BinarySI" } : q) });
    }

    private static readonly Regex MilliText = new("^([1-9][0-9]*)m$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Round trip: a canonical text must print itself.</summary>
    private static IEnumerable<Mutant> QuantityRoundTrip()
    {
        yield return new Mutant(
            "qty-canonical-milli-as-fraction", "quantity", "QTY-053", "a canonical milli text re-prints as a fraction (1500m as 1.5), so it no longer prints itself",
            Injection.Decorator,
            ModelPipeline.Real with
            {
                Quantity = input => Bend(input, q => MilliText.Match(input) is { Success: true } m && q.Canonical == input && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n % 1000 != 0
                    ? q with { Canonical = (n / 1000m).ToString(CultureInfo.InvariantCulture) }
                    : q),
            });
    }

    private static QuantityObservation Bend(string input, Func<QuantityObservation, QuantityObservation> bend)
    {
        var q = ModelAdapter.ObserveQuantity(input);
        return q.Ok ? bend(q) : q;
    }

    /// <summary><c>1536Mi</c> → <c>1.5Gi</c>: a whole binary amount that is a multiple of a quarter of the next suffix.</summary>
    private static string FractionalBinary(string text)
    {
        var m = IntegerWithSuffix.Match(text);
        int index = Array.IndexOf(BinarySuffixes, m.Groups[2].Value);
        if (!m.Success || index < 0 || index == BinarySuffixes.Length - 1 || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return text;
        }

        if (n <= 1024 || n % 1024 == 0 || n % 256 != 0)
        {
            return text;
        }

        return (n / 1024m).ToString(CultureInfo.InvariantCulture) + BinarySuffixes[index + 1];
    }
}
