using System.Runtime.InteropServices;

namespace PodConformance.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM while a verb holds something outside the process (podman pods, cluster objects): the
/// cleanups registered with <see cref="OnInterrupt"/> run once, bounded, and podconf exits as a shell expects of a
/// signalled program (130 for SIGINT, 143 for SIGTERM). Without this the runtime's default ended the process at once
/// and an interrupted <c>podconf run --adapter podman</c> left its pods running.
/// </summary>
internal static class Interruption
{
    /// <summary>Bound on all cleanups together: removing pods is seconds; a wedged podman must not keep podconf alive.</summary>
    private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(90);

    private static readonly Lock Gate = new();
    private static readonly List<Func<ValueTask>> Cleanups = [];
    private static PosixSignalRegistration[]? registrations;
    private static int interrupted;

    /// <summary>Registers a cleanup for an interruption until the returned handle is disposed.</summary>
    public static IDisposable OnInterrupt(Func<ValueTask> cleanup, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        ArgumentNullException.ThrowIfNull(error);
        lock (Gate)
        {
            registrations ??=
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, 130, error)),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, 143, error)),
            ];
            Cleanups.Add(cleanup);
        }

        return new Registration(cleanup);
    }

    private static void Handle(PosixSignalContext context, int exitCode, TextWriter error)
    {
        context.Cancel = true; // the cleanup decides when the process ends
        if (Interlocked.Exchange(ref interrupted, 1) == 1)
        {
            return; // a second signal while cleaning up: the first handler exits
        }

        Func<ValueTask>[] pending;
        lock (Gate)
        {
            pending = [.. Cleanups];
        }

        var all = Task.Run(async () =>
        {
            foreach (var cleanup in pending)
            {
                try
                {
                    await cleanup().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    error.Write("podconf: cleanup after the interruption failed: " + e.GetType().Name + ": " + e.Message + "\n");
                }
            }
        });
        bool done = all.Wait(CleanupLimit);
        error.Write(done ? "podconf: interrupted; removed what the run had created\n" : "podconf: interrupted; cleanup did not finish within 90 s\n");
        error.Flush();
        Environment.Exit(exitCode);
    }

    private sealed class Registration(Func<ValueTask> cleanup) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Cleanups.Remove(cleanup);
            }
        }
    }
}
