using System.Globalization;
using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>What reading one stdout line produced.</summary>
internal enum LineKind
{
    Line,

    /// <summary>stdout closed: the adapter exited or closed it. <see cref="LineRead.Text"/> holds an unterminated last line, if any.</summary>
    End,

    TimedOut,

    /// <summary>Not a line we can use: not UTF-8, or longer than the limit.</summary>
    Invalid,
}

/// <summary>
/// One read: a protocol line is kept as its UTF-8 bytes (checked valid), and made text only when something asks for
/// <see cref="Text"/> (a handshake, an error message): a reply is read from its bytes (issue 12 item 6).
/// </summary>
internal readonly struct LineRead : IEquatable<LineRead>
{
    private readonly string? _text;

    public LineRead(LineKind kind, string text)
    {
        Kind = kind;
        _text = text;
    }

    /// <summary>A <see cref="LineKind.Line"/> of valid UTF-8.</summary>
    public LineRead(byte[] utf8)
    {
        Kind = LineKind.Line;
        Utf8 = utf8;
    }

    public LineKind Kind { get; }

    /// <summary>The line's bytes when it was read from the stream; null when it was made from text.</summary>
    public byte[]? Utf8 { get; }

    public string Text => _text ?? (Utf8 is null ? "" : Encoding.UTF8.GetString(Utf8));

    /// <summary>The line's bytes, encoded from its text when it was made from text.</summary>
    public ReadOnlySpan<byte> Bytes => Utf8 ?? Encoding.UTF8.GetBytes(_text ?? "");

    public bool Equals(LineRead other) => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is LineRead other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Text);

    public override string ToString() => Kind + ": " + Text;

    public static bool operator ==(LineRead left, LineRead right) => left.Equals(right);

    public static bool operator !=(LineRead left, LineRead right) => !left.Equals(right);
}

/// <summary>
/// Splits an adapter's stdout into protocol lines (PROTO-002, PROTO-003) from raw bytes. It reads the stream itself,
/// never through a <see cref="StreamReader"/>: <c>StreamReader.ReadAsync</c> keeps reading while a read fills its
/// internal buffer, so an answer whose length is a multiple of that buffer (4096 bytes, 12288, …) waited for output
/// that never came — the adapter waits for the next request. A stream read returns whatever the pipe holds, and a
/// line is handed on the moment its newline arrives, however its bytes were split across writes.
/// </summary>
internal sealed class StdoutLines(Stream stream, Func<LineRead, ValueTask> emit, int maxLineBytes, SecretBook? secrets = null)
{
    private readonly List<LineRead> _ready = [];

    /// <summary>Bytes decoded beyond what an excerpt shows, so a Secret value the excerpt's cut splits is still masked whole first.</summary>
    private const int ExcerptSlack = 4096;

    private byte[] _line = new byte[4096];
    private int _length;
    private long _dropped;

