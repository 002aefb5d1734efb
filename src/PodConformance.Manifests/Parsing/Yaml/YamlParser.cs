namespace PodConformance.Manifests.Parsing.Yaml;

internal enum YamlEventKind : byte
{
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

/// <summary>
/// One event of the YAML grammar. <see cref="Tag"/> is the resolved tag (<c>tag:yaml.org,2002:str</c>, <c>!</c>,
/// or null when none was written); <see cref="Value"/> a scalar's text or an alias's anchor name;
/// <see cref="Flow"/> whether a collection was written in flow style.
/// </summary>
internal readonly record struct YamlEvent(
    YamlEventKind Kind,
    YamlMark Start,
    string? Anchor = null,
    string? Tag = null,
    string? Value = null,
    YamlScalarStyle Style = YamlScalarStyle.Plain,
    bool Flow = false,
    bool Explicit = false);

/// <summary>
/// The YAML 1.1 grammar over <see cref="YamlScanner"/>'s tokens, as go-yaml v2's parser reads it: documents
/// (implicit only at the start of the stream; after an end marker <c>...</c> the next one needs <c>---</c>),
/// %YAML 1.1 and %TAG directives, block and flow collections, indentless sequences, empty nodes. A state stack
/// replaces recursion, so nesting costs heap, never call stack.
/// </summary>
internal sealed class YamlParser(string text)
{
    private static readonly (string Handle, string Prefix)[] DefaultTags = [("!", "!"), ("!!", "tag:yaml.org,2002:")];

    private readonly YamlScanner _scanner = new(text);
    private readonly List<State> _states = [];
    private readonly List<(string Handle, string Prefix)> _tagDirectives = [];
    private State _state = State.StreamStart;

    private enum State : byte
    {
        StreamStart,
        ImplicitDocumentStart,
        DocumentStart,
        DocumentContent,
        DocumentEnd,
        BlockNode,
        BlockSequenceFirstEntry,
        BlockSequenceEntry,
        IndentlessSequenceEntry,
        BlockMappingFirstKey,
        BlockMappingKey,
        BlockMappingValue,
        FlowSequenceFirstEntry,
        FlowSequenceEntry,
        FlowSequenceEntryMappingKey,
        FlowSequenceEntryMappingValue,
        FlowSequenceEntryMappingEnd,
        FlowMappingFirstKey,
        FlowMappingKey,
        FlowMappingValue,
        FlowMappingEmptyValue,
        End,
    }

    public bool Done => _state == State.End;

    /// <summary>The next event; throws <see cref="YamlSyntaxException"/> on a syntax error.</summary>
    public YamlEvent Next() => _state switch
    {
        State.StreamStart => StreamStart(),
        State.ImplicitDocumentStart => DocumentStart(implicitAllowed: true),
        State.DocumentStart => DocumentStart(implicitAllowed: false),
        State.DocumentContent => DocumentContent(),
        State.DocumentEnd => DocumentEnd(),
        State.BlockNode => Node(block: true, indentlessSequence: false),
        State.BlockSequenceFirstEntry => BlockSequenceEntry(first: true),
        State.BlockSequenceEntry => BlockSequenceEntry(first: false),
        State.IndentlessSequenceEntry => IndentlessSequenceEntry(),
        State.BlockMappingFirstKey => BlockMappingKey(first: true),
        State.BlockMappingKey => BlockMappingKey(first: false),
        State.BlockMappingValue => BlockMappingValue(),
        State.FlowSequenceFirstEntry => FlowSequenceEntry(first: true),
        State.FlowSequenceEntry => FlowSequenceEntry(first: false),
        State.FlowSequenceEntryMappingKey => FlowSequenceEntryMappingKey(),
        State.FlowSequenceEntryMappingValue => FlowSequenceEntryMappingValue(),
        State.FlowSequenceEntryMappingEnd => FlowSequenceEntryMappingEnd(),
        State.FlowMappingFirstKey => FlowMappingKey(first: true),
        State.FlowMappingKey => FlowMappingKey(first: false),
        State.FlowMappingValue => FlowMappingValue(empty: false),
        State.FlowMappingEmptyValue => FlowMappingValue(empty: true),
        _ => throw new InvalidOperationException("the stream has ended"),
    };

    private ref readonly YamlToken Peek() => ref _scanner.Peek();

    private void Pop() => _state = PopState();

    private State PopState()
    {
        var s = _states[^1];
        _states.RemoveAt(_states.Count - 1);
        return s;
    }

