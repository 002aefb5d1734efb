namespace PodConformance.Adapters.KubernetesClient;

/// <summary>The answer of a <see cref="TimedCall"/>: a value, the exception it threw, or nothing in time.</summary>
public readonly record struct TimedResult<T>(bool Hung, T? Value, Exception? Exception);

/// <summary>
/// Runs a call on a dedicated background thread and waits until it has used <c>budget</c> of its own CPU
/// time (Linux; elsewhere wall time), or <c>wallLimit</c> has passed. Counting the call's CPU time keeps the
/// verdict the same on a busy shared machine, where wall time would turn slow answers into hangs. Some
/// library inputs loop forever and .NET cannot stop a thread, so a call that does not answer is abandoned:
/// the thread keeps running until the process exits, demoted (<see cref="ThreadDemotion"/>) so it does not
/// starve the rest of the run.
/// </summary>
public static class TimedCall
{
    private static int abandoned;

    /// <summary>Threads abandoned so far in this process (each may still be spinning).</summary>
    public static int Abandoned => Volatile.Read(ref abandoned);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static TimedResult<T> Run<T>(Func<T> call, TimeSpan budget, TimeSpan wallLimit)
    {
        ArgumentNullException.ThrowIfNull(call);
        var box = new Box<T>();
        var thread = new Thread(() =>
        {
            box.ThreadId = ThreadDemotion.CurrentThreadId();
            try
            {
                box.Value = call();
            }
            catch (Exception e)
            {
                box.Exception = e;
            }
        })
        {
            IsBackground = true,
            Name = "podconf timed call",
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        thread.Start();
        while (!thread.Join(Poll))
        {
            var elapsed = clock.Elapsed;
            var used = ThreadDemotion.CpuTime(box.ThreadId) ?? elapsed;
            if (used >= budget || elapsed >= wallLimit)
            {
                return Abandon<T>(box.ThreadId);
            }
        }

        return new TimedResult<T>(false, box.Value, box.Exception);
    }

    private static TimedResult<T> Abandon<T>(int threadId)
    {
        Interlocked.Increment(ref abandoned);
        ThreadDemotion.Demote(threadId);
        return new TimedResult<T>(true, default, null);
    }

    private sealed class Box<T>
    {
        public volatile int ThreadId;

        public T? Value { get; set; }

        public Exception? Exception { get; set; }
    }
}