    /// <summary>
    /// Reads to the end of the stream with blocking reads, on a thread of its own, and ends with one <see cref="LineKind.End"/>
    /// (carrying an unterminated last line). Not asynchronous reads: on Linux each is an epoll wake-up handed to a thread-pool
    /// worker, a hop per answer that cost more CPU than reading the answer (spec/guides/performance.md, session 10, srv8).
    /// Lines are handed on one by one and the reader's queue is bounded, so an adapter that floods stdout waits on its pipe
    /// (this thread blocks on the full queue) instead of filling podconf's memory.
    /// </summary>
    public void Pump()
    {
        var buffer = new byte[64 * 1024]; // what a Linux pipe holds: a large answer in few reads
        try
        {
            while (true)
            {
                int n = stream.Read(buffer);
                if (n == 0)
                {
                    break;
                }

                foreach (var line in Feed(buffer.AsSpan(0, n)))
                {
                    Wait(emit(line));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe went away with the process, or the reader was closed: end of output.
        }

        try
        {
            Wait(emit(new LineRead(LineKind.End, _length > 0 || _dropped > 0 ? Describe("an unterminated line", out _) : "")));
        }
        catch (InvalidOperationException)
        {
            // The reader was closed (the adapter was disposed): nobody waits for the end.
        }
    }

    private static void Wait(ValueTask emitted)
    {
        if (!emitted.IsCompletedSuccessfully)
        {
            emitted.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Takes a chunk as it came from the pipe: returns the lines it completed (valid until the next call); the rest is
    /// kept, up to the limit.
    /// </summary>
    public IReadOnlyList<LineRead> Feed(ReadOnlySpan<byte> chunk)
    {
        _ready.Clear();
        while (!chunk.IsEmpty)
        {
            int nl = chunk.IndexOf((byte)'\n');
            var part = nl < 0 ? chunk : chunk[..nl];
            if (nl >= 0 && _length == 0 && _dropped == 0 && part.Length <= maxLineBytes)
            {
                // A whole line in this chunk, nothing held before it (an answer usually comes in one read): its one copy is
                // made from the chunk, not after a first copy into the line buffer (28 KB per lifecycle answer).
                Emit(part);
                chunk = chunk[(nl + 1)..];
                continue;
            }

            Append(part);
            if (nl < 0)
            {
                break;
            }

            EmitLine();
            chunk = chunk[(nl + 1)..];
        }

        return _ready;
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        int room = maxLineBytes - _length;
        if (part.Length > room)
        {
            _dropped += part.Length - Math.Max(room, 0);
            part = part[..Math.Max(room, 0)];
        }

        if (_length + part.Length > _line.Length)
        {
            Array.Resize(ref _line, (int)Math.Min(maxLineBytes, Math.Max((long)_line.Length * 2, _length + part.Length)));
        }

        part.CopyTo(_line.AsSpan(_length));
        _length += part.Length;
    }

    private void EmitLine()
    {
        if (_dropped > 0)
        {
            _ready.Add(new LineRead(LineKind.Invalid, Describe("a line longer than " + maxLineBytes.ToString(CultureInfo.InvariantCulture) + " bytes", out _)));
        }
        else
        {
            Emit(_line.AsSpan(0, _length));
        }

        _length = 0;
        _dropped = 0;
        if (_line.Length > 1 << 20)
        {
            // A huge answer is rare; do not keep its buffer for the rest of the run. Answers of a few hundred KB are
            // not (lifecycle cases' observations, up to 261 KB): a 64 KB limit regrew the buffer 4 KB by doubling for
            // each of them, large-object-heap arrays that made most of the client's collections gen-2 ones.
            _line = new byte[4096];
        }
    }

    /// <summary>A line within the limit, without its newline: handed on as its own copy, unless it is blank or not UTF-8.</summary>
    private void Emit(ReadOnlySpan<byte> line)
    {
        var bytes = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            _ready.Add(new LineRead(LineKind.Invalid, "stdout is not valid UTF-8: " + Quote(bytes, 80)));
        }
        else if (!RequestLines.IsBlank(bytes))
        {
            // The line's own copy: it waits in the reader's queue while the buffers take the next line.
            _ready.Add(new LineRead(bytes.ToArray()));
        }
    }

    /// <summary>What is held, for a message: its size and how it starts.</summary>
    private string Describe(string what, out long total)
    {
        total = _length + _dropped;
        return what + " (" + total.ToString(CultureInfo.InvariantCulture) + " bytes) starting " + Quote(_line.AsSpan(0, _length), 200);
    }

    /// <summary>The start of what the adapter wrote, quoted and cut at <paramref name="max"/> characters, Secret values masked.</summary>
    private string Quote(ReadOnlySpan<byte> bytes, int max)
    {
        int take = Math.Min(bytes.Length, max * 4 + ExcerptSlack);
        string text = Encoding.UTF8.GetString(bytes[..take]);
        bool cut = take < bytes.Length || _dropped > 0;
        if (secrets is not null)
        {
            return secrets.Quote(text, max, cutAtEnd: cut);
        }

        return Excerpt.Quote(text, max);
    }
}
