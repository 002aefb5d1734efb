namespace PodConformance.Manifests.Parsing.Yaml;

/// <summary>
/// Splits YAML text into tokens the way go-yaml v2 (the YAML 1.1 reader under sigs.k8s.io/yaml, which kubectl and
/// the API server use) does: the same indicators, simple keys (a key found only when its <c>:</c> is seen, at most
/// one line and 1024 characters long), indentation turned into block starts and ends, and the same refusals with
/// go-yaml's problem texts. Iterative throughout: nesting lives in lists, never on the call stack, so no input can
/// overflow it. Tokens are made on demand, so a syntax error stops the work where it is found.
/// </summary>
/// <remarks>
/// Semantics were learned from go-yaml v2.4.0 (gopkg.in/yaml.v2, scannerc.go; the library sigs.k8s.io/yaml
/// v1.6 forks as go.yaml.in/yaml/v2 v2.4.2) and checked against it on the corpus in the tests; the code is ours.
/// </remarks>
internal sealed partial class YamlScanner
{
    /// <summary>A simple key may span at most this many characters (go-yaml: 1024).</summary>
    private const int MaxSimpleKeyLength = 1024;

    /// <summary>go-yaml's bound on flow levels and on indentation levels ("exceeded max depth of 10000").</summary>
    private const int MaxLevels = 10000;

    private readonly string _text;

    /// <summary>Where reading stops: the text's length, or the first character go-yaml's reader refuses.</summary>
    private readonly int _end;

    private readonly List<YamlToken> _tokens = [];
    private readonly List<int> _indents = [];
    private readonly List<SimpleKey> _simpleKeys = [];
    private int _head;
    private int _tokensParsed;
    private int _pos;
    private int _line = 1;
    private int _col;
    private int _indent = -1;
    private int _flowLevel;
    private bool _simpleKeyAllowed;
    private bool _streamStartProduced;
    private bool _streamEndProduced;

    public YamlScanner(string text)
    {
        _text = text;
        _end = YamlCharacters.FirstRefused(text);
    }

    private YamlMark Mark => new(_pos, _line, _col);

