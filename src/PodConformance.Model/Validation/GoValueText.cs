using System.Globalization;
using System.Text;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// How apimachinery's <c>field.Error</c> prints a bad value that is not a plain <c>string</c>/number/bool: a named
/// string type (<c>core.ProcMountType</c>, <c>core.OSName</c>…), a <c>*string</c>, or a struct. The rendering changed
/// in apimachinery v0.34 (Kubernetes 1.34): before, pointers were dereferenced and anything that is not exactly a
/// <c>string</c> printed with <c>%#v</c>; since, such values go through <c>json.Marshal</c> (VAL-201).
/// </summary>
/// <remarks>
/// For a named string type <c>%#v</c> prints the same text as <c>%q</c>, so before 1.34 a plain string is returned and
/// <see cref="FieldError"/> Go-quotes it. <c>json.Marshal</c> escapes differently (<c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, control characters, invalid UTF-8), so from 1.34 the JSON text is returned as a
/// <see cref="RawJsonValue"/>.
/// </remarks>
public static class GoValueText
{
    /// <summary>The first release whose apimachinery prints non-primitive bad values with <c>json.Marshal</c>.</summary>
    public static readonly KubernetesVersion JsonValuesSince = new(1, 34);

    /// <summary>The bad value of a named string type or a dereferenced <c>*string</c>, as the release prints it.</summary>
    public static object NamedString(string value, KubernetesVersion version) =>
        version >= JsonValuesSince ? new RawJsonValue(JsonString(value)) : value;

    /// <summary>
    /// The bad value of a <c>core.ResourceName</c>, the one core type with a <c>String()</c> method: before 1.34 ErrorBody's
    /// <c>fmt.Stringer</c> case prints it bare (<c>Invalid value: foo: …</c>; apimachinery v0.33.3 errors.go, vendored by
    /// openshift-kni/scheduler-plugins 0c967825a), from 1.34 <c>json.Marshal</c> quotes it (v0.34.1, 313dff1ce).
    /// </summary>
    public static RawJsonValue ResourceName(string value, KubernetesVersion version) =>
        new(version >= JsonValuesSince ? JsonString(value) : value);

    /// <summary>
    /// The bad value of a <c>resource.Quantity</c> passed by value (ValidateResourceQuantityValue's <c>must be an integer</c>,
    /// VAL-031). Its <c>String()</c> has a pointer receiver, so a <c>Quantity</c> value is no <c>fmt.Stringer</c>: up to 1.33
    /// ErrorBody prints it with <c>%#v</c>, internal fields included
    /// (<c>resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}</c>),
    /// from 1.34 <c>json.Marshal</c> calls its value-receiver <c>MarshalJSON</c>, the quoted <c>String()</c> text.
    /// </summary>
    /// <remarks>
    /// A value held as Go's inf.Dec prints the heap address of its <c>*inf.Dec</c>, which cannot be reproduced: the model
    /// writes <c>0xc000000000</c>, as for other pointers (VAL-201). Go's zero <c>Quantity{}</c> has an empty Format, which
    /// the model cannot tell from <c>DecimalExponent</c>; no caller prints a zero (it is whole and not negative).
    /// </remarks>
    public static object Quantity(Quantities.Quantity value, KubernetesVersion version)
    {
        if (version >= JsonValuesSince)
        {
            return value.ToString();
        }

        var sb = new StringBuilder("resource.Quantity{i:resource.int64Amount{value:", 160);
        sb.Append(value.GoInt64Value.ToString(CultureInfo.InvariantCulture))
            .Append(", scale:").Append(value.GoInt64Scale.ToString(CultureInfo.InvariantCulture))
            .Append("}, d:resource.infDecAmount{Dec:(*inf.Dec)(").Append(value.GoHasDec ? "0xc000000000" : "nil")
            .Append(")}, s:");
        GoQuote.Append(sb, value.GoCachedText);
        sb.Append(", Format:\"").Append(value.Format switch
        {
            Quantities.QuantityFormat.BinarySI => "BinarySI",
            Quantities.QuantityFormat.DecimalSI => "DecimalSI",
            _ => "DecimalExponent",
        }).Append("\"}");
        return new RawJsonValue(sb.ToString());
    }

    /// <summary>
    /// Go <c>encoding/json</c>'s string encoding with HTML escaping on (the <c>json.Marshal</c> default): <c>"</c>, <c>\</c>,
    /// <c>\b \f \n \r \t</c> short forms, other control characters and <c>&lt; &gt; &amp;</c> as <c>\u00XX</c>,
    /// U+2028/U+2029 escaped, lone surrogates (invalid UTF-8 upstream) as <c>\ufffd</c>.
    /// </summary>
    public static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendJsonString(sb, s);
        return sb.ToString();
    }

    public static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '\b':
                    sb.Append("\\b");
                    continue;
                case '\f':
                    sb.Append("\\f");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
                case '<':
                case '>':
                case '&':
                case '\u2028':
                case '\u2029':
                    AppendUnicodeEscape(sb, c);
                    continue;
            }

            if (c < 0x20)
            {
                AppendUnicodeEscape(sb, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append("\\ufffd");
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
