using System.Text;
using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// <c>json.Unmarshal(value, &amp;[]core.Toleration)</c> as helper.GetTolerationsFromPodAnnotations calls it (VAL-312):
/// Go's encoding/json first checks the whole input with its scanner (the first syntax error wins, with the scanner's
/// text), then decodes, keeping the first type error and decoding on. The internal <c>core.Toleration</c> has no json
/// tags, so keys match the Go field names (<c>Key</c>, <c>Operator</c>, <c>Value</c>, <c>Effect</c>,
/// <c>TolerationSeconds</c>) exactly or case-insensitively, and type errors name them. Unknown keys are ignored.
/// </summary>
/// <remarks>
/// Nested values the decoder does not need (inside unknown keys or of a wrong type) are skipped without recursion, so
/// the input's nesting (bounded by the scanner's 10000 levels) costs no stack.
/// </remarks>
internal static partial class TolerationsAnnotationJson
{
    /// <summary>encoding/json's maxNestingDepth.</summary>
    private const int MaxNestingDepth = 10000;

    /// <summary>Decodes <paramref name="value"/>; returns Go's error text, or null with the tolerations (null: none).</summary>
    public static string? Decode(string value, out List<Toleration>? tolerations)
    {
        tolerations = null;
        byte[] data = Encoding.UTF8.GetBytes(value);
        string? syntax = CheckValid(data);
        if (syntax is not null)
        {
            return syntax;
        }

        var decoder = new Decoder(data);
        tolerations = decoder.DecodeTop();
        return decoder.Error;
    }
}
