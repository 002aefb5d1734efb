using System.Text;
using PodConformance.Model.Printing;

namespace PodConformance.Cli.Output;

/// <summary>
/// The CLI's stdout and stderr: every control character but LF and TAB (the output's own line and column breaks)
/// is printed as an escape (<see cref="Printable"/>), whichever printer wrote it, so no input reaches the terminal
/// raw. Printers escape input-derived values themselves too, where an LF or TAB in a value would forge a line.
/// </summary>
public sealed class EscapingWriter(TextWriter inner) : TextWriter
{
    /// <summary>The control characters escaped here: all but LF and TAB.</summary>
    private static readonly System.Buffers.SearchValues<char> Raw = System.Buffers.SearchValues.Create(
        new string(Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => Printable.IsControl(c) && c is not ('\n' or '\t')).ToArray()));

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; ours forwards as is.
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (Printable.IsControl(value) && value is not ('\n' or '\t'))
        {
            inner.Write(Printable.Escape(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        inner.Write(value.AsSpan().IndexOfAny(Raw) >= 0 ? Escaped(value) : value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void Flush() => inner.Flush();

    private static string Escaped(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        Printable.Append(sb, value, keepLineBreaksAndTabs: true);
        return sb.ToString();
    }
}