    private static YamlEvent Empty(YamlMark mark) => new(YamlEventKind.Scalar, mark, Value: "");

    private YamlEvent StreamStart()
    {
        var token = Peek();
        if (token.Kind != YamlTokenKind.StreamStart)
        {
            throw new YamlSyntaxException(token.Start, "did not find expected <stream-start>");
        }

        _state = State.ImplicitDocumentStart;
        _scanner.Skip();
        return new YamlEvent(YamlEventKind.StreamStart, token.Start);
    }

    private YamlEvent DocumentStart(bool implicitAllowed)
    {
        var token = Peek();
        if (!implicitAllowed)
        {
            while (token.Kind == YamlTokenKind.DocumentEnd)
            {
                _scanner.Skip();
                token = Peek();
            }
        }

        if (implicitAllowed && token.Kind is not (YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective or YamlTokenKind.DocumentStart or YamlTokenKind.StreamEnd))
        {
            ProcessDirectives();
            _states.Add(State.DocumentEnd);
            _state = State.BlockNode;
            return new YamlEvent(YamlEventKind.DocumentStart, token.Start);
        }

        if (token.Kind != YamlTokenKind.StreamEnd)
        {
            var start = token.Start;
            ProcessDirectives();
            token = Peek();
            if (token.Kind != YamlTokenKind.DocumentStart)
            {
                throw new YamlSyntaxException(token.Start, "did not find expected <document start>");
            }

            _states.Add(State.DocumentEnd);
            _state = State.DocumentContent;
            _scanner.Skip();
            return new YamlEvent(YamlEventKind.DocumentStart, start, Explicit: true);
        }

        _state = State.End;
        _scanner.Skip();
        return new YamlEvent(YamlEventKind.StreamEnd, token.Start);
    }

    private void ProcessDirectives()
    {
        bool version = false;
        var token = Peek();
        while (token.Kind is YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective)
        {
            if (token.Kind == YamlTokenKind.VersionDirective)
            {
                if (version)
                {
                    throw new YamlSyntaxException(token.Start, "found duplicate %YAML directive");
                }

                if (token.Major != 1 || token.Minor != 1)
                {
                    throw new YamlSyntaxException(token.Start, "found incompatible YAML document");
                }

                version = true;
            }
            else
            {
                AddTagDirective(token.Value!, token.Suffix!, allowDuplicates: false, token.Start);
            }

            _scanner.Skip();
            token = Peek();
        }

        foreach (var (handle, prefix) in DefaultTags)
        {
            AddTagDirective(handle, prefix, allowDuplicates: true, token.Start);
        }
    }

    private void AddTagDirective(string handle, string prefix, bool allowDuplicates, YamlMark mark)
    {
        foreach (var (h, _) in _tagDirectives)
        {
            if (h == handle)
            {
                if (allowDuplicates)
                {
                    return;
                }

                throw new YamlSyntaxException(mark, "found duplicate %TAG directive");
            }
        }

        _tagDirectives.Add((handle, prefix));
    }

    private YamlEvent DocumentContent()
    {
        var token = Peek();
        if (token.Kind is YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective or YamlTokenKind.DocumentStart
            or YamlTokenKind.DocumentEnd or YamlTokenKind.StreamEnd)
        {
            Pop();
            return Empty(token.Start);
        }

        return Node(block: true, indentlessSequence: false);
    }

    private YamlEvent DocumentEnd()
    {
        var token = Peek();
        bool explicitEnd = false;
        if (token.Kind == YamlTokenKind.DocumentEnd)
        {
            _scanner.Skip();
            explicitEnd = true;
        }

        _tagDirectives.Clear();
        _state = State.DocumentStart;
        return new YamlEvent(YamlEventKind.DocumentEnd, token.Start, Explicit: explicitEnd);
    }

    private YamlEvent Node(bool block, bool indentlessSequence)
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Alias)
        {
            Pop();
            _scanner.Skip();
            return new YamlEvent(YamlEventKind.Alias, token.Start, Value: token.Value);
        }

