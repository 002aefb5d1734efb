using System.Globalization;
using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>
/// The last lines an adapter wrote to stderr, kept so a failure can quote them: a crashing adapter's traceback is
/// usually the best explanation there is. Bounded whatever the adapter writes: at most <c>maxLines</c> lines, each
/// kept as its first and last <c>maxLineLength / 2</c> characters — also the line still being written, so an adapter
/// that writes a gigabyte without a newline costs a few hundred characters, not a gigabyte.
/// </summary>
internal sealed class StderrTail(int maxLines = 20, int maxLineLength = 500)
{
    private readonly Queue<Line> _lines = new();
    private readonly Lock _gate = new();
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly StringBuilder _head = new();
    private readonly char[] _tail = new char[maxLineLength / 2];
    private int _tailStart;
    private int _tailCount;
    private long _omitted;
    private char[] _chars = new char[1024];

    /// <summary>Adds raw stderr bytes as they came from the pipe (a UTF-8 sequence may be split between calls).</summary>
    public void Feed(ReadOnlySpan<byte> bytes, bool flush = false)
    {
        lock (_gate)
        {
            int needed = _decoder.GetCharCount(bytes, flush);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }

            int n = _decoder.GetChars(bytes, _chars, flush);
            foreach (char c in _chars.AsSpan(0, n))
            {
                if (c == '\n')
                {
                    EndLine();
                }
                else
                {
                    Append(c);
                }
            }
        }
    }

    /// <summary>Adds one whole line (tests, and text that did not come through the pipe).</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            foreach (char c in line)
            {
                Append(c);
            }

            EndLine();
        }
    }

    /// <summary>The last <paramref name="count"/> lines, the unfinished one included, as they are shown.</summary>
    public IReadOnlyList<string> Last(int count) => [.. LastLines(count).Select(l => l.Text(null))];

    private List<Line> LastLines(int count)
    {
        lock (_gate)
        {
            var all = new List<Line>(_lines);
            if (_head.Length > 0 || _tailCount > 0)
            {
                all.Add(Current());
            }

            return all.Skip(Math.Max(0, all.Count - count)).ToList();
        }
    }

    /// <summary>Characters held now (a bound tests check).</summary>
    public int CharsHeld
    {
        get
        {
            lock (_gate)
            {
                return _lines.Sum(l => l.Head.Length + l.Tail.Length) + _head.Length + _tailCount;
            }
        }
    }

    /// <summary>
    /// <c>; stderr (last N lines): a | b</c>, or empty when the adapter wrote nothing. With <paramref name="secrets"/>,
    /// Secret values are masked, also the pieces of one where a long line was cut.
    /// </summary>
    public string Describe(int count, SecretBook? secrets = null)
    {
        var lines = LastLines(count);
        if (lines.Count == 0)
        {
            return "";
        }

        return "; stderr (last " + lines.Count.ToString(CultureInfo.InvariantCulture) + " lines): "
            + string.Join(" | ", lines.Select(l => Excerpt.Quote(l.Text(secrets), int.MaxValue)));
    }

    /// <summary>A kept line: all of it (<see cref="Omitted"/> 0), or its first and last characters around what was left out.</summary>
    private readonly record struct Line(string Head, long Omitted, string Tail)
    {
        public string Text(SecretBook? secrets)
        {
            if (Omitted == 0)
            {
                return secrets is null ? Head + Tail : secrets.Mask(Head + Tail);
            }

            string head = secrets is null ? Head : secrets.MaskEdges(Head, cutStart: false, cutEnd: true);
            string tail = secrets is null ? Tail : secrets.MaskEdges(Tail, cutStart: true, cutEnd: false);
            return head + "…(" + Omitted.ToString(CultureInfo.InvariantCulture) + " characters left out)…" + tail;
        }
    }

    private void Append(char c)
    {
        if (c == '\r')
        {
            return;
        }

        if (_head.Length < _tail.Length)
        {
            _head.Append(c);
            return;
        }

        if (_tailCount == _tail.Length)
        {
            _tailStart = (_tailStart + 1) % _tail.Length;
            _tailCount--;
            _omitted++;
        }

        _tail[(_tailStart + _tailCount) % _tail.Length] = c;
        _tailCount++;
    }

    private Line Current()
    {
        var tail = new StringBuilder(_tailCount);
        for (int i = 0; i < _tailCount; i++)
        {
            tail.Append(_tail[(_tailStart + i) % _tail.Length]);
        }

        return new Line(_head.ToString(), _omitted, tail.ToString());
    }

    private void EndLine()
    {
        _lines.Enqueue(Current());
        while (_lines.Count > maxLines)
        {
            _lines.Dequeue();
        }

        _head.Clear();
        _tailStart = 0;
        _tailCount = 0;
        _omitted = 0;
    }
}
