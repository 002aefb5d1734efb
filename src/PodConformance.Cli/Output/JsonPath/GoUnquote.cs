using System.Globalization;
using System.Text;

namespace PodConformance.Cli.Output.JsonPath;

/// <summary>
/// client-go's <c>UnquoteExtend</c>: Go's <c>strconv.Unquote</c> for a string in double or single quotes, escapes
/// as <c>strconv.UnquoteChar</c> reads them (<c>\a \b \f \n \r \t \v \\ \' \" \xHH \ooo \uHHHH \UHHHHHHHH</c>).
/// Null where Go answers <c>invalid syntax</c>.
/// </summary>
internal static class GoUnquote
{
    public static string? UnquoteExtend(string s)
    {
        if (s.Length < 2)
        {
            return null;
        }

        char quote = s[0];
        if (quote != s[^1] || (quote != '"' && quote != '\''))
        {
            return null;
        }

        s = s[1..^1];
        if (!s.Contains('\\', StringComparison.Ordinal) && !s.Contains(quote, StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == quote)
            {
                return null;
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= s.Length)
            {
                return null;
            }

            char e = s[i + 1];
            i += 2;
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '\'' or '"':
                    if (e != quote)
                    {
                        return null;
                    }

                    sb.Append(e);
                    break;
                case 'x' or 'u' or 'U':
                {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > s.Length || !int.TryParse(s.AsSpan(i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int v))
                    {
                        return null;
                    }

                    i += n;
                    if (e == 'x')
                    {
                        // A byte, not a code point: Go appends it as is (here it can only be ASCII-safe as text).
                        sb.Append((char)v);
                    }
                    else if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                    {
                        return null;
                    }
                    else
                    {
                        sb.Append(char.ConvertFromUtf32(v));
                    }

                    break;
                }

                case >= '0' and <= '7':
                {
                    if (i + 2 > s.Length)
                    {
                        return null;
                    }

                    int v = e - '0';
                    for (int k = 0; k < 2; k++)
                    {
                        char d = s[i + k];
                        if (d is < '0' or > '7')
                        {
                            return null;
                        }

                        v = (v * 8) + (d - '0');
                    }

                    if (v > 255)
                    {
                        return null;
                    }

                    i += 2;
                    sb.Append((char)v);
                    break;
                }

                default:
                    return null;
            }
        }

        return sb.ToString();
    }
}
