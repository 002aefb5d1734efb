using System.Text;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>The stderr tail is bounded whatever the adapter writes: lines, line length, and a line that never ends.</summary>
public sealed class StderrTailTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_hundred_megabytes_without_a_newline_keep_a_few_hundred_characters()
    {
        var tail = new StderrTail();
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1600; i++)
        {
            tail.Feed(chunk);
        }

        tail.Feed("the end"u8);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(tail.CharsHeld, 1, 500);
        Assert.True(allocated < 1024 * 1024, "allocated " + allocated + " bytes for 100 MB of stderr");
        string line = Assert.Single(tail.Last(5));
        Assert.StartsWith(new string('x', 250) + "…(", line, StringComparison.Ordinal);
        Assert.EndsWith(" characters left out)…" + new string('x', 243) + "the end", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_last_lines_are_kept_and_utf8_split_between_reads_is_decoded()
    {
        var tail = new StderrTail(maxLines: 3);
        for (int i = 0; i < 10; i++)
        {
            tail.Add("line " + i);
        }

        byte[] e = Encoding.UTF8.GetBytes("é\n");
        tail.Feed(e.AsSpan(0, 1));
        tail.Feed(e.AsSpan(1));
        Assert.Equal(["line 8", "line 9", "é"], tail.Last(5));
    }

    /// <summary>
    /// A crash or restart stops the process (<see cref="AdapterProcess.Dispose"/>) before draining its stderr, and a machine
    /// under load may not have run the stderr reader's task by then. Each process here has exited (its last words written)
    /// and is stopped before this test yields: the reader's task has had no turn but what an idle pool thread gives it.
    /// Before the stream was taken at start, the drain threw ObjectDisposedException (the words lost) in 21 to 53 of 100
    /// such stops, 36 with this wait for the exit; a pass of 100 stops on that code is not to be expected.
    /// </summary>
    [ShellFact]
    public async Task Stderr_of_a_process_stopped_before_its_reader_ran_is_quoted_whole()
    {
        for (int i = 0; i < 100; i++)
        {
            var process = AdapterProcess.Start([Tools.Sh!, "-c", "echo 'Traceback: last words' >&2; exit 3"], null, TimeProvider.System);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!process.HasExited)
            {
                Assert.True(DateTime.UtcNow < deadline, "the shell never exited");
                Thread.Sleep(1); // no await: the reader's task must not get this thread's turn
            }

            process.Dispose();
            await process.DrainStderrAsync(TimeSpan.FromMinutes(2));
            Assert.Equal("; stderr (last 1 lines): \"Traceback: last words\"", process.Stderr.Describe(5));
        }
    }

    [ShellFact]
    public async Task An_adapter_flooding_stderr_without_newlines_is_quoted_within_bounds()
    {
        string script = _dir.Write("flood.sh", """
            read hello
            echo '{"type":"hello","protocol":"podconf.adapter/v1","name":"flood","version":"0","capabilities":["quantity"],"kubernetesVersions":["1.37"]}'
            read request
            head -c 67108864 /dev/zero | tr '\0' x >&2
            printf 'and then it crashed' >&2
            exit 3
            """);
        await using var adapter = new ProcessAdapter([Tools.Sh!, script], new ProcessAdapterOptions { HandshakeTimeout = TimeSpan.FromMinutes(2), CaseTimeout = TimeSpan.FromMinutes(2) });

        var o = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);

        Assert.Contains("got no answer: the adapter exited with code 3", o.Failure, StringComparison.Ordinal);
        Assert.Contains("characters left out)…", o.Failure, StringComparison.Ordinal);
        Assert.Contains("and then it crashed\"", o.Failure, StringComparison.Ordinal);
        Assert.True(o.Failure!.Length < 2000, "failure of " + o.Failure.Length + " characters");
    }
}
