using System.Text;
using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>Decoding into <c>[]core.Toleration</c> (decode.go), on input the scanner accepted.</summary>
internal static partial class TolerationsAnnotationJson
{
    private sealed class Decoder(byte[] data)
    {
        private const string SliceType = "[]core.Toleration";
        private const string StructType = "core.Toleration";
        private int _pos;

        /// <summary>The first type error (encoding/json's savedError), or null.</summary>
        public string? Error { get; private set; }

        public List<Toleration>? DecodeTop()
        {
            SkipSpace();
            byte c = data[_pos];
            if (c == 'n')
            {
                return null;
            }

            if (c != '[')
            {
                Save(Kind(c), SliceType, field: null);
                return null;
            }

            var result = new List<Toleration>();
            _pos++;
            SkipSpace();
            if (data[_pos] == ']')
            {
                return result;
            }

            while (true)
            {
                SkipSpace();
                result.Add(DecodeElement());
                SkipSpace();
                if (data[_pos++] == ']')
                {
                    return result;
                }
            }
        }

        private Toleration DecodeElement()
        {
            byte c = data[_pos];
            if (c != '{')
            {
                if (c != 'n')
                {
                    Save(Kind(c), StructType, field: null);
                }

                SkipValue();
                return new Toleration();
            }

            string key = "", op = "", value = "", effect = "";
            long? seconds = null;
            _pos++;
            SkipSpace();
            if (data[_pos] == '}')
            {
                _pos++;
                return new Toleration();
            }

            while (true)
            {
                SkipSpace();
                string name = ReadString();
                SkipSpace();
                _pos++; // ':'
                SkipSpace();
                switch (Fold(name))
                {
                    case "KEY": key = StringField("Key", "string") ?? key; break;
                    case "OPERATOR": op = StringField("Operator", "core.TolerationOperator") ?? op; break;
                    case "VALUE": value = StringField("Value", "string") ?? value; break;
                    case "EFFECT": effect = StringField("Effect", "core.TaintEffect") ?? effect; break;
                    case "TOLERATIONSECONDS": seconds = SecondsField(seconds); break;
                    default: SkipValue(); break;
                }

                SkipSpace();
                if (data[_pos++] == '}')
                {
                    return new Toleration { Key = key, Operator = op, Value = value, Effect = effect, TolerationSeconds = seconds };
                }
            }
        }

        /// <summary>A string-kinded field: a string sets it, null leaves it, anything else is a type error.</summary>
        private string? StringField(string field, string goType)
        {
            byte c = data[_pos];
            if (c == '"')
            {
                return ReadString();
            }

            if (c != 'n')
            {
                Save(Kind(c), goType, field);
            }

            SkipValue();
            return null;
        }

        /// <summary><c>*int64</c>: null clears it; a number must parse with strconv.ParseInt(s, 10, 64).</summary>
        private long? SecondsField(long? current)
        {
            byte c = data[_pos];
            if (c == 'n')
            {
                SkipValue();
                return null;
            }

            if (c is not ((byte)'-' or >= (byte)'0' and <= (byte)'9'))
            {
                Save(Kind(c), "int64", "TolerationSeconds");
                SkipValue();
                return current;
            }

            int start = _pos;
            SkipValue();
            string literal = Encoding.ASCII.GetString(data, start, _pos - start);
            if (long.TryParse(literal, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long n))
            {
                return n;
            }

            Save("number " + literal, "int64", "TolerationSeconds");
            return 0;
        }

        private void Save(string kind, string goType, string? field)
        {
            Error ??= field is null
                ? "json: cannot unmarshal " + kind + " into Go value of type " + goType
                : "json: cannot unmarshal " + kind + " into Go struct field Toleration." + field + " of type " + goType;
        }

        private static string Kind(byte c) => c switch
        {
            (byte)'{' => "object",
            (byte)'[' => "array",
            (byte)'"' => "string",
            (byte)'t' or (byte)'f' => "bool",
            _ => "number",
        };

        /// <summary>
        /// Folds a key as encoding/json's foldName does for these ASCII field names: ASCII upper case, and the two
        /// non-ASCII runes whose case folding reaches ASCII (KELVIN SIGN → K, LONG S → S); anything else cannot match.
        /// </summary>
        private static string Fold(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (char ch in name)
            {
                sb.Append(ch switch
                {
                    >= 'a' and <= 'z' => (char)(ch - 32),
                    '\u212A' => 'K',
                    '\u017F' => 'S',
                    _ => ch,
                });
            }

            return sb.ToString();
        }

        private void SkipSpace()
        {
            while (_pos < data.Length && data[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                _pos++;
            }
        }

        /// <summary>Skips one (valid) value, nesting counted, not recursed.</summary>
        private void SkipValue()
        {
            int depth = 0;
            do
            {
                SkipSpace();
                byte c = data[_pos];
                switch (c)
                {
                    case (byte)'{' or (byte)'[':
                        depth++;
                        _pos++;
                        break;
                    case (byte)'}' or (byte)']':
                        depth--;
                        _pos++;
                        break;
                    case (byte)'"':
                        ReadString();
                        break;
                    case (byte)',' or (byte)':':
                        _pos++;
                        break;
                    default:
                        while (_pos < data.Length && data[_pos] is not ((byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                        {
                            _pos++;
                        }

                        break;
                }
            }
            while (depth > 0);
        }

        /// <summary>A string literal at <c>_pos</c>, unquoted as encoding/json's unquote: bad surrogate escapes become U+FFFD.</summary>
        private string ReadString()
        {
            _pos++; // opening quote
            var sb = new StringBuilder();
            int runStart = _pos;
            while (true)
            {
                byte c = data[_pos];
                if (c == '"')
                {
                    sb.Append(Encoding.UTF8.GetString(data, runStart, _pos - runStart));
                    _pos++;
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                sb.Append(Encoding.UTF8.GetString(data, runStart, _pos - runStart));
                byte e = data[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case (byte)'b': sb.Append('\b'); break;
                    case (byte)'f': sb.Append('\f'); break;
                    case (byte)'n': sb.Append('\n'); break;
                    case (byte)'r': sb.Append('\r'); break;
                    case (byte)'t': sb.Append('\t'); break;
                    case (byte)'u':
                        int r = Hex4(_pos);
                        _pos += 4;
                        if (char.IsSurrogate((char)r))
                        {
                            // A high surrogate and a following \u low surrogate make one rune; anything else is U+FFFD.
                            if (char.IsHighSurrogate((char)r) && _pos + 5 < data.Length && data[_pos] == '\\' && data[_pos + 1] == 'u')
                            {
                                int r2 = Hex4(_pos + 2);
                                if (char.IsLowSurrogate((char)r2))
                                {
                                    sb.Append((char)r).Append((char)r2);
                                    _pos += 6;
                                    break;
                                }
                            }

                            sb.Append('\uFFFD');
                        }
                        else
                        {
                            sb.Append((char)r);
                        }

                        break;
                    default: sb.Append((char)e); break; // \" \\ \/
                }

                runStart = _pos;
            }
        }

        private int Hex4(int at)
        {
            int v = 0;
            for (int i = at; i < at + 4; i++)
            {
                v = (v << 4) | HexValue(data[i]);
            }

            return v;
        }

        private static int HexValue(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            _ => c - 'A' + 10,
        };
    }
}
