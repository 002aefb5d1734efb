using System.Text;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Where and why Go's <c>encoding/json</c> Decoder stops on JSON that does not parse, in its own words
/// (<c>invalid character '}' looking for beginning of object key string</c>, <c>unexpected EOF</c>), so podconf's
/// "invalid JSON" says what kubectl says after <c>json: offset N:</c> (MANI-011). System.Text.Json finds the error;
/// this scanner only words it, as Go's scanner state machine would at the same byte.
/// </summary>
/// <remarks>
/// Written from the JSON grammar: one state per place in a value where the next byte is decided. What must match Go is
/// observable behaviour only — the byte an error is found at and its text (Go's encoding/json error strings, the
/// character quoted as <c>quoteChar</c> quotes it), and stream.go's <c>Decoder.readValue</c> rules (values one after
/// another, whitespace between them, a value cut short by the end of input is <c>io.ErrUnexpectedEOF</c>), which
/// sigs.k8s.io/json and kubectl's YAMLOrJSONDecoder use unchanged; GoJsonSyntaxTests pin it with Go's own test vectors.
/// Nesting is bounded at podconf's 256 (MANI-004), worded as the YAML reader words it.
/// </remarks>
internal static class GoJsonSyntax
{
    private enum State
    {
        BeginValueOrEmpty,
        BeginValue,
        BeginStringOrEmpty,
        BeginString,
        EndValue,
        InString,
        InStringEsc,
        InStringEscU,
        InStringEscU1,
        InStringEscU12,
        InStringEscU123,
        Neg,
        One,
        Zero,
        Dot,
        Dot0,
        E,
        ESign,
        E0,
        T,
        Tr,
        Tru,
        F,
        Fa,
        Fal,
        Fals,
        N,
        Nu,
        Nul,
    }

    private enum Parse : byte
    {
        ObjectKey,
        ObjectValue,
        ArrayValue,
    }

