using System.Globalization;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// The JSON text the API server's decoder sees for a number. JSON input is sent as written; YAML is first
/// converted by sigs.k8s.io/yaml (go-yaml v2 then encoding/json), so <c>0x1F</c> arrives as <c>31</c>,
/// <c>1_000</c> as <c>1000</c> and the float <c>1e3</c> as <c>1000</c>; Go's float encoding writes <c>%f</c>
/// style between 1e-6 and 1e21 and exponent style outside (spec SCHEMA-006).
/// </summary>
internal static class JsonNumber
{
    public static string Text(ManifestScalar scalar, bool fromJson)
    {
        if (fromJson)
        {
            return scalar.Value;
        }

        if (scalar.Kind == ScalarKind.Int && PodMapper.TryParseGoInt(scalar.Value, out long integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        if (scalar.Kind == ScalarKind.Float && double.TryParse(scalar.Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double f)
            && double.IsFinite(f))
        {
            return GoFloat(f);
        }

        return scalar.Value;
    }

    /// <summary>encoding/json's float64 form: shortest round-trip digits, no exponent for 1e-6 ≤ |f| &lt; 1e21.</summary>
    private static string GoFloat(double f)
    {
        double abs = Math.Abs(f);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            // strconv 'e' with the shortest digits: at least two exponent digits, then encoding/json turns e-07 into e-7.
            string r = f.ToString("E16", CultureInfo.InvariantCulture);
            string shortest = f.ToString("R", CultureInfo.InvariantCulture);
            int at = shortest.IndexOf('E', StringComparison.Ordinal);
            string mantissa = at < 0 ? r[..r.IndexOf('E', StringComparison.Ordinal)] : shortest[..at];
            int exp = int.Parse((at < 0 ? r : shortest).AsSpan((at < 0 ? r.IndexOf('E', StringComparison.Ordinal) : at) + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            string digits = exp < 0 && exp > -10 ? Math.Abs(exp).ToString(CultureInfo.InvariantCulture) : Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + digits;
        }

        decimal d = (decimal)f;
        string text = f.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? d.ToString(CultureInfo.InvariantCulture) : text;
    }
}
