namespace PodConformance.Model.Tests.Support;

/// <summary>Bytes this thread allocates per call of a step, after warm-up (what BenchmarkDotNet's Allocated column counts).</summary>
internal static class AllocationBudget
{
    public static long PerCall<T>(Func<T> step, int warmUp, int calls)
    {
        T sink = default!;
        for (int i = 0; i < warmUp; i++)
        {
            sink = step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            sink = step();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sink);
        return allocated / calls;
    }
}
