using System.Text;
using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// <c>json.Unmarshal(value, &amp;[]core.Toleration)</c> as helper.GetTolerationsFromPodAnnotations calls it (VAL-312):
/// Go's encoding/json first checks the whole input with its scanner (the first syntax error wins, with the scanner's
/// text), then decodes, keeping the first type error and decoding on. The internal <c>core.Toleration</c> has no json
/// tags, so keys match the Go field names (<c>Key</c>, <c>Operator</c>, <c>Value</c>, <c>Effect</c>,
/// <c>TolerationSeconds</c>) exactly or case-insensitively, and type errors name them. Unknown keys are ignored.
/// </summary>
/// <remarks>
/// Nested values the decoder does not need (inside unknown keys or of a wrong type) are skipped without recursion, so
/// the input's nesting (bounded by the scanner's 10000 levels) costs no stack.
/// </remarks>
internal static class TolerationsAnnotationJson
{
    /// <summary>encoding/json's maxNestingDepth.</summary>
    private const int MaxNestingDepth = 10000;

    /// <summary>Decodes <paramref name="value"/>; returns Go's error text, or null with the tolerations (null: none).</summary>
    public static string? Decode(string value, out List<Toleration>? tolerations)
    {
        tolerations = null;
        byte[] data = Encoding.UTF8.GetBytes(value);
        string? syntax = CheckValid(data);
        if (syntax is not null)
        {
            return syntax;
        }

        var decoder = new Decoder(data);
        tolerations = decoder.DecodeTop();
        return decoder.Error;
    }

    // ---- checkValid: the scanner's states and texts (encoding/json scanner.go). ----
    private enum State
    {
        BeginValue, BeginValueOrEmpty, BeginStringOrEmpty, BeginString, EndValue, EndTop, InString, InStringEsc,
        InStringEscU, InStringEscU1, InStringEscU12, InStringEscU123, Neg, One, Zero, Dot, Dot0, E, ESign, E0,
        T, Tr, Tru, F, Fa, Fal, Fals, N, Nu, Nul, Error,
    }

    private static string? CheckValid(byte[] data)
    {
        var scanner = new Scanner();
        foreach (byte c in data)
        {
            if (!scanner.Step(c))
            {
                return scanner.Err;
            }
        }

        // eof(): an error already seen (after the top-level value), else one more space, else "unexpected end".
        if (scanner.Err is not null)
        {
            return scanner.Err;
        }

        if (scanner.EndTop)
        {
            return null;
        }

        scanner.Step((byte)' ');
        return scanner.EndTop ? null : scanner.Err ?? "unexpected end of JSON input";
    }

    private sealed class Scanner
    {
        private readonly List<bool> _inObject = []; // parseState: object (key or value) vs array
        private readonly List<bool> _objectValue = [];
        private State _state = State.BeginValue;

        public bool EndTop { get; private set; }

        public string? Err { get; private set; }

        private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

        private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

