using System.Reflection;
using System.Text;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Reading an answer must leave nothing subscribed to the adapter process's exit: each read races the line against the
/// process's exit, and a wait that is merely abandoned stays subscribed to <c>Process.Exited</c> for the life of the
/// adapter (one handler per answer, on a delegate copied at each addition: quadratic memory over a long run; found in
/// session 9 when --probe-cpu grew to ~760 MB after 320,000 answers). A wait per read that does unsubscribe still raced the
/// next read's subscription (the event's add and remove are not atomic): the process is watched once (session 10).
/// </summary>
public sealed class ReadLineLeakTests
{
    [Fact]
    public async Task Answers_read_leave_no_exit_handler_behind()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var echo = AdapterProcess.Start(["sh", "-c", "while IFS= read -r l; do printf '%s\\n' \"$l\"; done"], null, TimeProvider.System);
        for (int i = 0; i < 200; i++)
        {
            Assert.True(await echo.TrySendAsync(Encoding.UTF8.GetBytes("{\"n\":" + i + "}\n"), CancellationToken.None));
            var read = await echo.ReadLineAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            Assert.Equal(LineKind.Line, read.Kind);
        }

        var process = (System.Diagnostics.Process)typeof(AdapterProcess).GetField("_process", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(echo)!;
        var handlers = typeof(System.Diagnostics.Process).GetField("_onExited", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(handlers); // the runtime's field for Exited's handlers (.NET 10); if it moves, this test must follow it
        // The adapter's one exit watch, nothing per answer (no waiting: nothing is unsubscribed later).
        int Subscribed() => ((Delegate?)handlers.GetValue(process))?.GetInvocationList().Length ?? 0;
        Assert.True(Subscribed() <= 1, "handlers left on Exited after 200 answers: " + Subscribed());
    }
}
