using System.Text;

namespace PodConformance.Manifests.Parsing.Yaml;

/// <summary>Scalars: plain, single- and double-quoted, literal and folded, with go-yaml v2's line folding.</summary>
internal sealed partial class YamlScanner
{
    private static readonly System.Buffers.SearchValues<char> DoubleQuotedSpecials = System.Buffers.SearchValues.Create("\"\\\n\r\u0085\u2028\u2029");
    private static readonly System.Buffers.SearchValues<char> SingleQuotedSpecials = System.Buffers.SearchValues.Create("'\n\r\u0085\u2028\u2029");
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\n\r\u0085\u2028\u2029");

    private readonly StringBuilder _value = new();
    private readonly StringBuilder _trailingBreaks = new();
    private readonly StringBuilder _whitespace = new();

    private void FetchPlainScalar()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        Enqueue(ScanPlainScalar());
    }

    private void FetchFlowScalar(bool single)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        Enqueue(ScanFlowScalar(single));
    }

    private void FetchBlockScalar(bool literal)
    {
        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        Enqueue(ScanBlockScalar(literal));
    }

    /// <summary>
    /// A plain scalar. While it stays on one line its value is a slice of the text (no copy through a buffer);
    /// a line fold switches to building it.
    /// </summary>
    private YamlToken ScanPlainScalar()
    {
        var start = Mark;
        var end = start;
        int indent = _indent + 1;
        bool leadingBlanks = false;
        char leadingBreak = '\n';
        bool folded = false;
        int valueStart = _pos;
        int valueEnd = _pos;
        int whitespaceStart = -1;
        _trailingBreaks.Clear();
        while (true)
        {
            if (AtDocumentIndicator() || Current == '#')
            {
                break;
            }

            while (!IsBlankZAt(0))
            {
                char c = _text[_pos];
                if ((c == ':' && IsBlankZAt(1)) || (_flowLevel > 0 && c is ',' or '?' or '[' or ']' or '{' or '}'))
                {
                    break;
                }

                if (leadingBlanks)
                {
                    if (!folded)
                    {
                        folded = true;
                        _value.Clear().Append(_text, valueStart, valueEnd - valueStart);
                    }

                    if (leadingBreak == '\n')
                    {
                        if (_trailingBreaks.Length == 0)
                        {
                            _value.Append(' ');
                        }
                        else
                        {
                            _value.Append(_trailingBreaks);
                        }
                    }
                    else
                    {
                        _value.Append(leadingBreak).Append(_trailingBreaks);
                    }

                    _trailingBreaks.Clear();
                    leadingBlanks = false;
                    whitespaceStart = -1;
                }
                else if (whitespaceStart >= 0)
                {
                    if (folded)
                    {
                        _value.Append(_text, whitespaceStart, _pos - whitespaceStart);
                    }

                    whitespaceStart = -1;
                }

                if (folded)
                {
                    _value.Append(c);
                }

                Advance();
                valueEnd = _pos;
                end = Mark;
            }

            if (AtEnd || !(IsBlank(_text[_pos]) || IsBreak(_text[_pos])))
            {
                break;
            }

            while (!AtEnd && (IsBlank(_text[_pos]) || IsBreak(_text[_pos])))
            {
                char c = _text[_pos];
                if (IsBlank(c))
                {
                    if (leadingBlanks && _col < indent && c == '\t')
                    {
                        throw Error(start, "found a tab character that violates indentation");
                    }

                    if (!leadingBlanks && whitespaceStart < 0)
                    {
                        whitespaceStart = _pos;
                    }

                    Advance();
                }
                else if (!leadingBlanks)
                {
                    whitespaceStart = -1;
                    leadingBreak = c is '\u2028' or '\u2029' ? c : '\n';
                    AdvanceLine();
                    leadingBlanks = true;
                }
                else
                {
                    ReadLine(_trailingBreaks);
                }
            }

            if (_flowLevel == 0 && _col < indent)
            {
                break;
            }
        }

        if (leadingBlanks)
        {
            _simpleKeyAllowed = true;
        }

        string value = folded ? _value.ToString() : _text.Substring(valueStart, valueEnd - valueStart);
        return new YamlToken(YamlTokenKind.Scalar, start, end, value, Style: YamlScalarStyle.Plain);
    }

    private YamlToken ScanFlowScalar(bool single)
    {
        var start = Mark;
        Advance();
        if (TryScanSimpleQuoted(single, start) is { } simple)
        {
            return simple;
        }

        char quote = single ? '\'' : '"';
        char leadingBreak = '\0';
        _value.Clear();
        _trailingBreaks.Clear();
        _whitespace.Clear();
        while (true)
        {
            if (AtDocumentIndicator())
            {
                throw Error(start, "found unexpected document indicator");
            }

            if (AtEnd)
            {
                ThrowIfRefusedCharacter();
                throw Error(start, "found unexpected end of stream");
            }

            bool leadingBlanks = false;
            while (!IsBlankZAt(0))
            {
                char c = _text[_pos];
                if (single && c == '\'' && At(1) == '\'')
                {
                    _value.Append('\'');
                    Advance();
                    Advance();
                }
                else if (c == quote)
                {
                    break;
                }
                else if (!single && c == '\\' && IsBreak(At(1)))
                {
                    Advance();
                    AdvanceLine();
                    leadingBlanks = true;
                    break;
                }
                else if (!single && c == '\\')
                {
                    ScanEscape(start);
                }
                else
                {
                    _value.Append(c);
                    Advance();
                }
            }

            if (Current == quote && !AtEnd)
            {
                break;
            }

            while (!AtEnd && (IsBlank(_text[_pos]) || IsBreak(_text[_pos])))
            {
                char c = _text[_pos];
                if (IsBlank(c))
                {
                    if (!leadingBlanks)
                    {
                        _whitespace.Append(c);
                    }

                    Advance();
                }
                else if (!leadingBlanks)
                {
                    _whitespace.Clear();
                    leadingBreak = c is '\u2028' or '\u2029' ? c : '\n';
                    AdvanceLine();
                    leadingBlanks = true;
                }
                else
                {
                    ReadLine(_trailingBreaks);
                }
            }

            if (leadingBlanks)
            {
                if (leadingBreak == '\n')
                {
                    if (_trailingBreaks.Length == 0)
                    {
                        _value.Append(' ');
                    }
                    else
                    {
                        _value.Append(_trailingBreaks);
                    }
                }
                else
                {
                    if (leadingBreak != '\0')
                    {
                        _value.Append(leadingBreak);
                    }

                    _value.Append(_trailingBreaks);
                }

                _trailingBreaks.Clear();
                leadingBreak = '\0';
            }
            else
            {
                _value.Append(_whitespace);
                _whitespace.Clear();
            }
        }

        Advance();
        return new YamlToken(YamlTokenKind.Scalar, start, Mark, _value.ToString(), Style: single ? YamlScalarStyle.SingleQuoted : YamlScalarStyle.DoubleQuoted);
    }

    /// <summary>The common case: the closing quote on the same line, no escape: the value is a slice of the text.</summary>
    private YamlToken? TryScanSimpleQuoted(bool single, YamlMark start)
    {
        var rest = _text.AsSpan(_pos, _end - _pos);
        int i = rest.IndexOfAny(single ? SingleQuotedSpecials : DoubleQuotedSpecials);
        if (i < 0 || rest[i] != (single ? '\'' : '"') || (single && i + 1 < rest.Length && rest[i + 1] == '\''))
        {
            return null;
        }

        string value = _text.Substring(_pos, i);
        int stop = _pos + i;
        while (_pos < stop)
        {
            Advance();
        }

        Advance();
        return new YamlToken(YamlTokenKind.Scalar, start, Mark, value, Style: single ? YamlScalarStyle.SingleQuoted : YamlScalarStyle.DoubleQuoted);
    }

    private void ScanEscape(YamlMark start)
    {
        int codeLength = 0;
        switch (At(1))
        {
            case '0': _value.Append('\0'); break;
            case 'a': _value.Append('\a'); break;
            case 'b': _value.Append('\b'); break;
            case 't' or '\t': _value.Append('\t'); break;
            case 'n': _value.Append('\n'); break;
            case 'v': _value.Append('\v'); break;
            case 'f': _value.Append('\f'); break;
            case 'r': _value.Append('\r'); break;
            case 'e': _value.Append('\u001B'); break;
            case ' ': _value.Append(' '); break;
            case '"': _value.Append('"'); break;
            case '\'': _value.Append('\''); break;
            case '\\': _value.Append('\\'); break;
            case 'N': _value.Append('\u0085'); break;
            case '_': _value.Append('\u00A0'); break;
            case 'L': _value.Append('\u2028'); break;
            case 'P': _value.Append('\u2029'); break;
            case 'x': codeLength = 2; break;
            case 'u': codeLength = 4; break;
            case 'U': codeLength = 8; break;
            default: throw Error(start, "found unknown escape character");
        }

        Advance();
        Advance();
        if (codeLength == 0)
        {
            return;
        }

        int value = 0;
        for (int k = 0; k < codeLength; k++)
        {
            char h = At(k);
            if (!char.IsAsciiHexDigit(h))
            {
                throw Error(start, "did not find expected hexdecimal number");
            }

            value = (value << 4) + HexValue(h);
        }

        if (value is (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF or < 0)
        {
            throw Error(start, "found invalid Unicode character escape code");
        }

        if (value <= 0xFFFF)
        {
            _value.Append((char)value);
        }
        else
        {
            _value.Append(char.ConvertFromUtf32(value));
        }

        for (int k = 0; k < codeLength; k++)
        {
            Advance();
        }
    }

    private static int HexValue(char h) => h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10;

    private YamlToken ScanBlockScalar(bool literal)
    {
        var start = Mark;
        Advance();
        int chomping = 0;
        int increment = 0;
        if (Current is '+' or '-')
        {
            chomping = Current == '+' ? 1 : -1;
            Advance();
            if (char.IsAsciiDigit(Current))
            {
                increment = IndentationIndicator(start);
            }
        }
        else if (char.IsAsciiDigit(Current))
        {
            increment = IndentationIndicator(start);
            if (Current is '+' or '-')
            {
                chomping = Current == '+' ? 1 : -1;
                Advance();
            }
        }

        while (IsBlank(Current))
        {
            Advance();
        }

        if (Current == '#')
        {
            while (!IsBreakZAt(0))
            {
                Advance();
            }
        }

        if (!IsBreakZAt(0))
        {
            throw Error(start, "did not find expected comment or line break");
        }

        if (!AtEnd)
        {
            AdvanceLine();
        }

        var end = Mark;
        int indent = increment > 0 ? (_indent >= 0 ? _indent + increment : increment) : 0;
        _value.Clear();
        _trailingBreaks.Clear();
        string leadingBreak = "";
        BlockScalarBreaks(ref indent, start, ref end);
        bool leadingBlank = false;
        while (_col == indent && !AtEnd)
        {
            bool trailingBlank = IsBlank(_text[_pos]);
            if (!literal && !leadingBlank && !trailingBlank && leadingBreak == "\n")
            {
                if (_trailingBreaks.Length == 0)
                {
                    _value.Append(' ');
                }
            }
            else
            {
                _value.Append(leadingBreak);
            }

            leadingBreak = "";
            _value.Append(_trailingBreaks);
            _trailingBreaks.Clear();
            leadingBlank = IsBlank(_text[_pos]);
            int lineEnd = _text.AsSpan(_pos, _end - _pos).IndexOfAny(Breaks);
            int stop = lineEnd < 0 ? _end : _pos + lineEnd;
            _value.Append(_text, _pos, stop - _pos);
            while (_pos < stop)
            {
                Advance();
            }

            if (!AtEnd)
            {
                char c = _text[_pos];
                leadingBreak = c is '\u2028' ? "\u2028" : c is '\u2029' ? "\u2029" : "\n";
                AdvanceLine();
            }

            BlockScalarBreaks(ref indent, start, ref end);
        }

        if (chomping != -1)
        {
            _value.Append(leadingBreak);
        }

        if (chomping == 1)
        {
            _value.Append(_trailingBreaks);
        }

        return new YamlToken(YamlTokenKind.Scalar, start, end, _value.ToString(), Style: literal ? YamlScalarStyle.Literal : YamlScalarStyle.Folded);
    }

    private int IndentationIndicator(YamlMark start)
    {
        if (Current == '0')
        {
            throw Error(start, "found an indentation indicator equal to 0");
        }

        int increment = Current - '0';
        Advance();
        return increment;
    }

    /// <summary>Empty lines of a block scalar, and (when not given) its indentation: the deepest of the leading empty lines.</summary>
    private void BlockScalarBreaks(ref int indent, YamlMark start, ref YamlMark end)
    {
        end = Mark;
        int maxIndent = 0;
        while (true)
        {
            while ((indent == 0 || _col < indent) && Current == ' ')
            {
                Advance();
            }

            if (_col > maxIndent)
            {
                maxIndent = _col;
            }

            if ((indent == 0 || _col < indent) && Current == '\t')
            {
                throw Error(start, "found a tab character where an indentation space is expected");
            }

            if (AtEnd || !IsBreak(_text[_pos]))
            {
                break;
            }

            ReadLine(_trailingBreaks);
            end = Mark;
        }

        if (indent == 0)
        {
            indent = Math.Max(Math.Max(maxIndent, _indent + 1), 1);
        }
    }
}