    /// <summary>The next token without consuming it.</summary>
    public ref readonly YamlToken Peek()
    {
        FetchMoreTokens();
        return ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens)[_head];
    }

    public void Skip()
    {
        _head++;
        _tokensParsed++;
        if (_head == _tokens.Count)
        {
            _tokens.Clear();
            _head = 0;
        }
    }

    public bool StreamEndProduced => _streamEndProduced;

    private struct SimpleKey
    {
        public bool Possible;
        public bool Required;
        public int TokenNumber;
        public YamlMark Mark;
    }

    // ---- characters -------------------------------------------------------------------------------------------

    private char At(int k)
    {
        int i = _pos + k;
        return i < _end ? _text[i] : '\0';
    }

    private char Current => _pos < _end ? _text[_pos] : '\0';

    private bool AtEnd => _pos >= _end;

    private static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private bool IsZAt(int k) => _pos + k >= _end;

    private bool IsBlankZAt(int k)
    {
        if (_pos + k >= _end)
        {
            return true;
        }

        char c = _text[_pos + k];
        return c is ' ' or '\t' || IsBreak(c);
    }

    private bool IsBreakZAt(int k) => _pos + k >= _end || IsBreak(_text[_pos + k]);

    private static bool IsAlpha(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Moves past one character (a surrogate pair is one column).</summary>
    private void Advance()
    {
        char c = _text[_pos++];
        if (!char.IsLowSurrogate(c))
        {
            _col++;
        }
    }

    /// <summary>Moves past a line break (CR LF is one).</summary>
    private void AdvanceLine()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
        _col = 0;
    }

    /// <summary>Reads a line break into <paramref name="sb"/> as go-yaml does: CR, LF, CR LF and NEL become LF; LS and PS stay.</summary>
    private void ReadLine(System.Text.StringBuilder sb)
    {
        char c = _text[_pos];
        sb.Append(c is '\u2028' or '\u2029' ? c : '\n');
        AdvanceLine();
    }

    private bool AtDocumentIndicator()
    {
        if (_col != 0 || _pos + 3 > _end)
        {
            return false;
        }

        char c = _text[_pos];
        return (c == '-' || c == '.') && _text[_pos + 1] == c && _text[_pos + 2] == c && IsBlankZAt(3);
    }

    private YamlSyntaxException Error(YamlMark mark, string problem) => new(mark, problem);

    /// <summary>At the end of the readable text: either the true end, or a character go-yaml's reader refuses.</summary>
    private void ThrowIfRefusedCharacter()
    {
        if (_pos >= _end && _end < _text.Length)
        {
            throw Error(new YamlMark(_pos, _line, _col), "control characters are not allowed");
        }
    }

    // ---- the token queue ----------------------------------------------------------------------------------------

    private void Enqueue(in YamlToken token) => _tokens.Add(token);

    private void Insert(int number, in YamlToken token) => _tokens.Insert(_head + number, token);

    private void FetchMoreTokens()
    {
        while (true)
        {
            if (_head != _tokens.Count && !HeadMayBeSimpleKey())
            {
                return;
            }

            FetchNextToken();
        }
    }

    /// <summary>Whether the head token may still turn out to be a simple key, so that a KEY token may go before it.</summary>
    private bool HeadMayBeSimpleKey()
    {
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_simpleKeys);
        for (int i = keys.Length - 1; i >= 0; i--)
        {
            ref var key = ref keys[i];
            if (key.Possible && key.TokenNumber == _tokensParsed)
            {
                return IsValid(ref key);
            }
        }

        return false;
    }

    private bool IsValid(ref SimpleKey key)
    {
        if (!key.Possible)
        {
            return false;
        }

        if (key.Mark.Line < _line || key.Mark.Offset + MaxSimpleKeyLength < _pos)
        {
            if (key.Required)
            {
                throw Error(key.Mark, "could not find expected ':'");
            }

            key.Possible = false;
            return false;
        }

        return true;
    }

    private void FetchNextToken()
    {
        if (!_streamStartProduced)
        {
            _streamStartProduced = true;
            _simpleKeyAllowed = true;
            _simpleKeys.Add(default);
            Enqueue(new YamlToken(YamlTokenKind.StreamStart, Mark, Mark));
            return;
        }

        if (_streamEndProduced)
        {
            // The parser never asks past the end; answering again keeps Peek total.
            Enqueue(new YamlToken(YamlTokenKind.StreamEnd, Mark, Mark));
            return;
        }

        ScanToNextToken();
        UnrollIndent(_col);
        if (AtEnd)
        {
            ThrowIfRefusedCharacter();
            FetchStreamEnd();
            return;
        }

        char c = _text[_pos];
        if (_col == 0 && c == '%')
        {
            FetchDirective();
            return;
        }

        if (AtDocumentIndicator())
        {
            FetchDocumentIndicator(c == '-' ? YamlTokenKind.DocumentStart : YamlTokenKind.DocumentEnd);
            return;
        }

        switch (c)
        {
            case '[': FetchFlowCollectionStart(YamlTokenKind.FlowSequenceStart); return;
            case '{': FetchFlowCollectionStart(YamlTokenKind.FlowMappingStart); return;
            case ']': FetchFlowCollectionEnd(YamlTokenKind.FlowSequenceEnd); return;
            case '}': FetchFlowCollectionEnd(YamlTokenKind.FlowMappingEnd); return;
            case ',': FetchFlowEntry(); return;
            case '-' when IsBlankZAt(1): FetchBlockEntry(); return;
            case '?' when _flowLevel > 0 || IsBlankZAt(1): FetchKey(); return;
            case ':' when _flowLevel > 0 || IsBlankZAt(1): FetchValue(); return;
            case '*': FetchAnchor(YamlTokenKind.Alias); return;
            case '&': FetchAnchor(YamlTokenKind.Anchor); return;
            case '!': FetchTag(); return;
            case '|' when _flowLevel == 0: FetchBlockScalar(literal: true); return;
            case '>' when _flowLevel == 0: FetchBlockScalar(literal: false); return;
            case '\'': FetchFlowScalar(single: true); return;
            case '"': FetchFlowScalar(single: false); return;
        }

        bool indicator = c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|'
            or '>' or '\'' or '"' or '%' or '@' or '`' || IsBlank(c) || IsBreak(c);
        if (!indicator
            || (c == '-' && !IsBlank(At(1)))
            || (_flowLevel == 0 && c is '?' or ':' && !IsBlankZAt(1)))
        {
            FetchPlainScalar();
            return;
        }

        throw Error(Mark, "found character that cannot start any token");
    }

    /// <summary>Skips spaces, comments and line breaks (tabs too where they cannot be indentation).</summary>
    private void ScanToNextToken()
    {
        while (true)
        {
            if (_col == 0 && Current == '\uFEFF')
            {
                Advance();
            }

            while (Current == ' ' || ((_flowLevel > 0 || !_simpleKeyAllowed) && Current == '\t'))
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

            if (!AtEnd && IsBreak(_text[_pos]))
            {
                AdvanceLine();
                if (_flowLevel == 0)
                {
                    _simpleKeyAllowed = true;
                }
            }
            else
            {
                return;
            }
        }
    }

    // ---- simple keys and indentation ----------------------------------------------------------------------------

    private void SaveSimpleKey()
    {
        if (!_simpleKeyAllowed)
        {
            return;
        }

        var key = new SimpleKey
        {
            Possible = true,
            Required = _flowLevel == 0 && _indent == _col,
            TokenNumber = _tokensParsed + (_tokens.Count - _head),
            Mark = Mark,
        };
        RemoveSimpleKey();
        _simpleKeys[^1] = key;
    }

    private void RemoveSimpleKey()
    {
        var key = _simpleKeys[^1];
        if (key.Possible)
        {
            if (key.Required)
            {
                throw Error(key.Mark, "could not find expected ':'");
            }

            key.Possible = false;
            _simpleKeys[^1] = key;
        }
    }

    private void IncreaseFlowLevel()
    {
        _simpleKeys.Add(default);
        _flowLevel++;
        if (_flowLevel > MaxLevels)
        {
            throw Error(_simpleKeys[^1].Mark, "exceeded max depth of 10000");
        }
    }

    private void DecreaseFlowLevel()
    {
        if (_flowLevel > 0)
        {
            _flowLevel--;
            _simpleKeys.RemoveAt(_simpleKeys.Count - 1);
        }
    }

    /// <summary>Opens a block collection when <paramref name="column"/> is deeper than the current indentation.</summary>
    private void RollIndent(int column, int number, YamlTokenKind kind, YamlMark mark)
    {
        if (_flowLevel > 0 || _indent >= column)
        {
            return;
        }

        _indents.Add(_indent);
        _indent = column;
        if (_indents.Count > MaxLevels)
        {
            throw Error(_simpleKeys[^1].Mark, "exceeded max depth of 10000");
        }

        var token = new YamlToken(kind, mark, mark);
        if (number < 0)
        {
            Enqueue(token);
        }
        else
        {
            Insert(number - _tokensParsed, token);
        }
    }

    /// <summary>Closes every block collection indented deeper than <paramref name="column"/>.</summary>
    private void UnrollIndent(int column)
    {
        if (_flowLevel > 0)
        {
            return;
        }

        while (_indent > column)
        {
            Enqueue(new YamlToken(YamlTokenKind.BlockEnd, Mark, Mark));
            _indent = _indents[^1];
            _indents.RemoveAt(_indents.Count - 1);
        }
    }

    // ---- indicators ---------------------------------------------------------------------------------------------

    private void FetchStreamEnd()
    {
        if (_col != 0)
        {
            _col = 0;
            _line++;
        }

        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        _streamEndProduced = true;
        Enqueue(new YamlToken(YamlTokenKind.StreamEnd, Mark, Mark));
    }

    private void FetchDocumentIndicator(YamlTokenKind kind)
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Mark;
        Advance();
        Advance();
        Advance();
        Enqueue(new YamlToken(kind, start, Mark));
    }

    private void FetchFlowCollectionStart(YamlTokenKind kind)
    {
        SaveSimpleKey();
        IncreaseFlowLevel();
        _simpleKeyAllowed = true;
        var start = Mark;
        Advance();
        Enqueue(new YamlToken(kind, start, Mark));
    }

    private void FetchFlowCollectionEnd(YamlTokenKind kind)
    {
        RemoveSimpleKey();
        DecreaseFlowLevel();
        _simpleKeyAllowed = false;
        var start = Mark;
        Advance();
        Enqueue(new YamlToken(kind, start, Mark));
    }

    private void FetchFlowEntry()
    {
        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        var start = Mark;
        Advance();
        Enqueue(new YamlToken(YamlTokenKind.FlowEntry, start, Mark));
    }

    private void FetchBlockEntry()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                throw Error(Mark, "block sequence entries are not allowed in this context");
            }

            RollIndent(_col, -1, YamlTokenKind.BlockSequenceStart, Mark);
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        var start = Mark;
        Advance();
        Enqueue(new YamlToken(YamlTokenKind.BlockEntry, start, Mark));
    }

    private void FetchKey()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                throw Error(Mark, "mapping keys are not allowed in this context");
            }

            RollIndent(_col, -1, YamlTokenKind.BlockMappingStart, Mark);
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = _flowLevel == 0;
        var start = Mark;
        Advance();
        Enqueue(new YamlToken(YamlTokenKind.Key, start, Mark));
    }

    private void FetchValue()
    {
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_simpleKeys);
        ref var key = ref keys[^1];
        if (IsValid(ref key))
        {
            // The simple key found: a KEY token goes before it, and a block mapping may open there.
            Insert(key.TokenNumber - _tokensParsed, new YamlToken(YamlTokenKind.Key, key.Mark, key.Mark));
            RollIndent(key.Mark.Column, key.TokenNumber, YamlTokenKind.BlockMappingStart, key.Mark);
            key.Possible = false;
            _simpleKeyAllowed = false;
        }
        else
        {
            if (_flowLevel == 0)
            {
                if (!_simpleKeyAllowed)
                {
                    throw Error(Mark, "mapping values are not allowed in this context");
                }

                RollIndent(_col, -1, YamlTokenKind.BlockMappingStart, Mark);
            }

            _simpleKeyAllowed = _flowLevel == 0;
        }

        var start = Mark;
        Advance();
        Enqueue(new YamlToken(YamlTokenKind.Value, start, Mark));
    }
}
