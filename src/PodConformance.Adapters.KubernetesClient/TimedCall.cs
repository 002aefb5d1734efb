namespace PodConformance.Adapters.KubernetesClient;

/// <summary>The answer of a <see cref="TimedCall"/>: a value, the exception it threw, or nothing in time.</summary>
public readonly record struct TimedResult<T>(bool Hung, T? Value, Exception? Exception);

/// <summary>
/// Runs a call on a dedicated background thread and waits at most a timeout. Some library inputs loop
/// forever and .NET cannot stop a thread, so a call that does not answer is abandoned: the thread keeps
/// running until the process exits, and is demoted (<see cref="ThreadDemotion"/>) so it does not starve
/// the rest of the run on a shared machine.
/// </summary>
public static class TimedCall
{
    private static int abandoned;

    /// <summary>Threads abandoned so far in this process (each may still be spinning).</summary>
    public static int Abandoned => Volatile.Read(ref abandoned);

    public static TimedResult<T> Run<T>(Func<T> call, TimeSpan timeout)
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
        thread.Start();
        if (thread.Join(timeout))
        {
            return new TimedResult<T>(false, box.Value, box.Exception);
        }

        Interlocked.Increment(ref abandoned);
        ThreadDemotion.Demote(box.ThreadId);
        return new TimedResult<T>(true, default, null);
    }

    private sealed class Box<T>
    {
        public volatile int ThreadId;

        public T? Value { get; set; }

        public Exception? Exception { get; set; }
    }
}
