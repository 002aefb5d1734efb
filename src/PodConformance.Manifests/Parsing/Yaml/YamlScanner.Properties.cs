using System.Text;

namespace PodConformance.Manifests.Parsing.Yaml;

/// <summary>Anchors, aliases, tags and directives.</summary>
internal sealed partial class YamlScanner
{
    private void FetchAnchor(YamlTokenKind kind)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Mark;
        Advance();
        int nameStart = _pos;
        while (IsAlpha(Current))
        {
            Advance();
        }

        int length = _pos - nameStart;
        if (length == 0 || !(IsBlankZAt(0) || Current is '?' or ':' or ',' or ']' or '}' or '%' or '@' or '`'))
        {
            throw Error(start, "did not find expected alphabetic or numeric character");
        }

        Enqueue(new YamlToken(kind, start, Mark, _text.Substring(nameStart, length)));
    }

    /// <summary>
    /// A tag: <c>!&lt;uri&gt;</c> (verbatim, empty handle), <c>!</c> (handle "", suffix "!"), <c>!suffix</c>
    /// (handle "!"), <c>!!suffix</c> or <c>!name!suffix</c>; the parser resolves the handle.
    /// </summary>
    private void FetchTag()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Mark;
        string handle;
        string suffix;
        if (At(1) == '<')
        {
            Advance();
            Advance();
            handle = "";
            suffix = ScanTagUri(null, start);
            if (Current != '>')
            {
                throw Error(start, "did not find the expected '>'");
            }

            Advance();
        }
        else
        {
            handle = ScanTagHandle(directive: false, start);
            if (handle.Length > 1 && handle[0] == '!' && handle[^1] == '!')
            {
                suffix = ScanTagUri(null, start);
            }
            else
            {
                suffix = ScanTagUri(handle, start);
                handle = "!";
                if (suffix.Length == 0)
                {
                    (handle, suffix) = ("", "!");
                }
            }
        }

        if (!IsBlankZAt(0))
        {
            throw Error(start, "did not find expected whitespace or line break");
        }

        Enqueue(new YamlToken(YamlTokenKind.Tag, start, Mark, handle, suffix));
    }

    private string ScanTagHandle(bool directive, YamlMark start)
    {
        if (Current != '!')
        {
            throw Error(start, "did not find expected '!'");
        }

        int handleStart = _pos;
        Advance();
        while (IsAlpha(Current))
        {
            Advance();
        }

        if (Current == '!')
        {
            Advance();
        }
        else if (directive && _pos - handleStart != 1)
        {
            throw Error(start, "did not find expected '!'");
        }

        return _text.Substring(handleStart, _pos - handleStart);
    }

    /// <summary>A tag's URI characters, %-escapes decoded; <paramref name="head"/> (a handle read as a suffix) goes first, without its '!'.</summary>
    private string ScanTagUri(string? head, YamlMark start)
    {
        var sb = new StringBuilder();
        bool hasTag = !string.IsNullOrEmpty(head);
        if (head is { Length: > 1 })
        {
            sb.Append(head, 1, head.Length - 1);
        }

        while (IsAlpha(Current) || Current is ';' or '/' or '?' or ':' or '@' or '&' or '=' or '+' or '$' or ',' or '.'
                   or '!' or '~' or '*' or '\'' or '(' or ')' or '[' or ']' or '%')
        {
            if (Current == '%')
            {
                ScanUriEscapes(sb, start);
            }
            else
            {
                sb.Append(Current);
                Advance();
            }

            hasTag = true;
        }

        if (!hasTag)
        {
            throw Error(start, "did not find expected tag URI");
        }

        return sb.ToString();
    }

    /// <summary>%XX escapes of one UTF-8 character.</summary>
    private void ScanUriEscapes(StringBuilder sb, YamlMark start)
    {
        Span<byte> bytes = stackalloc byte[4];
        int width = 0;
        int count = 0;
        do
        {
            if (!(Current == '%' && char.IsAsciiHexDigit(At(1)) && char.IsAsciiHexDigit(At(2))))
            {
                throw Error(start, "did not find URI escaped octet");
            }

            byte octet = (byte)((HexValue(At(1)) << 4) + HexValue(At(2)));
            if (count == 0)
            {
                width = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
                if (width == 0)
                {
                    throw Error(start, "found an incorrect leading UTF-8 octet");
                }
            }
            else if ((octet & 0xC0) != 0x80)
            {
                throw Error(start, "found an incorrect trailing UTF-8 octet");
            }

            bytes[count++] = octet;
            Advance();
            Advance();
            Advance();
        }
        while (count < width);

        sb.Append(Encoding.UTF8.GetString(bytes[..count]));
    }

    private void FetchDirective()
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Mark;
        Advance();
        int nameStart = _pos;
        while (IsAlpha(Current))
        {
            Advance();
        }

        if (_pos == nameStart)
        {
            throw Error(start, "could not find expected directive name");
        }

        if (!IsBlankZAt(0))
        {
            throw Error(start, "found unexpected non-alphabetical character");
        }

        string name = _text.Substring(nameStart, _pos - nameStart);
        YamlToken token;
        if (name == "YAML")
        {
            SkipBlanks();
            int major = VersionNumber(start);
            if (Current != '.')
            {
                throw Error(start, "did not find expected digit or '.' character");
            }

            Advance();
            int minor = VersionNumber(start);
            token = new YamlToken(YamlTokenKind.VersionDirective, start, Mark, Major: major, Minor: minor);
        }
        else if (name == "TAG")
        {
            SkipBlanks();
            string handle = ScanTagHandle(directive: true, start);
            if (!IsBlank(Current))
            {
                throw Error(start, "did not find expected whitespace");
            }

            SkipBlanks();
            string prefix = ScanTagUri(null, start);
            if (!IsBlankZAt(0))
            {
                throw Error(start, "did not find expected whitespace or line break");
            }

            token = new YamlToken(YamlTokenKind.TagDirective, start, Mark, handle, prefix);
        }
        else
        {
            throw Error(start, "found unknown directive name");
        }

        SkipBlanks();
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

        Enqueue(token);
    }

    private void SkipBlanks()
    {
        while (IsBlank(Current))
        {
            Advance();
        }
    }

    private int VersionNumber(YamlMark start)
    {
        int value = 0;
        int length = 0;
        while (char.IsAsciiDigit(Current))
        {
            if (++length > 2)
            {
                throw Error(start, "found extremely long version number");
            }

            value = (value * 10) + (Current - '0');
            Advance();
        }

        if (length == 0)
        {
            throw Error(start, "did not find expected version number");
        }

        return value;
    }
}
