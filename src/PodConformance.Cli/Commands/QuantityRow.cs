using System.Globalization;
using PodConformance.Model.Quantities;

namespace PodConformance.Cli.Commands;

/// <summary>One answered input of <c>podconf quantity</c>; every value comes from the model.</summary>
public sealed record QuantityRow(string Input, bool Ok, string String, string Canonical, string Format, string MilliValue, string Value, string Error, IReadOnlyList<string> Warnings)
{
    public static QuantityRow Of(string input)
    {
        if (!Quantity.TryParse(input, out var q, out var error))
        {
            return new QuantityRow(input, false, "", "", "", "", "", Quantity.ErrorText(error), []);
        }

        return new QuantityRow(
            input,
            true,
            q.ToString(),
            q.ToCanonicalString(),
            q.Format.ToString(),
            q.MilliValue().ToString(CultureInfo.InvariantCulture),
            q.Value().ToString(CultureInfo.InvariantCulture),
            "",
            QuantityWarnings.For(q));
    }
}
