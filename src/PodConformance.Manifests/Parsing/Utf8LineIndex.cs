using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Turns byte offsets of UTF-8 text into 1-based line and character columns, because System.Text.Json only
/// reports byte positions and people count characters (tabs count as one, as in YAML).
/// </summary>
internal sealed class Utf8LineIndex
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];

    public Utf8LineIndex(byte[] bytes)
    {
        _bytes = bytes;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourcePosition At(long offset)
    {
        int index = _lineStarts.BinarySearch((int)offset);
        int line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, Column(_lineStarts[line], (int)offset));
    }

    /// <summary>Position from a 0-based line and a byte offset within it (what JsonException reports).</summary>
    public SourcePosition At(long line, long bytePositionInLine)
    {
        int l = (int)Math.Clamp(line, 0, _lineStarts.Count - 1);
        int start = _lineStarts[l];
        return new SourcePosition(l + 1, Column(start, start + (int)bytePositionInLine));
    }

    private int Column(int lineStart, int offset)
    {
        int column = 1;
        int end = Math.Min(offset, _bytes.Length);
        for (int i = lineStart; i < end; i++)
        {
            if ((_bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return column;
    }
}
