namespace PodConformance.Model.Validation;

/// <summary>checkValid: encoding/json's scanner (scanner.go), its states and error texts, over the UTF-8 bytes.</summary>
internal static partial class TolerationsAnnotationJson
{
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
}
