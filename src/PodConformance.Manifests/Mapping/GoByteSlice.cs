using System.Globalization;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// A Go <c>[]byte</c> read from a JSON array, as the API server's decoder (sigs.k8s.io/json, encoding/json's fork) reads
/// one: <c>decodeState.array</c> decodes each element into a <c>uint8</c> with <c>literalStore</c>, which takes a number
/// that <c>strconv.ParseUint(text, 10, 64)</c> accepts and <c>OverflowUint</c> does not refuse (0–255), leaves the
/// element zero for <c>null</c>, and refuses anything else as <c>cannot unmarshal number 256 … of type uint8</c> (the
/// number as the decoder saw it) or <c>cannot unmarshal string … of type uint8</c> (the JSON kind). A base64 string is
/// the other form of a <c>[]byte</c>, read elsewhere.
/// </summary>
/// <remarks>
/// kubectl sends a Secret's <c>data</c> and a ConfigMap's <c>binaryData</c> as written, so such an array reaches the
/// server and is stored as the bytes it lists (ADM-019; checked by running sigs.k8s.io/json, Schema/ByteSliceOracle).
/// </remarks>
internal static class GoByteSlice
{
    /// <summary>reflect's name of a <c>[]byte</c>.</summary>
    public const string GoType = "[]uint8";

    /// <summary>reflect's name of an element, the type a bad element's error names.</summary>
    public const string ElementGoType = "uint8";

    /// <summary>
    /// One element: true with its value, or false with <paramref name="goValue"/>, what Go's error calls the JSON value
    /// (<c>number 256</c>, <c>string</c>, <c>bool</c>, <c>object</c>, <c>array</c>). <paramref name="fromJson"/>: the
    /// input was JSON (a number as written) rather than YAML (a number as sigs.k8s.io/yaml converts it, SCHEMA-006).
    /// </summary>
    public static bool TryElement(ManifestNode item, bool fromJson, out byte value, out string goValue)
    {
        ArgumentNullException.ThrowIfNull(item);
        value = 0;
        goValue = "";
        switch (item)
        {
            case ManifestScalar { IsNull: true }:
                return true;
            case ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } number:
                string text = JsonNumber.Text(number, fromJson);
                // ParseUint(text, 10, 64): ASCII digits only (no sign, no fraction, no exponent), within uint64; then uint8's range.
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) && n <= byte.MaxValue)
                {
                    value = (byte)n;
                    return true;
                }

                goValue = "number " + text;
                return false;
            case ManifestScalar { Kind: ScalarKind.Bool }:
                goValue = "bool";
                return false;
            case ManifestScalar:
                goValue = "string";
                return false;
            case ManifestMapping:
                goValue = "object";
                return false;
            default:
                goValue = "array";
                return false;
        }
    }
}
