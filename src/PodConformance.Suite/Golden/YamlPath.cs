using System.Globalization;

namespace PodConformance.Suite.Golden;

/// <summary>
/// The dotted path (<c>expected.lifecycle.samples[3].status</c>) of a line in block YAML as the golden writer
/// prints it, found from indentation alone so that diffs of even unparsable text can name a field.
/// </summary>
public static class YamlPath
{
    public static string At(IReadOnlyList<string> lines, int index)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // Stack of (indent, segment); sequence items carry their index.
        var stack = new List<(int Indent, string Segment, bool Item)>();
        var itemCounts = new Dictionary<(int Depth, int Indent), int>();
        int blockIndent = -1;
        for (int i = 0; i <= index && i < lines.Count; i++)
        {
            string raw = lines[i];
            string trimmed = raw.TrimStart(' ');
            int indent = raw.Length - trimmed.Length;
            if (blockIndent >= 0)
            {
                // Inside a literal block: lines indented deeper than its key belong to it.
                if (trimmed.Length == 0 || indent > blockIndent)
                {
                    continue;
                }

                blockIndent = -1;
            }

            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            while (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                Pop(stack, indent, item: true);
                var key = (stack.Count, indent);
                int n = itemCounts.TryGetValue(key, out int c) ? c + 1 : 0;
                itemCounts[key] = n;
                ClearDeeper(itemCounts, stack.Count);
                stack.Add((indent, "[" + n.ToString(CultureInfo.InvariantCulture) + "]", true));
                indent += 2;
                trimmed = trimmed.Length > 2 ? trimmed[2..] : "";
            }

            int colon = KeyEnd(trimmed);
            if (colon > 0)
            {
                Pop(stack, indent, item: false);
                ClearDeeper(itemCounts, stack.Count);
                stack.Add((indent, trimmed[..colon].Trim('"', '\''), false));
                string rest = trimmed[(colon + 1)..].Trim();
                if (rest.StartsWith('|') || rest.StartsWith('>'))
                {
                    blockIndent = indent;
                }
            }
        }

        var parts = new System.Text.StringBuilder();
        foreach (var (_, segment, item) in stack)
        {
            if (!item && parts.Length > 0)
            {
                parts.Append('.');
            }

            parts.Append(segment);
        }

        return parts.ToString();
    }

    private static void Pop(List<(int Indent, string Segment, bool Item)> stack, int indent, bool item)
    {
        while (stack.Count > 0 && (stack[^1].Indent > indent || (stack[^1].Indent == indent && (stack[^1].Item == item || !item))))
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static void ClearDeeper(Dictionary<(int Depth, int Indent), int> counts, int depth)
    {
        foreach (var k in counts.Keys.Where(k => k.Depth > depth).ToList())
        {
            counts.Remove(k);
        }
    }

    /// <summary>The index of the colon ending a mapping key (outside quotes, followed by space or end), or -1.</summary>
    private static int KeyEnd(string text)
    {
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && i == 0)
            {
                quote = c;
            }
            else if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }
}
