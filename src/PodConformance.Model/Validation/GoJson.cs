using System.Globalization;
using System.Text;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>
/// Go's <c>encoding/json</c> rendering of the bad values apimachinery prints through <c>json.Marshal</c>
/// (<c>field.Error.ErrorBody</c>: every value that is not exactly <c>string</c>, an integer, a float or a bool).
/// That covers named string types (<c>TolerationOperator</c>, <c>TaintEffect</c>…), pointers to them, string
/// slices and the internal structs some checks pass whole. Strings are escaped as <c>encoding/json</c> does with
/// HTML escaping on: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 become <c>\u00XX</c>/<c>\u20XX</c>.
/// </summary>
/// <remarks>
/// Go 1.22 (Kubernetes 1.30 and later) writes <c>\b</c> and <c>\f</c> in their short form; earlier toolchains
/// wrote <c>\u0008</c> and <c>\u000c</c>; the <c>shortControlEscapes</c> arguments pick the form.
/// </remarks>
public static class GoJson
{
    /// <summary>The Kubernetes release from which the API server is built with Go 1.22 or later.</summary>
    public static readonly Profiles.KubernetesVersion ShortControlEscapesSince = new(1, 30);

    /// <summary>A named-string (or pointer-to-string) value as <c>json.Marshal</c> prints it.</summary>
    public static RawJsonValue String(string s, bool shortControlEscapes = true)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendString(sb, s, shortControlEscapes);
        return new RawJsonValue(sb.ToString());
    }

    /// <summary>A <c>[]string</c> value: <c>null</c> when empty (a nil Go slice), else a JSON array.</summary>
    public static RawJsonValue StringList(ValueList<string> items, bool shortControlEscapes = true)
    {
        if (items.IsEmpty)
        {
            return new RawJsonValue("null");
        }

        var sb = new StringBuilder();
        sb.Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendString(sb, items[i], shortControlEscapes);
        }

        return new RawJsonValue(sb.Append(']').ToString());
    }

    /// <summary>Appends <paramref name="s"/> as a JSON string literal, escaped as Go's <c>encodeState.string</c>.</summary>
    public static void AppendString(StringBuilder sb, string s, bool shortControlEscapes)
    {
        sb.Append('"');
        foreach (Rune r in s.EnumerateRunes())
        {
            int v = r.Value;
            switch (v)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\b' when shortControlEscapes: sb.Append("\\b"); continue;
                case '\f' when shortControlEscapes: sb.Append("\\f"); continue;
            }

            if (v < 0x20 || v is '<' or '>' or '&' or 0x2028 or 0x2029)
            {
                sb.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(r.ToString());
            }
        }

        sb.Append('"');
    }

    /// <summary>
    /// Builds the JSON of an internal (<c>pkg/apis/core</c>) struct: those types carry no json tags, so
    /// <c>json.Marshal</c> names fields by their Go names, in declaration order, and prints nil pointers as
    /// <c>null</c>.
    /// </summary>
    public sealed class StructWriter(bool shortControlEscapes)
    {
        private readonly StringBuilder _sb = new StringBuilder().Append('{');
        private bool _first = true;

        public StructWriter String(string name, string value)
        {
            Name(name);
            AppendString(_sb, value, shortControlEscapes);
            return this;
        }

        public StructWriter OptionalString(string name, string? value)
        {
            Name(name);
            if (value is null)
            {
                _sb.Append("null");
            }
            else
            {
                AppendString(_sb, value, shortControlEscapes);
            }

            return this;
        }

        public StructWriter OptionalInt64(string name, long? value)
        {
            Name(name);
            _sb.Append(value is long v ? v.ToString(CultureInfo.InvariantCulture) : "null");
            return this;
        }

        /// <summary>A nested struct, written by <paramref name="write"/> into its own writer.</summary>
        public StructWriter Struct(string name, Action<StructWriter> write)
        {
            Name(name);
            var inner = new StructWriter(shortControlEscapes);
            write(inner);
            _sb.Append(inner.Build().Json);
            return this;
        }

        public RawJsonValue Build() => new(_sb.ToString() + "}");

        private void Name(string name)
        {
            if (!_first)
            {
                _sb.Append(',');
            }

            _first = false;
            _sb.Append('"').Append(name).Append("\":");
        }
    }
}
