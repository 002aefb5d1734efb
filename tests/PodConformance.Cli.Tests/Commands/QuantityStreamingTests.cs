using System.Globalization;
using System.Text;
using PodConformance.Cli.Commands;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// Issue 12 item 5 / issue 14 item 4: <c>quantity -f</c> answers in batches and writes each batch once, so output
/// appears while a long file is being worked through and a 100k-line file costs 100 writes, not a million.
/// </summary>
public class QuantityStreamingTests
{
    /// <summary>Records every write and flush, and what had been written at each flush.</summary>
    private sealed class RecordingWriter : StringWriter
    {
        public RecordingWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public int Writes { get; private set; }

        public List<int> LinesAtFlush { get; } = [];

        public override void Write(char value)
        {
            Writes++;
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }

        public override void Flush()
        {
            LinesAtFlush.Add(ToString().Count(c => c == '\n'));
            base.Flush();
        }
    }

    [Fact]
    public void Tsv_rows_are_written_one_batch_at_a_time()
    {
        int n = (2 * QuantityCommand.BatchSize) + 17;
        var input = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            input.Append(i % 3 == 0 ? "1.5Gi" : i.ToString(CultureInfo.InvariantCulture) + "m").Append('\n');
        }

        var output = new RecordingWriter();
        var error = new RecordingWriter();
        int exit = Podconf.Run(["quantity", "-o", "tsv", "-f", "-"], new CliConsole(new StringReader(input.ToString()), output, error, false));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([QuantityCommand.BatchSize, 2 * QuantityCommand.BatchSize, n], output.LinesAtFlush);
        Assert.Equal(3, output.Writes);
        var lines = output.ToString().Split('\n');
        Assert.Equal(n + 1, lines.Length);
        Assert.StartsWith("1.5Gi\tok\t1536Mi\t", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2000m\tok\t2\t2\tDecimalSI\t2000\t2", lines[2000], StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Table_has_one_header_and_a_failing_row_still_fails_the_run()
    {
        var input = string.Concat(Enumerable.Repeat("1Ki\n", QuantityCommand.BatchSize)) + "bogus\n";
        var output = new RecordingWriter();
        int exit = Podconf.Run(["quantity", "-f", "-"], new CliConsole(new StringReader(input), output, new RecordingWriter(), false));

        Assert.Equal(ExitCodes.CheckFailed, exit);
        string text = output.ToString();
        Assert.Equal(1, text.Split('\n').Count(l => l.StartsWith("INPUT", StringComparison.Ordinal)));
        Assert.Contains("bogus", text, StringComparison.Ordinal);
        Assert.Equal(2, output.LinesAtFlush.Count);
    }
}