    /// <summary>
    /// Scans <paramref name="json"/> as a stream of JSON values and returns the byte offset and Go's message of the
    /// first error, or null when every value is complete and valid.
    /// </summary>
    public static (int Offset, string Message)? FirstError(ReadOnlySpan<byte> json, int maxDepth)
    {
        var stack = new List<Parse>();
        var state = State.BeginValue;
        for (int i = 0; i < json.Length; i++)
        {
            byte c = json[i];
            string? problem = Step(ref state, stack, c, maxDepth);
            if (problem is not null)
            {
                return (i, problem);
            }
        }

        // stream.go readValue at EOF: a top-level value that a space would end is complete; any other open value is cut short.
        bool complete = stack.Count == 0 && state is State.BeginValue or State.EndValue or State.One or State.Zero or State.Dot0 or State.E0;
        return complete ? null : (json.Length, "unexpected EOF");
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsHex(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static string Invalid(byte c, string context) => "invalid character " + QuoteChar(c) + " " + context;

    /// <summary>One byte through the state machine; a message when it is an error. A finished top-level value returns to BeginValue.</summary>
    private static string? Step(ref State state, List<Parse> stack, byte c, int maxDepth)
    {
        switch (state)
        {
            case State.BeginValueOrEmpty:
                if (IsSpace(c))
                {
                    return null;
                }

                if (c == ']')
                {
                    return EndValue(ref state, stack, c, maxDepth);
                }

                goto case State.BeginValue;
            case State.BeginValue:
                if (IsSpace(c))
                {
                    return null;
                }

                switch (c)
                {
                    case (byte)'{':
                        state = State.BeginStringOrEmpty;
                        return Push(stack, Parse.ObjectKey, maxDepth);
                    case (byte)'[':
                        state = State.BeginValueOrEmpty;
                        return Push(stack, Parse.ArrayValue, maxDepth);
                    case (byte)'"':
                        state = State.InString;
                        return null;
                    case (byte)'-':
                        state = State.Neg;
                        return null;
                    case (byte)'0':
                        state = State.Zero;
                        return null;
                    case (byte)'t':
                        state = State.T;
                        return null;
                    case (byte)'f':
                        state = State.F;
                        return null;
                    case (byte)'n':
                        state = State.N;
                        return null;
                    case >= (byte)'1' and <= (byte)'9':
                        state = State.One;
                        return null;
                    default:
                        return Invalid(c, "looking for beginning of value");
                }

            case State.BeginStringOrEmpty:
                if (IsSpace(c))
                {
                    return null;
                }

                if (c == '}')
                {
                    stack[^1] = Parse.ObjectValue;
                    return EndValue(ref state, stack, c, maxDepth);
                }

                goto case State.BeginString;
            case State.BeginString:
                if (IsSpace(c))
                {
                    return null;
                }

                if (c == '"')
                {
                    state = State.InString;
                    return null;
                }

                return Invalid(c, "looking for beginning of object key string");
            case State.EndValue:
                return EndValue(ref state, stack, c, maxDepth);
            case State.InString:
                if (c == '"')
                {
                    state = State.EndValue;
                    return null;
                }

                if (c == '\\')
                {
                    state = State.InStringEsc;
                    return null;
                }

                return c < 0x20 ? Invalid(c, "in string literal") : null;
            case State.InStringEsc:
                if (c is (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"')
                {
                    state = State.InString;
                    return null;
                }

                if (c == 'u')
                {
                    state = State.InStringEscU;
                    return null;
                }

                return Invalid(c, "in string escape code");
            case State.InStringEscU:
            case State.InStringEscU1:
            case State.InStringEscU12:
            case State.InStringEscU123:
                if (!IsHex(c))
                {
                    return Invalid(c, "in \\u hexadecimal character escape");
                }

                state = state == State.InStringEscU123 ? State.InString : state + 1;
                return null;
            case State.Neg:
                if (c == '0')
                {
                    state = State.Zero;
                    return null;
                }

                if (c is >= (byte)'1' and <= (byte)'9')
                {
                    state = State.One;
                    return null;
                }

                return Invalid(c, "in numeric literal");
            case State.One:
                if (c is >= (byte)'0' and <= (byte)'9')
                {
                    return null;
                }

                goto case State.Zero;
            case State.Zero:
                if (c == '.')
                {
                    state = State.Dot;
                    return null;
                }

                if (c is (byte)'e' or (byte)'E')
                {
                    state = State.E;
                    return null;
                }

                return EndValue(ref state, stack, c, maxDepth);
            case State.Dot:
                if (c is >= (byte)'0' and <= (byte)'9')
                {
                    state = State.Dot0;
                    return null;
                }

                return Invalid(c, "after decimal point in numeric literal");
            case State.Dot0:
                if (c is >= (byte)'0' and <= (byte)'9')
                {
                    return null;
                }

                if (c is (byte)'e' or (byte)'E')
                {
                    state = State.E;
                    return null;
                }

                return EndValue(ref state, stack, c, maxDepth);
            case State.E:
                if (c is (byte)'+' or (byte)'-')
                {
                    state = State.ESign;
                    return null;
                }

                goto case State.ESign;
            case State.ESign:
                if (c is >= (byte)'0' and <= (byte)'9')
                {
                    state = State.E0;
                    return null;
                }

                return Invalid(c, "in exponent of numeric literal");
            case State.E0:
                return c is >= (byte)'0' and <= (byte)'9' ? null : EndValue(ref state, stack, c, maxDepth);
            case State.T:
                return Literal(ref state, c, 'r', State.Tr, "in literal true (expecting 'r')");
            case State.Tr:
                return Literal(ref state, c, 'u', State.Tru, "in literal true (expecting 'u')");
            case State.Tru:
                return Literal(ref state, c, 'e', State.EndValue, "in literal true (expecting 'e')");
            case State.F:
                return Literal(ref state, c, 'a', State.Fa, "in literal false (expecting 'a')");
            case State.Fa:
                return Literal(ref state, c, 'l', State.Fal, "in literal false (expecting 'l')");
            case State.Fal:
                return Literal(ref state, c, 's', State.Fals, "in literal false (expecting 's')");
            case State.Fals:
                return Literal(ref state, c, 'e', State.EndValue, "in literal false (expecting 'e')");
            case State.N:
                return Literal(ref state, c, 'u', State.Nu, "in literal null (expecting 'u')");
            case State.Nu:
                return Literal(ref state, c, 'l', State.Nul, "in literal null (expecting 'l')");
            default:
                return Literal(ref state, c, 'l', State.EndValue, "in literal null (expecting 'l')");
        }
    }

    private static string? Literal(ref State state, byte c, char expected, State next, string context)
    {
        if (c != expected)
        {
            return Invalid(c, context);
        }

        state = next;
        return null;
    }

    private static string? Push(List<Parse> stack, Parse p, int maxDepth)
    {
        stack.Add(p);
        return stack.Count > maxDepth ? $"exceeded max depth of {maxDepth}" : null;
    }

    /// <summary>scanner.go stateEndValue: what may follow a complete value; at depth 0 the top-level value is done (the Decoder's scanEnd).</summary>
    private static string? EndValue(ref State state, List<Parse> stack, byte c, int maxDepth)
    {
        if (stack.Count == 0)
        {
            // stream.go: the value ended; the byte starts whatever comes next.
            state = State.BeginValue;
            return Step(ref state, stack, c, maxDepth);
        }

        if (IsSpace(c))
        {
            state = State.EndValue;
            return null;
        }

        switch (stack[^1])
        {
            case Parse.ObjectKey:
                if (c == ':')
                {
                    stack[^1] = Parse.ObjectValue;
                    state = State.BeginValue;
                    return null;
                }

                return Invalid(c, "after object key");
            case Parse.ObjectValue:
                if (c == ',')
                {
                    stack[^1] = Parse.ObjectKey;
                    state = State.BeginString;
                    return null;
                }

                if (c == '}')
                {
                    return Pop(ref state, stack);
                }

                return Invalid(c, "after object key:value pair");
            default:
                if (c == ',')
                {
                    state = State.BeginValue;
                    return null;
                }

                if (c == ']')
                {
                    return Pop(ref state, stack);
                }

                return Invalid(c, "after array element");
        }
    }

    private static string? Pop(ref State state, List<Parse> stack)
    {
        stack.RemoveAt(stack.Count - 1);
        state = stack.Count == 0 ? State.BeginValue : State.EndValue;
        return null;
    }

    /// <summary>
    /// scanner.go quoteChar: <c>'\''</c> and <c>'"'</c> as such, any other byte as Go's strconv.Quote prints
    /// <c>string(c)</c>, the rune U+0000–U+00FF (so the first byte of a UTF-8 sequence shows as a Latin-1 letter).
    /// </summary>
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

        string inner = c switch
        {
            0x07 => "\\a",
            0x08 => "\\b",
            0x0C => "\\f",
            (byte)'\n' => "\\n",
            (byte)'\r' => "\\r",
            (byte)'\t' => "\\t",
            0x0B => "\\v",
            (byte)'\\' => "\\\\",
            < 0x20 or 0x7F => "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
            < 0x7F => ((char)c).ToString(),
            <= 0xA0 or 0xAD => "\\u00" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
            _ => new Rune(c).ToString(),
        };
        return "'" + inner + "'";
    }
}
