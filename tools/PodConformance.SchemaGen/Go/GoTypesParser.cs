using System.Text;

namespace PodConformance.SchemaGen.Go;

/// <summary>
/// A small parser for the subset of Go that Kubernetes API type files use: <c>type X struct { … }</c>,
/// <c>type X Y</c>, <c>const ( … )</c> blocks of typed string constants, and the <c>// +marker</c> comment lines
/// directly above a declaration or field. Anything it does not understand inside a struct is an error, so a
/// new Go construct upstream cannot be skipped silently.
/// </summary>
internal static class GoTypesParser
{
    public static GoFile Parse(string source, string fileName)
    {
        var types = new Dictionary<string, GoTypeDecl>(StringComparer.Ordinal);
        var consts = new List<GoConst>();
        var markers = new List<string>();
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        bool inConstBlock = false;
        bool inBlockComment = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (inBlockComment)
            {
                inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line.Length == 0)
            {
                markers.Clear();
                continue;
            }

            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                AddMarker(markers, line);
                continue;
            }

            if (inConstBlock)
            {
                if (line == ")")
                {
                    inConstBlock = false;
                }
                else if (TryConst(line, out var c))
                {
                    consts.Add(c);
                }

                markers.Clear();
                continue;
            }

            if (line == "const (")
            {
                inConstBlock = true;
                markers.Clear();
                continue;
            }

            if (line.StartsWith("const ", StringComparison.Ordinal))
            {
                if (TryConst(line["const ".Length..], out var c))
                {
                    consts.Add(c);
                }

                markers.Clear();
                continue;
            }

            if (line.StartsWith("type ", StringComparison.Ordinal))
            {
                string rest = StripComment(line["type ".Length..]).Trim();
                int space = rest.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    throw new FormatException($"{fileName}:{i + 1}: cannot read type declaration: {line}");
                }

                string name = rest[..space];
                string body = rest[(space + 1)..].Trim();
                if (body.StartsWith('='))
                {
                    body = body[1..].Trim();
                }

                var declMarkers = markers.ToArray();
                if (body == "struct {")
                {
                    var fields = ReadStruct(lines, ref i, fileName);
                    types[name] = new GoTypeDecl(name, fields, null, declMarkers);
                }
                else if (body == "struct{}")
                {
                    types[name] = new GoTypeDecl(name, [], null, declMarkers);
                }
                else if (!body.StartsWith("interface", StringComparison.Ordinal) && !body.StartsWith("func", StringComparison.Ordinal))
                {
                    types[name] = new GoTypeDecl(name, null, body, declMarkers);
                }

                markers.Clear();
                continue;
            }

            markers.Clear();
        }

        return new GoFile(types, consts);
    }

    private static List<GoField> ReadStruct(string[] lines, ref int i, string fileName)
    {
        var fields = new List<GoField>();
        var markers = new List<string>();
        bool inBlockComment = false;
        for (i++; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (inBlockComment || line.StartsWith("/*", StringComparison.Ordinal))
            {
                inBlockComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line == "}")
            {
                return fields;
            }

            if (line.Length == 0)
            {
                markers.Clear();
                continue;
            }

            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                AddMarker(markers, line);
                continue;
            }

            fields.Add(ReadField(line, markers.ToArray(), fileName, i + 1));
            markers.Clear();
        }

        throw new FormatException($"{fileName}: struct not closed");
    }

    /// <summary><c>Name Type `tag`</c> or an embedded <c>Type `tag`</c>.</summary>
    private static GoField ReadField(string line, IReadOnlyList<string> markers, string fileName, int lineNumber)
    {
        string tag = "";
        int tick = line.IndexOf('`', StringComparison.Ordinal);
        string head = line;
        if (tick >= 0)
        {
            int end = line.IndexOf('`', tick + 1);
            if (end < 0)
            {
                throw new FormatException($"{fileName}:{lineNumber}: unterminated struct tag: {line}");
            }

            tag = line[(tick + 1)..end];
            head = line[..tick];
        }

        head = StripComment(head).Trim();
        if (head.Contains("struct {", StringComparison.Ordinal) || head.Contains(",", StringComparison.Ordinal))
        {
            throw new FormatException($"{fileName}:{lineNumber}: unsupported field form (anonymous struct or several names): {line}");
        }

        int space = head.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new GoField("", head, tag, markers)
            : new GoField(head[..space], head[(space + 1)..].Trim(), tag, markers);
    }

    /// <summary><c>Name Type = "value"</c>; untyped or non-string constants are not kept.</summary>
    private static bool TryConst(string line, out GoConst value)
    {
        value = null!;
        line = StripComment(line).Trim();
        int eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return false;
        }

        string[] left = line[..eq].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string right = line[(eq + 1)..].Trim();
        if (left.Length != 2 || right.Length < 2 || right[0] != '"' || right[^1] != '"')
        {
            return false;
        }

        value = new GoConst(left[0], left[1], Unquote(right));
        return true;
    }

    private static string Unquote(string quoted)
    {
        var sb = new StringBuilder(quoted.Length);
        for (int i = 1; i < quoted.Length - 1; i++)
        {
            char c = quoted[i];
            if (c == '\\' && i + 1 < quoted.Length - 1)
            {
                i++;
                c = quoted[i] switch { 'n' => '\n', 't' => '\t', var other => other };
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Keeps <c>// +name=value</c> marker lines (the gengo convention); prose comments are dropped.</summary>
    private static void AddMarker(List<string> markers, string line)
    {
        string text = line[2..].Trim();
        if (text.StartsWith('+'))
        {
            markers.Add(text[1..]);
        }
    }

    private static string StripComment(string text)
    {
        int inString = -1;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '"')
            {
                inString = -inString;
            }

            if (inString < 0 && text[i] == '/' && text[i + 1] == '/')
            {
                return text[..i];
            }
        }

        return text;
    }
}
