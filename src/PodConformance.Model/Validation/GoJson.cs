using System.Globalization;
using System.Text;

namespace PodConformance.Model.Validation;

/// <summary>
/// The bad values that checks pass as whole internal structs (tolerations, resource claims), printed as apimachinery's
/// <c>field.Error.ErrorBody</c> prints them (VAL-201): <c>json.Marshal</c> from v0.34.0 (Kubernetes 1.34), Go's <c>%#v</c>
/// before. Strings inside use the one JSON string encoder, <see cref="GoValues.AppendJsonString"/>.
/// </summary>
public static class GoJson
{
    /// <summary>Appends <paramref name="s"/> as a JSON string literal, escaped as Go's <c>encodeState.string</c>.</summary>
    public static void AppendString(StringBuilder sb, string s) => GoValues.AppendJsonString(sb, s);

    /// <summary>
    /// An internal struct passed whole as a bad value, as <c>field.Error</c> prints it (VAL-201): from 1.34 its
    /// <c>json.Marshal</c> form (internal types have no json tags: Go field names); up to 1.33 <c>%#v</c>,
    /// <c>core.Toleration{Key:"k", …}</c>, where a non-nil pointer field prints as an address that cannot be reproduced
    /// (the model writes <c>0xc000000000</c>, as <see cref="GoValues"/> does).
    /// </summary>
    public sealed class StructWriter
    {
        private readonly StringBuilder _sb = new();
        private readonly bool _json;
        private bool _first = true;

        /// <param name="version">The release whose apimachinery prints the value.</param>
        /// <param name="goType">The Go type as <c>%#v</c> names it, e.g. <c>core.Toleration</c>.</param>
        public StructWriter(Profiles.KubernetesVersion version, string goType)
        {
            _json = version >= GoValues.JsonRenderingSince;
            if (!_json)
            {
                _sb.Append(goType);
            }

            _sb.Append('{');
        }

        public StructWriter String(string name, string value)
        {
            Name(name);
            AppendValue(value);
            return this;
        }

        public StructWriter OptionalString(string name, string? value)
        {
            Name(name);
            if (_json)
            {
                if (value is null)
                {
                    _sb.Append("null");
                }
                else
                {
                    AppendValue(value);
                }
            }
            else
            {
                _sb.Append(value is null ? "(*string)(nil)" : "(*string)(0xc000000000)");
            }

            return this;
        }

        public StructWriter OptionalInt64(string name, long? value)
        {
            Name(name);
            if (_json)
            {
                _sb.Append(value is long v ? v.ToString(CultureInfo.InvariantCulture) : "null");
            }
            else
            {
                _sb.Append(value is null ? "(*int64)(nil)" : "(*int64)(0xc000000000)");
            }

            return this;
        }

        public RawJsonValue Build() => new(_sb.ToString() + "}");

        private void AppendValue(string value)
        {
            if (_json)
            {
                AppendString(_sb, value);
            }
            else
            {
                GoQuote.Append(_sb, value);
            }
        }

        private void Name(string name)
        {
            if (!_first)
            {
                _sb.Append(_json ? "," : ", ");
            }

            _first = false;
            if (_json)
            {
                _sb.Append('"').Append(name).Append("\":");
            }
            else
            {
                _sb.Append(name).Append(':');
            }
        }
    }
}