        var start = token.Start;
        string? anchor = null;
        string? tagHandle = null;
        string? tagSuffix = null;
        var tagMark = start;
        if (token.Kind == YamlTokenKind.Anchor)
        {
            anchor = token.Value;
            _scanner.Skip();
            token = Peek();
            if (token.Kind == YamlTokenKind.Tag)
            {
                (tagHandle, tagSuffix, tagMark) = (token.Value, token.Suffix, token.Start);
                _scanner.Skip();
                token = Peek();
            }
        }
        else if (token.Kind == YamlTokenKind.Tag)
        {
            (tagHandle, tagSuffix, tagMark) = (token.Value, token.Suffix, token.Start);
            _scanner.Skip();
            token = Peek();
            if (token.Kind == YamlTokenKind.Anchor)
            {
                anchor = token.Value;
                _scanner.Skip();
                token = Peek();
            }
        }

        string? tag = tagHandle is null ? null : ResolveTag(tagHandle, tagSuffix!, tagMark);
        if (indentlessSequence && token.Kind == YamlTokenKind.BlockEntry)
        {
            _state = State.IndentlessSequenceEntry;
            return new YamlEvent(YamlEventKind.SequenceStart, start, anchor, tag);
        }

        switch (token.Kind)
        {
            case YamlTokenKind.Scalar:
                Pop();
                _scanner.Skip();
                return new YamlEvent(YamlEventKind.Scalar, start, anchor, tag, token.Value, token.Style);
            case YamlTokenKind.FlowSequenceStart:
                _state = State.FlowSequenceFirstEntry;
                return new YamlEvent(YamlEventKind.SequenceStart, start, anchor, tag, Flow: true);
            case YamlTokenKind.FlowMappingStart:
                _state = State.FlowMappingFirstKey;
                return new YamlEvent(YamlEventKind.MappingStart, start, anchor, tag, Flow: true);
            case YamlTokenKind.BlockSequenceStart when block:
                _state = State.BlockSequenceFirstEntry;
                return new YamlEvent(YamlEventKind.SequenceStart, start, anchor, tag);
            case YamlTokenKind.BlockMappingStart when block:
                _state = State.BlockMappingFirstKey;
                return new YamlEvent(YamlEventKind.MappingStart, start, anchor, tag);
        }

        if (anchor is not null || tag is not null)
        {
            Pop();
            return new YamlEvent(YamlEventKind.Scalar, start, anchor, tag, "");
        }

