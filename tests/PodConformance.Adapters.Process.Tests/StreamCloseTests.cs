using PodConformance.Adapters.Process.Tests.Support;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// A stopped adapter process leaves no pipe open in podconf. <c>Process.Dispose</c> closes only the redirected streams
/// nobody asked for; podconf asks for stdout (its reader) and stdin (requests) at start, so until session 13 each crash or
/// restart left both handles to the GC's finaliser. Now stdout's reader thread closes stdout at its end and
/// <see cref="AdapterProcess.Dispose"/> closes stdin. A closed pipe stream throws <see cref="ObjectDisposedException"/>;
/// an open one at its end reads -1 and, written with its reader gone, throws <see cref="IOException"/> (EPIPE).
/// </summary>
public sealed class StreamCloseTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [ShellTheory]
    [InlineData("read line")] // still running when stopped: killed by Dispose
    [InlineData("exit 3")] // already gone (a crash)
    public async Task Every_stop_closes_the_adapters_stdout_and_stdin(string script)
    {
        for (int i = 0; i < 50; i++)
        {
            var process = AdapterProcess.Start([Tools.Sh!, "-c", script], null, TimeProvider.System);
            var (stdout, stdin) = process.StreamsForTests;
            process.Dispose();

            // The reader thread sees the end once the family is dead; the bound only covers a machine under load.
            await process.StdoutClosed.WaitAsync(Bound);
            Assert.Throws<ObjectDisposedException>(() => stdout.ReadByte());
            Assert.Throws<ObjectDisposedException>(() => stdin.WriteByte((byte)'\n'));
        }
    }

    /// <summary>The polite stop (bye, then stdin closed) closes stdin once, a later Dispose does not fail on it, and sends after it are refused.</summary>
    [ShellFact]
    public async Task A_closed_input_then_a_dispose_close_each_stream_once()
    {
        var process = AdapterProcess.Start([Tools.Sh!, "-c", "cat >/dev/null"], null, TimeProvider.System);
        var (stdout, stdin) = process.StreamsForTests;
        process.CloseInput();
        Assert.Equal(0, await process.WaitForExitAsync(Bound));
        process.Dispose();
        await process.StdoutClosed.WaitAsync(Bound);
        Assert.Throws<ObjectDisposedException>(() => stdout.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => stdin.WriteByte((byte)'\n'));

        // A send to a stopped adapter is refused, as before, not an exception out of the closed writer.
        Assert.False(await process.TrySendAsync(new byte[] { (byte)'x', (byte)'\n' }, CancellationToken.None));
        Assert.False(await process.TrySendAsync("x", CancellationToken.None));
        process.Post([(byte)'x', (byte)'\n']);
    }
}
