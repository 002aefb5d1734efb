using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks quantity texts toward short round values (<c>1</c>, <c>100m</c>, <c>1Gi</c>) and, failing that, toward
/// shorter texts with the decoration removed (sign, leading zeros, trailing dot), so a failing case reads plainly.
/// Every candidate is strictly smaller by <see cref="Size"/>, which makes shrinking terminate.
/// </summary>
public static class QuantityShrinker
{
    /// <summary>
    /// The targets, roundest first: a round text is smaller than any other text. After the plainest values come the
    /// readable spellings of the shapes quantity rules are about (a milli value that is a whole number, a fraction, an
    /// exponent, a binary amount that is not a whole number of the next suffix), so a counterexample about trailing
    /// zeros shrinks to <c>1000m</c> and one about exponents to <c>1e3</c>, not to <c>010</c> or <c>8e-2</c>.
    /// </summary>
    public static IReadOnlyList<string> RoundTexts { get; } = ["1", "0", "100m", "1Gi", "2", "500m", "64Mi", "128Mi", "1Mi", "1k", "10", "1000m", "1.5", "1e3", "1536Mi", "2Gi"];

    /// <summary>Round texts rank by their position; others by length, always above every round text.</summary>
    public static int Size(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < RoundTexts.Count; i++)
        {
            if (string.Equals(RoundTexts[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return RoundTexts.Count + (2 * text.Length) + 1;
    }

    /// <summary>Any smaller text (for near-valid and hostile inputs, where validity is not preserved).</summary>
    public static IEnumerable<string> Shrink(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int size = Size(text);
        var seen = new HashSet<string>(StringComparer.Ordinal) { text };
        foreach (string candidate in Candidates(text))
        {
            if (Size(candidate) < size && seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Smaller texts that still parse: used by <see cref="QuantityGen.ValidArb"/>.</summary>
    public static IEnumerable<string> ShrinkValid(string text) => Shrink(text).Where(t => Quantity.TryParse(t, out _));

    private static IEnumerable<string> Candidates(string text)
    {
        // Round values of the same family first, so "1.5Gi" becomes "1Gi" rather than "1".
        bool binary = text.EndsWith('i') && text.Length > 1;
        bool milli = text.EndsWith('m');
        if (binary)
        {
            yield return "1Gi";
            yield return "64Mi";
        }
        else if (milli)
        {
            yield return "100m";
        }

        foreach (string round in RoundTexts)
        {
            yield return round;
        }

        if (text.Length == 0)
        {
            yield break;
        }

        if (text[0] is '+' or '-')
        {
            yield return text[1..];
        }

        string trimmedZeros = text.TrimStart('0');
        if (trimmedZeros.Length != text.Length && trimmedZeros.Length > 0 && char.IsAsciiDigit(trimmedZeros[0]))
        {
            yield return trimmedZeros;
        }

        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            int end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            // Drop the fraction (and the dot), keep the suffix: "1.25Gi" -> "1Gi".
            if (dot > 0)
            {
                yield return text[..dot] + text[end..];
            }
        }

        if (text.Length > 2)
        {
            yield return text[..(text.Length / 2)];
            yield return text[(text.Length / 2)..];
        }

        yield return text[..^1];
        yield return text[1..];
    }
}
