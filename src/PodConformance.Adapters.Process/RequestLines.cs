using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>
/// The requests an adapter reads, as lines of raw bytes from a stream, with blocking reads (issue 12 item 6): the
/// server answers one request at a time, so awaiting each line (a thread-pool hop per message) bought nothing and cost
/// more CPU than a quantity case's model run. Lines end where <see cref="StreamReader.ReadLine"/> ends them (<c>\n</c>,
/// <c>\r</c> or <c>\r\n</c>; a last line without a terminator counts), so a line is what the text reader gave.
/// <paramref name="beforeWait"/> runs before every read of the stream, that is whenever no further line is held: the serve
/// loop writes the answers it held then (PROTO-005), so none waits while the server waits for input.
/// </summary>
internal sealed class RequestLines(Stream input, Action? beforeWait = null)
{
    /// <summary>Decodes as <see cref="StreamReader"/> with <c>new UTF8Encoding(false)</c> does: invalid bytes become U+FFFD.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>A <c>\r</c> ended the last line: a <c>\n</c> right after it belongs to that line's end.</summary>
    private bool _skipLf;

    /// <summary>The line's bytes (valid until the next call), or false at the end of the input.</summary>
    public bool TryRead(out ReadOnlyMemory<byte> line)
    {
        int scanned = 0;
        while (true)
        {
            if (_skipLf && _start < _end)
            {
                _skipLf = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                }
            }

            var pending = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            int at = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                int length = scanned + at;
                line = _buffer.AsMemory(_start, length);
                _skipLf = _buffer[_start + length] == (byte)'\r';
                _start += length + 1;
                return true;
            }

            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    return false;
                }

                line = _buffer.AsMemory(_start, scanned);
                _start = _end;
                return true;
            }

            Fill();
        }
    }

    /// <summary>Reads more input after what is held, moving the held part to the front or growing the buffer first.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_end == 0 && _buffer.Length > 1 << 20)
        {
            _buffer = new byte[16 * 1024]; // an exceptional request: do not keep its megabytes
        }

        beforeWait?.Invoke();
        int n = input.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }

    /// <summary>The line as the text reader gave it: UTF-8 decoded, invalid bytes replaced.</summary>
    public static string Decode(ReadOnlySpan<byte> line) => Utf8.GetString(line);

    /// <summary>
    /// Whether the line is blank as <see cref="string.IsNullOrWhiteSpace"/> sees its text: decided on the bytes while they
    /// are ASCII, on the decoded text from the first non-ASCII byte on.
    /// </summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            if (b >= 0x80)
            {
                return string.IsNullOrWhiteSpace(Decode(line[i..]));
            }

            if (!char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
