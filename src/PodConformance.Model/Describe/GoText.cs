using System.Globalization;
using System.Text;

namespace PodConformance.Model.Describe;

/// <summary>How Go's fmt and time print the values describe.go formats, culture never consulted.</summary>
internal static class GoText
{
    /// <summary>
    /// <c>time.RFC1123Z</c> (<c>Mon, 02 Jan 2006 15:04:05 -0700</c>) in UTC (DESC-004). An unset time is Go's zero time,
    /// <c>Mon, 01 Jan 0001 00:00:00 +0000</c>, which describe prints for a state without its timestamp.
    /// </summary>
    public static string Rfc1123Z(DateTimeOffset? time)
    {
        var utc = (time ?? new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcDateTime;
        return utc.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
    }

    /// <summary><c>%v</c> of a bool.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>describe.go's <c>printBool</c>: <c>True</c> / <c>False</c>.</summary>
    public static string TitleBool(bool value) => value ? "True" : "False";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>%v</c> of a <c>[]string</c>: <c>[a b c]</c>.</summary>
    public static string Slice(IEnumerable<string> items)
    {
        var sb = new StringBuilder("[");
        bool first = true;
        foreach (string s in items)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            sb.Append(s);
            first = false;
        }

        return sb.Append(']').ToString();
    }

    /// <summary><c>%v</c> of a <c>map[string]string</c>: <c>map[k1:v1 k2:v2]</c>, keys sorted (fmt sorts map keys).</summary>
    public static string Map(Collections.ValueMap<string> map)
    {
        var sb = new StringBuilder("map[");
        bool first = true;
        foreach (var (key, value) in map)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            sb.Append(key).Append(':').Append(value);
            first = false;
        }

        return sb.Append(']').ToString();
    }

    /// <summary>
    /// <c>%v</c> of a <c>*bool</c> (kubectl before 1.33 printed projected sources' Optional that way): <c>&lt;nil&gt;</c>, or
    /// a heap address, written as the model writes every Go address (<c>0xc000000000</c>, as VAL-201 does).
    /// </summary>
    public static string BoolPointer(bool? value) => value is null ? "<nil>" : "0xc000000000";

    /// <summary>Go's <c>len</c> of a string: UTF-8 bytes.</summary>
    public static int ByteLength(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary><c>s[:n]</c> on UTF-8 bytes; a cut inside a character leaves its first bytes, decoded as U+FFFD.</summary>
    public static string ByteSlice(string s, int n)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        return n >= bytes.Length ? s : Encoding.UTF8.GetString(bytes, 0, n);
    }
}