        /// <summary>One byte; false once the scanner is in error.</summary>
        public bool Step(byte c)
        {
            switch (_state)
            {
                case State.BeginValueOrEmpty:
                    if (IsSpace(c))
                    {
                        return true;
                    }

                    return c == ']' ? EndValue(c) : BeginValue(c);
                case State.BeginValue:
                    return BeginValue(c);
                case State.BeginStringOrEmpty:
                    if (IsSpace(c))
                    {
                        return true;
                    }

                    if (c == '}')
                    {
                        _objectValue[^1] = true;
                        return EndValue(c);
                    }

                    return BeginString(c);
                case State.BeginString:
                    return BeginString(c);
                case State.EndValue:
                    return EndValue(c);
                case State.EndTop:
                    return EndTopStep(c);
                case State.InString:
                    if (c == '"')
                    {
                        _state = State.EndValue;
                        return true;
                    }

                    if (c == '\\')
                    {
                        _state = State.InStringEsc;
                        return true;
                    }

                    return c >= 0x20 || Fail(c, "in string literal");
                case State.InStringEsc:
                    switch (c)
                    {
                        case (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"':
                            _state = State.InString;
                            return true;
                        case (byte)'u':
                            _state = State.InStringEscU;
                            return true;
                        default:
                            return Fail(c, "in string escape code");
                    }

                case State.InStringEscU:
                case State.InStringEscU1:
                case State.InStringEscU12:
                case State.InStringEscU123:
                    if (!IsHex(c))
                    {
                        return Fail(c, "in \\u hexadecimal character escape");
                    }

                    _state = _state == State.InStringEscU123 ? State.InString : _state + 1;
                    return true;
                case State.Neg:
                    if (c == '0')
                    {
                        _state = State.Zero;
                        return true;
                    }

                    if (c is >= (byte)'1' and <= (byte)'9')
                    {
                        _state = State.One;
                        return true;
                    }

                    return Fail(c, "in numeric literal");
                case State.One:
                    if (c is >= (byte)'0' and <= (byte)'9')
                    {
                        return true;
                    }

                    return Zero(c);
                case State.Zero:
                    return Zero(c);
                case State.Dot:
                    if (c is >= (byte)'0' and <= (byte)'9')
                    {
                        _state = State.Dot0;
                        return true;
                    }

                    return Fail(c, "after decimal point in numeric literal");
                case State.Dot0:
                    if (c is >= (byte)'0' and <= (byte)'9')
                    {
                        return true;
                    }

                    if (c is (byte)'e' or (byte)'E')
                    {
                        _state = State.E;
                        return true;
                    }

                    return EndValue(c);
                case State.E:
                    if (c is (byte)'+' or (byte)'-')
                    {
                        _state = State.ESign;
                        return true;
                    }

                    return ESign(c);
                case State.ESign:
                    return ESign(c);
                case State.E0:
                    return c is >= (byte)'0' and <= (byte)'9' || EndValue(c);
                case State.T: return Literal(c, 'r', State.Tr, "in literal true (expecting 'r')");
                case State.Tr: return Literal(c, 'u', State.Tru, "in literal true (expecting 'u')");
                case State.Tru: return Literal(c, 'e', State.EndValue, "in literal true (expecting 'e')");
                case State.F: return Literal(c, 'a', State.Fa, "in literal false (expecting 'a')");
                case State.Fa: return Literal(c, 'l', State.Fal, "in literal false (expecting 'l')");
                case State.Fal: return Literal(c, 's', State.Fals, "in literal false (expecting 's')");
                case State.Fals: return Literal(c, 'e', State.EndValue, "in literal false (expecting 'e')");
                case State.N: return Literal(c, 'u', State.Nu, "in literal null (expecting 'u')");
                case State.Nu: return Literal(c, 'l', State.Nul, "in literal null (expecting 'l')");
                case State.Nul: return Literal(c, 'l', State.EndValue, "in literal null (expecting 'l')");
                default:
                    return false;
            }
        }

        private bool Literal(byte c, char expected, State next, string context)
        {
            if (c == expected)
            {
                _state = next;
                return true;
            }

            return Fail(c, context);
        }

        private bool BeginValue(byte c)
        {
            if (IsSpace(c))
            {
                return true;
            }

            switch (c)
            {
                case (byte)'{':
                    _state = State.BeginStringOrEmpty;
                    return Push(c, inObject: true);
                case (byte)'[':
                    _state = State.BeginValueOrEmpty;
                    return Push(c, inObject: false);
                case (byte)'"': _state = State.InString; return true;
                case (byte)'-': _state = State.Neg; return true;
                case (byte)'0': _state = State.Zero; return true;
                case (byte)'t': _state = State.T; return true;
                case (byte)'f': _state = State.F; return true;
                case (byte)'n': _state = State.N; return true;
            }

            if (c is >= (byte)'1' and <= (byte)'9')
            {
                _state = State.One;
                return true;
            }

            return Fail(c, "looking for beginning of value");
        }

        private bool Push(byte c, bool inObject)
        {
            _inObject.Add(inObject);
            _objectValue.Add(false);
            return _inObject.Count <= MaxNestingDepth || Fail(c, "exceeded max depth");
        }

        private bool BeginString(byte c)
        {
            if (IsSpace(c))
            {
                return true;
            }

            if (c == '"')
            {
                _state = State.InString;
                return true;
            }

            return Fail(c, "looking for beginning of object key string");
        }

        private bool Zero(byte c)
        {
            if (c == '.')
            {
                _state = State.Dot;
                return true;
            }

            if (c is (byte)'e' or (byte)'E')
            {
                _state = State.E;
                return true;
            }

            return EndValue(c);
        }

        private bool ESign(byte c)
        {
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                _state = State.E0;
                return true;
            }

            return Fail(c, "in exponent of numeric literal");
        }

        private bool EndValue(byte c)
        {
            int n = _inObject.Count;
            if (n == 0)
            {
                _state = State.EndTop;
                EndTop = true;
                return EndTopStep(c);
            }

            if (IsSpace(c))
            {
                _state = State.EndValue;
                return true;
            }

            if (_inObject[n - 1])
            {
                if (!_objectValue[n - 1])
                {
                    if (c == ':')
                    {
                        _objectValue[n - 1] = true;
                        _state = State.BeginValue;
                        return true;
                    }

                    return Fail(c, "after object key");
                }

                if (c == ',')
                {
                    _objectValue[n - 1] = false;
                    _state = State.BeginString;
                    return true;
                }

                return c == '}' ? Pop() : Fail(c, "after object key:value pair");
            }

            if (c == ',')
            {
                _state = State.BeginValue;
                return true;
            }

            return c == ']' ? Pop() : Fail(c, "after array element");
        }

        private bool Pop()
        {
            _inObject.RemoveAt(_inObject.Count - 1);
            _objectValue.RemoveAt(_objectValue.Count - 1);
            if (_inObject.Count == 0)
            {
                _state = State.EndTop;
                EndTop = true;
            }
            else
            {
                _state = State.EndValue;
            }

            return true;
        }

        /// <summary>stateEndTop: a non-space byte is an error, reported on the next byte or at eof.</summary>
        private bool EndTopStep(byte c)
        {
            if (!IsSpace(c) && Err is null)
            {
                Err = "invalid character " + QuoteChar(c) + " after top-level value";
                _state = State.Error;
            }

            return true;
        }

        private bool Fail(byte c, string context)
        {
            Err = "invalid character " + QuoteChar(c) + " " + context;
            _state = State.Error;
            return false;
        }
    }

    /// <summary>quoteChar: <c>'\''</c>, <c>'"'</c>, else strconv.Quote of the byte taken as a rune, in single quotes.</summary>
    internal static string QuoteChar(byte c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        string q = GoQuote.Quote(((char)c).ToString());
        return "'" + q[1..^1] + "'";
    }

    // ---- decoding into []core.Toleration, on input the scanner accepted. ----
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
