using System.Text;
using System.Text.Json;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// A JSON string's value as Go's encoding/json (and its fork sigs.k8s.io/json, which the API server decodes with)
/// unquotes it: an escaped surrogate that is not half of a valid pair becomes U+FFFD and the next escape is read on
/// its own (sigs.k8s.io/json internal/golang/encoding/json/decode.go, unquoteBytes, commit cfa47c3; checked with Go
/// 1.19's encoding/json). System.Text.Json refuses such strings, which must not reach the user as an internal error.
/// </summary>
internal static class JsonStrings
{
    public static string Read(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var sb = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            int backslash = raw[i..].IndexOf((byte)'\\');
            if (backslash < 0)
            {
                sb.Append(Encoding.UTF8.GetString(raw[i..]));
                break;
            }

            sb.Append(Encoding.UTF8.GetString(raw.Slice(i, backslash)));
            i += backslash;
            byte e = raw[i + 1];
            i += 2;
            switch (e)
            {
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'u':
                {
                    int unit = Hex4(raw, i);
                    i += 4;
                    if (!char.IsSurrogate((char)unit))
                    {
                        sb.Append((char)unit);
                    }
                    else if (char.IsHighSurrogate((char)unit) && i + 6 <= raw.Length && raw[i] == '\\' && raw[i + 1] == 'u'
                             && char.IsLowSurrogate((char)Hex4(raw, i + 2)))
                    {
                        sb.Append((char)unit).Append((char)Hex4(raw, i + 2));
                        i += 6;
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                    }

                    break;
                }

                default: sb.Append((char)e); break; // \" \\ \/
            }
        }

        return sb.ToString();
    }

    /// <summary>Four hex digits (the reader has already checked the escape's syntax).</summary>
    private static int Hex4(ReadOnlySpan<byte> raw, int at)
    {
        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int h = raw[at + k];
            value = (value << 4) + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }

        return value;
    }
}
