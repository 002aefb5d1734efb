using System.Text;

namespace PodConformance.Model.Describe;

/// <summary>
/// kubectl describe's <c>prefixWriter</c> (DESC-002): each <see cref="Write"/> puts two spaces per level in front of an
/// already formatted text and escapes it as <c>printers.WriteEscaped</c> does (ESC as <c>^[</c>, CR as <c>\r</c>), so a
/// label or message cannot drive the terminal. The text is kept unaligned, tabs and all, until <see cref="Format"/>
/// hands it to the tabwriter (kubectl's <c>tabbedString</c>: minwidth 0, tabwidth 8, padding 2, pad ' ', no flags).
/// </summary>
internal sealed class DescribeWriter
{
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _flushed = new();

    public const int Level0 = 0;
    public const int Level1 = 1;
    public const int Level2 = 2;
    public const int Level3 = 3;

    /// <summary>What could not be rendered exactly (DESC-003): kubectl would print something the model does not.</summary>
    public List<string> NotRendered { get; } = [];

    public DescribeWriter Write(int level, string text)
    {
        for (int i = 0; i < level; i++)
        {
            _pending.Append("  ");
        }

        Events.TerminalEscape.Append(_pending, text);
        return this;
    }

    /// <summary><c>WriteLine</c>: the text and a newline, no indentation (<c>fmt.Sprintln</c> of one string).</summary>
    public DescribeWriter WriteLine(string text)
    {
        Events.TerminalEscape.Append(_pending, text);
        _pending.Append('\n');
        return this;
    }

    /// <summary>
    /// <c>Flush</c>: what was written so far is aligned on its own (DescribeEvents flushes before a non-empty block);
    /// the block that follows is appended already aligned.
    /// </summary>
    public void FlushThen(string alignedBlock)
    {
        _flushed.Append(Events.GoTabWriter.Format(_pending.ToString()));
        _pending.Clear();
        _flushed.Append(alignedBlock);
    }

    /// <summary>The text as the prefix writer handed it to the tabwriter, not yet aligned (what describe_test.go reads).</summary>
    public string Unaligned => _flushed.ToString() + _pending.ToString();

    public string Format() => _flushed.ToString() + Events.GoTabWriter.Format(_pending.ToString());
}