        throw new YamlSyntaxException(token.Start, "did not find expected node content");
    }

    /// <summary>The handle through the document's %TAG directives; a verbatim tag (empty handle) is its suffix.</summary>
    private string ResolveTag(string handle, string suffix, YamlMark mark)
    {
        if (handle.Length == 0)
        {
            return suffix;
        }

        foreach (var (h, prefix) in _tagDirectives)
        {
            if (h == handle)
            {
                return prefix + suffix;
            }
        }

        throw new YamlSyntaxException(mark, "found undefined tag handle");
    }

    private YamlEvent BlockSequenceEntry(bool first)
    {
        if (first)
        {
            _scanner.Skip();
        }

        var token = Peek();
        if (token.Kind == YamlTokenKind.BlockEntry)
        {
            var mark = token.End;
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.BlockEntry or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockSequenceEntry);
                return Node(block: true, indentlessSequence: false);
            }

            _state = State.BlockSequenceEntry;
            return Empty(mark);
        }

        if (token.Kind == YamlTokenKind.BlockEnd)
        {
            Pop();
            _scanner.Skip();
            return new YamlEvent(YamlEventKind.SequenceEnd, token.Start);
        }

        throw new YamlSyntaxException(token.Start, "did not find expected '-' indicator");
    }

    private YamlEvent IndentlessSequenceEntry()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.BlockEntry)
        {
            var mark = token.End;
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.BlockEntry or YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.IndentlessSequenceEntry);
                return Node(block: true, indentlessSequence: false);
            }

            _state = State.IndentlessSequenceEntry;
            return Empty(mark);
        }

        Pop();
        return new YamlEvent(YamlEventKind.SequenceEnd, token.Start);
    }

    private YamlEvent BlockMappingKey(bool first)
    {
        if (first)
        {
            _scanner.Skip();
        }

        var token = Peek();
        if (token.Kind == YamlTokenKind.Key)
        {
            var mark = token.End;
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockMappingValue);
                return Node(block: true, indentlessSequence: true);
            }

            _state = State.BlockMappingValue;
            return Empty(mark);
        }

        if (token.Kind == YamlTokenKind.BlockEnd)
        {
            Pop();
            _scanner.Skip();
            return new YamlEvent(YamlEventKind.MappingEnd, token.Start);
        }

        throw new YamlSyntaxException(token.Start, "did not find expected key");
    }

    private YamlEvent BlockMappingValue()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Value)
        {
            var mark = token.End;
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockMappingKey);
                return Node(block: true, indentlessSequence: true);
            }

            _state = State.BlockMappingKey;
            return Empty(mark);
        }

        _state = State.BlockMappingKey;
        return Empty(token.Start);
    }

    private YamlEvent FlowSequenceEntry(bool first)
    {
        if (first)
        {
            _scanner.Skip();
        }

        var token = Peek();
        if (token.Kind != YamlTokenKind.FlowSequenceEnd)
        {
            if (!first)
            {
                if (token.Kind != YamlTokenKind.FlowEntry)
                {
                    throw new YamlSyntaxException(token.Start, "did not find expected ',' or ']'");
                }

                _scanner.Skip();
                token = Peek();
            }

            if (token.Kind == YamlTokenKind.Key)
            {
                _state = State.FlowSequenceEntryMappingKey;
                _scanner.Skip();
                return new YamlEvent(YamlEventKind.MappingStart, token.Start, Flow: true);
            }

            if (token.Kind != YamlTokenKind.FlowSequenceEnd)
            {
                _states.Add(State.FlowSequenceEntry);
                return Node(block: false, indentlessSequence: false);
            }
        }

        Pop();
        _scanner.Skip();
        return new YamlEvent(YamlEventKind.SequenceEnd, token.Start);
    }

    private YamlEvent FlowSequenceEntryMappingKey()
    {
        var token = Peek();
        if (token.Kind is not (YamlTokenKind.Value or YamlTokenKind.FlowEntry or YamlTokenKind.FlowSequenceEnd))
        {
            _states.Add(State.FlowSequenceEntryMappingValue);
            return Node(block: false, indentlessSequence: false);
        }

        // go-yaml v2 consumes the token here, whichever of the three it is.
        var mark = token.End;
        _scanner.Skip();
        _state = State.FlowSequenceEntryMappingValue;
        return Empty(mark);
    }

    private YamlEvent FlowSequenceEntryMappingValue()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Value)
        {
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.FlowEntry or YamlTokenKind.FlowSequenceEnd))
            {
                _states.Add(State.FlowSequenceEntryMappingEnd);
                return Node(block: false, indentlessSequence: false);
            }
        }

        _state = State.FlowSequenceEntryMappingEnd;
        return Empty(token.Start);
    }

    private YamlEvent FlowSequenceEntryMappingEnd()
    {
        _state = State.FlowSequenceEntry;
        return new YamlEvent(YamlEventKind.MappingEnd, Peek().Start);
    }

    private YamlEvent FlowMappingKey(bool first)
    {
        if (first)
        {
            _scanner.Skip();
        }

        var token = Peek();
        if (token.Kind != YamlTokenKind.FlowMappingEnd)
        {
            if (!first)
            {
                if (token.Kind != YamlTokenKind.FlowEntry)
                {
                    throw new YamlSyntaxException(token.Start, "did not find expected ',' or '}'");
                }

                _scanner.Skip();
                token = Peek();
            }

            if (token.Kind == YamlTokenKind.Key)
            {
                _scanner.Skip();
                token = Peek();
                if (token.Kind is not (YamlTokenKind.Value or YamlTokenKind.FlowEntry or YamlTokenKind.FlowMappingEnd))
                {
                    _states.Add(State.FlowMappingValue);
                    return Node(block: false, indentlessSequence: false);
                }

                _state = State.FlowMappingValue;
                return Empty(token.Start);
            }

            if (token.Kind != YamlTokenKind.FlowMappingEnd)
            {
                _states.Add(State.FlowMappingEmptyValue);
                return Node(block: false, indentlessSequence: false);
            }
        }

        Pop();
        _scanner.Skip();
        return new YamlEvent(YamlEventKind.MappingEnd, token.Start);
    }

    private YamlEvent FlowMappingValue(bool empty)
    {
        var token = Peek();
        if (empty)
        {
            _state = State.FlowMappingKey;
            return Empty(token.Start);
        }

        if (token.Kind == YamlTokenKind.Value)
        {
            _scanner.Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.FlowEntry or YamlTokenKind.FlowMappingEnd))
            {
                _states.Add(State.FlowMappingKey);
                return Node(block: false, indentlessSequence: false);
            }
        }

        _state = State.FlowMappingKey;
        return Empty(token.Start);
    }
}
