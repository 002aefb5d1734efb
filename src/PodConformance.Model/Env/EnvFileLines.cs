using System.Text;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The lines Go's <c>bufio.Scanner</c> with <c>ScanLines</c> and its default buffer yields for a file's text, as the
/// kubelet's env-file parser reads it (ENV-017, ENV-018): split at <c>\n</c>, a trailing <c>\r</c> dropped from each line,
/// no token for an empty end of file; a line of <see cref="MaxLineBytes"/> UTF-8 bytes or more stops the scan with
/// <c>bufio.Scanner: token too long</c> (<c>MaxScanTokenSize</c> is 64 KiB and the line's newline must fit with it).
/// </summary>
internal sealed class EnvFileLines(string content)
{
    /// <summary>The longest line (its bytes, a <c>\r</c> included, the <c>\n</c> not) the scanner returns: 64 KiB − 1.</summary>
    public const int MaxLineBytes = (64 * 1024) - 1;

    /// <summary>bufio.ErrTooLong's text.</summary>
    public const string TooLongError = "bufio.Scanner: token too long";

    private int _position;

    /// <summary>Set when the scan stopped on a line over <see cref="MaxLineBytes"/>.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The next line, or false at the end of the text or after <see cref="TooLong"/>.</summary>
    public bool Scan(out string line)
    {
        line = "";
        if (TooLong || _position >= content.Length)
        {
            return false;
        }

        int newline = content.IndexOf('\n', _position);
        int end = newline < 0 ? content.Length : newline;
        int length = end - _position;
        // A UTF-16 unit is at most 3 UTF-8 bytes: count the bytes only for a line that could be over the limit.
        if (length * 3 > MaxLineBytes && Encoding.UTF8.GetByteCount(content.AsSpan(_position, length)) > MaxLineBytes)
        {
            TooLong = true;
            return false;
        }

        if (length > 0 && content[end - 1] == '\r')
        {
            length--;
        }

        line = content.Substring(_position, length);
        _position = newline < 0 ? content.Length : newline + 1;
        return true;
    }
}
