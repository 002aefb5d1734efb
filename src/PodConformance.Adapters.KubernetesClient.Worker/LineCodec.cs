using System.Globalization;
using System.Text;

namespace PodConformance.Adapters.KubernetesClient.Worker;

/// <summary>
/// One text per line, exactly: printable ASCII as is, <c>\</c> doubled, everything else (line breaks, tabs, non-ASCII,
/// lone surrogates) as <c>\uXXXX</c>. Encoding through UTF-8 would turn a lone surrogate into U+FFFD and the library
/// would be asked about a different input.
/// </summary>
public static class LineCodec
{
    public static void Escape(StringBuilder sb, string text)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (c == '\\')
            {
                sb.Append("\\\\");
            }
            else if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        Escape(sb, text);
        return sb.ToString();
    }

    /// <summary>The text <see cref="Escape(string)"/> wrote; null if <paramref name="line"/> is not such a text.</summary>
    public static string? Unescape(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '\\')
            {
                sb.Append('\\');
                i++;
            }
            else if (i + 5 < line.Length && line[i + 1] == 'u'
                && int.TryParse(line.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                sb.Append((char)code);
                i += 5;
            }
            else
            {
                return null;
            }
        }

        return sb.ToString();
    }
}
