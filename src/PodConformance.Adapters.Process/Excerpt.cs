using System.Globalization;
using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>
/// Quotes what an adapter sent inside a failure message: JSON-style escapes (so control characters and
/// binary garbage stay on one readable line) and a length cap (a megabyte of garbage must not flood a report).
/// </summary>
public static class Excerpt
{
    public const int DefaultMax = 200;

    public static string Quote(string text, int max = DefaultMax)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(Math.Min(text.Length, max) + 16);
        sb.Append('"');
        int shown = 0;
        foreach (char c in text)
        {
            if (shown >= max)
            {
                break;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c == '\uFFFD')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }

            shown++;
        }

        sb.Append('"');
        if (text.Length > shown)
        {
            sb.Append("…(+").Append((text.Length - shown).ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return sb.ToString();
    }
}
