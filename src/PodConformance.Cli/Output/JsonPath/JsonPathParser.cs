using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PodConformance.Cli.Output.JsonPath;

/// <summary>
/// Parses kubectl's JSONPath templates with the grammar and error texts of client-go <c>util/jsonpath/parser.go</c>
/// (kubernetes/client-go, commit 32ce75a7d read): text outside braces, and inside an action fields (<c>.a</c>,
/// <c>['a']</c>), <c>*</c>, <c>..</c>, slices <c>[s:e:st]</c>, unions <c>[a,b]</c>, filters <c>[?(@.x==1)]</c>,
/// quoted text with Go escapes, numbers, <c>true</c>/<c>false</c>, <c>range</c>/<c>end</c>.
/// </summary>
internal sealed partial class JsonPathParser
{
    private readonly string _input;
    private int _pos;
    private int _start;
    private int _width;

    private JsonPathParser(string input) => _input = input;

    public JpList Root { get; } = new([]);

    /// <summary>Parses a template; the exception message is client-go's error text.</summary>
    public static JpList Parse(string text)
    {
        var p = new JsonPathParser(text);
        p.ParseText(p.Root);
        return p.Root;
    }

    /// <summary>client-go's parseAction: <paramref name="text"/> as the inside of one action.</summary>
    private static JpList ParseAction(string text) => (JpList)Parse("{" + text + "}").Nodes[0];

