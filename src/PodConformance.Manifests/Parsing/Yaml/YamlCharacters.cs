namespace PodConformance.Manifests.Parsing.Yaml;

/// <summary>
/// The characters go-yaml v2's reader accepts: tab, LF, CR, printable ASCII, NEL, U+00A0–U+D7FF, U+E000–U+FFFD and
/// the supplementary planes. Anything else ("control characters are not allowed") stops the stream there.
/// </summary>
internal static class YamlCharacters
{
    /// <summary>The offset of the first refused character, or the length of <paramref name="text"/>.</summary>
    public static int FirstRefused(string text)
    {
        var span = text.AsSpan();
        int i = 0;
        while (true)
        {
            int next = span[i..].IndexOfAnyExceptInRange(' ', '~');
            if (next < 0)
            {
                return text.Length;
            }

            i += next;
            char c = span[i];
            if (c is '\t' or '\n' or '\r' or '\u0085' || (c >= '\u00A0' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD'))
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }
    }
}
