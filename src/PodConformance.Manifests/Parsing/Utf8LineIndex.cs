using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Turns byte offsets of UTF-8 text into 1-based line and character columns, because System.Text.Json only
/// reports byte positions and people count characters (tabs count as one, as in YAML).
/// </summary>
/// <remarks>
/// Tokens are asked for in increasing order, so a cursor remembers the last answer and counts only the characters
/// since it: the whole text is counted once, however long its lines (a 1 MB single-line JSON is linear, not
/// quadratic). Any other offset is answered from its line's start.
/// </remarks>
internal sealed class Utf8LineIndex
{
    private readonly byte[] _bytes;
    private readonly int _length;
    private readonly List<int> _lineStarts = [0];
    private int _cursorLine;
    private int _cursorOffset;
    private int _cursorColumn = 1;

    /// <summary>The text in <paramref name="bytes"/>[0, <paramref name="length"/>) (a pooled buffer may be longer).</summary>
    public Utf8LineIndex(byte[] bytes, int length)
    {
        _bytes = bytes;
        _length = length;
        var span = bytes.AsSpan(0, length);
        int i = 0;
        while (true)
        {
            int next = span[i..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            i += next + 1;
            _lineStarts.Add(i);
        }
    }

    public SourcePosition At(long offset)
    {
        int o = (int)Math.Clamp(offset, 0, _length);
        int column;
        int line;
        if (o >= _cursorOffset && (_cursorLine + 1 >= _lineStarts.Count || o < _lineStarts[_cursorLine + 1]))
        {
            line = _cursorLine;
            column = _cursorColumn + Characters(_cursorOffset, o);
        }
        else
        {
            int index = _lineStarts.BinarySearch(o);
            line = index >= 0 ? index : ~index - 1;
            column = 1 + Characters(_lineStarts[line], o);
        }

        (_cursorLine, _cursorOffset, _cursorColumn) = (line, o, column);
        return new SourcePosition(line + 1, column);
    }

    /// <summary>Position from a 0-based line and a byte offset within it (what JsonException reports).</summary>
    public SourcePosition At(long line, long bytePositionInLine)
    {
        int l = (int)Math.Clamp(line, 0, _lineStarts.Count - 1);
        int start = _lineStarts[l];
        return new SourcePosition(l + 1, 1 + Characters(start, Math.Min(start + (int)Math.Clamp(bytePositionInLine, 0, int.MaxValue / 2), _length)));
    }

    /// <summary>Characters (UTF-8 lead bytes) in [from, to).</summary>
    private int Characters(int from, int to)
    {
        int count = 0;
        for (int i = from; i < to; i++)
        {
            if ((_bytes[i] & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