    private const int Eof = -1;

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _width = 0;
            return Eof;
        }

        int r = CharExtensions.ConvertToUtf32OrReplacement(_input, _pos, out _width);
        _pos += _width;
        return r;
    }

    private int Peek()
    {
        int r = Next();
        Backup();
        return r;
    }

    private void Backup() => _pos -= _width;

    private string ConsumeText()
    {
        string value = _input[_start.._pos];
        _start = _pos;
        return value;
    }

    private bool At(string prefix) => _input.AsSpan(_pos).StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>
    /// client-go's parseText, parseLeftDelim and parseRightDelim. There the right delimiter calls parseText(Root) again,
    /// one more stack frame per action (a Go stack grows to 1 GB); here the actions of <paramref name="cur"/> (always the
    /// root) are read in a loop, so a template of many actions cannot overflow the stack.
    /// </summary>
    private void ParseText(JpList cur)
    {
        while (true)
        {
            if (At("{"))
            {
                if (_pos > _start)
                {
                    cur.Nodes.Add(new JpText(ConsumeText()));
                }

                _pos += 1;
                ConsumeText();
                var action = new JpList([]);
                cur.Nodes.Add(action);
                ParseInsideAction(action);
                continue;
            }

            if (Next() == Eof)
            {
                break;
            }
        }

        if (_pos > _start)
        {
            cur.Nodes.Add(new JpText(ConsumeText()));
        }
    }

    private void ParseInsideAction(JpList cur)
    {
        while (true)
        {
            if (At("}"))
            {
                // The text after it is read by ParseText's loop.
                _pos += 1;
                ConsumeText();
                return;
            }

            if (At("[?("))
            {
                ParseFilter(cur);
                continue;
            }

            if (At(".."))
            {
                ParseRecursive(cur);
                continue;
            }

            int r = Next();
            switch (r)
            {
                case Eof or '\r' or '\n':
                    throw new JsonPathException("unclosed action");
                case ' ':
                    ConsumeText();
                    break;
                case '@' or '$':
                    ConsumeText();
                    break;
                case '[':
                    ParseArray(cur);
                    break;
                case '"' or '\'':
                    ParseQuote(cur, r);
                    break;
                case '.':
                    ParseField(cur);
                    break;
                case '+' or '-':
                    Backup();
                    ParseNumber(cur);
                    break;
                default:
                    if (IsDigit(r))
                    {
                        Backup();
                        ParseNumber(cur);
                    }
                    else if (IsAlphaNumeric(r))
                    {
                        Backup();
                        ParseIdentifier(cur);
                    }
                    else
                    {
                        throw new JsonPathException("unrecognized character in action: " + GoRune(r));
                    }

                    break;
            }
        }
    }

    private void ParseIdentifier(JpList cur)
    {
        while (!IsTerminator(Next()))
        {
        }

        Backup();
        string value = ConsumeText();
        cur.Nodes.Add(value is "true" or "false" ? new JpBool(value == "true") : new JpIdentifier(value));
    }

    private void ParseRecursive(JpList cur)
    {
        if (cur.Nodes.Count > 0 && cur.Nodes[^1] is JpRecursive)
        {
            throw new JsonPathException("invalid multiple recursive descent");
        }

        _pos += 2;
        ConsumeText();
        cur.Nodes.Add(new JpRecursive());
        if (IsAlphaNumeric(Peek()))
        {
            ParseField(cur);
        }
    }

    private void ParseNumber(JpList cur)
    {
        int r = Peek();
        if (r is '+' or '-')
        {
            Next();
        }

        while (true)
        {
            r = Next();
            if (r != '.' && !IsDigit(r))
            {
                Backup();
                break;
            }
        }

        string value = ConsumeText();
        if (GoAtoi(value, out long i))
        {
            cur.Nodes.Add(new JpInt(i));
            return;
        }

        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double d) && value.Any(char.IsAsciiDigit))
        {
            cur.Nodes.Add(new JpFloat(d));
            return;
        }

        throw new JsonPathException("cannot parse number " + value);
    }

    [GeneratedRegex(@"^'([^']*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex DictKey();

    [GeneratedRegex(@"^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SliceOperator();

    [GeneratedRegex(@"^([^!<>=]+)([!<>=]+)(.+?)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FilterExpression();

    private void ParseArray(JpList cur)
    {
        while (true)
        {
            int r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated array");
            }

            if (r == ']')
            {
                break;
            }
        }

        string text = ConsumeText();
        text = text[1..^1];
        if (text == "*")
        {
            text = ":";
        }

        string[] parts = text.Split(',');
        if (parts.Length > 1)
        {
            var union = new List<JpList>();
            foreach (string part in parts)
            {
                union.Add(ParseAction("[" + part.Trim(' ') + "]"));
            }

            cur.Nodes.Add(new JpUnion(union));
            return;
        }

        var key = DictKey().Match(text);
        if (key.Success)
        {
            cur.Nodes.AddRange(ParseAction("." + key.Groups[1].Value).Nodes);
            return;
        }

        var slice = SliceOperator().Match(text);
        if (!slice.Success)
        {
            throw new JsonPathException("invalid array index " + text);
        }

        var ps = new JpParam[3];
        for (int i = 0; i < 3; i++)
        {
            string v = slice.Groups[i + 1].Value;
            if (v.Length != 0)
            {
                if (i > 0)
                {
                    v = v[1..];
                }

                if (i > 0 && v.Length == 0)
                {
                    ps[i].Known = false;
                }
                else
                {
                    ps[i].Known = true;
                    if (!GoAtoi(v, out ps[i].Value))
                    {
                        throw new JsonPathException("array index " + v + " is not a number");
                    }
                }
            }
            else if (i == 1)
            {
                ps[i].Known = true;
                ps[i].Value = ps[0].Value + 1;
                ps[i].Derived = true;
            }
        }

        cur.Nodes.Add(new JpArray(ps));
    }

    private void ParseFilter(JpList cur)
    {
        _pos += 3;
        ConsumeText();
        bool begin = false, end = false;
        int pair = 0;
        while (true)
        {
            int r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated filter");
            }

            if (r is '"' or '\'')
            {
                if (!begin)
                {
                    begin = true;
                    pair = r;
                    continue;
                }

                if (_input[_pos - 2] != '\\' && r == pair)
                {
                    end = true;
                }
            }
            else if (r == ')' && begin == end)
            {
                break;
            }
        }

        if (Next() != ']')
        {
            throw new JsonPathException("unclosed array expect ]");
        }

        string text = ConsumeText();
        text = text[..^2];
        var m = FilterExpression().Match(text);
        if (!m.Success)
        {
            cur.Nodes.Add(new JpFilter(ParseAction(text), new JpList([]), "exists"));
            return;
        }

        cur.Nodes.Add(new JpFilter(ParseAction(m.Groups[1].Value), ParseAction(m.Groups[3].Value), m.Groups[2].Value));
    }

    private void ParseQuote(JpList cur, int quote)
    {
        while (true)
        {
            int r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated quoted string");
            }

            if (r == quote && _input[_pos - 2] != '\\')
            {
                break;
            }
        }

        string value = ConsumeText();
        cur.Nodes.Add(new JpText(GoUnquote.UnquoteExtend(value) ?? throw new JsonPathException("unquote string " + value + " error invalid syntax")));
    }

    private void ParseField(JpList cur)
    {
        ConsumeText();
        while (Advance())
        {
        }

        string value = ConsumeText();
        cur.Nodes.Add(value == "*" ? new JpWildcard() : new JpField(value.Replace("\\", "", StringComparison.Ordinal)));
    }

    private bool Advance()
    {
        int r = Next();
        if (r == '\\')
        {
            Next();
        }
        else if (IsTerminator(r))
        {
            Backup();
            return false;
        }

        return true;
    }

    private static bool IsTerminator(int r) =>
        r is ' ' or '\t' or '\r' or '\n' or Eof or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

    private static bool IsDigit(int r) => r >= 0 && Rune.IsValid(r) && Rune.IsDigit(new Rune(r));

    private static bool IsAlphaNumeric(int r) => r == '_' || (r >= 0 && Rune.IsValid(r) && (Rune.IsLetter(new Rune(r)) || Rune.IsDigit(new Rune(r))));

    /// <summary>Go's strconv.Atoi: optional sign, decimal digits, within int64.</summary>
    private static bool GoAtoi(string s, out long value)
    {
        value = 0;
        return s.Length > 0 && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Go's <c>%#U</c>: <c>U+0023 '#'</c>, or just <c>U+0007</c> for a character that does not print.</summary>
    private static string GoRune(int r)
    {
        string hex = "U+" + r.ToString("X4", CultureInfo.InvariantCulture);
        return Rune.IsValid(r) && !Rune.IsControl(new Rune(r)) ? hex + " '" + char.ConvertFromUtf32(r) + "'" : hex;
    }
}

/// <summary>A template that client-go would refuse to parse or execute; the message is its error text.</summary>
internal sealed class JsonPathException(string message) : Exception(message);

internal static class CharExtensions
{
    /// <summary>One code point at <paramref name="index"/>, and how many UTF-16 units it takes (a lone surrogate is U+FFFD).</summary>
    public static int ConvertToUtf32OrReplacement(string s, int index, out int width)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }

        width = 1;
        return char.IsSurrogate(s[index]) ? 0xFFFD : s[index];
    }
}
