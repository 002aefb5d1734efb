using System.Globalization;

namespace PodConformance.Benchmarks;

/// <summary>
/// <c>-- --probe-sim-cpu [ROUNDS]</c>: the crash-loop scenario's end state (<c>CrashLoopLastState</c>) at 1, 10 and 100
/// virtual hours on this thread's own CPU clock, this build beside the baseline build (<see cref="BaselineBuild"/>) in
/// alternating batches, best batch of each. On a machine shared with other work, wall time measures the scheduler; the
/// thread's CPU time (clock_gettime's thread clock) counts only the time this thread ran (the gen-0 collections it
/// triggers included), and the best of several batches drops the batches other work slowed most (cache misses, a
/// sibling hyperthread). Rough beside
/// BenchmarkDotNet's rows, but it holds under load; the ratio to the baseline, measured in the same rounds, is what to read.
/// </summary>
internal static class SimulatorCpuProbe
{
    private static readonly int[] Hours = [1, 10, 100];

    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) && r > 0 ? r : 9;
        var ours = new Func<int>[Hours.Length];
        var baseline = new Func<int>[Hours.Length];
        for (int i = 0; i < Hours.Length; i++)
        {
            ours[i] = Workloads.Workloads.CrashLoopLastState(Hours[i]);
            baseline[i] = BaselineBuild.Workload(nameof(Workloads.Workloads.CrashLoopLastState), Hours[i]);
        }

        var bestOurs = new double[Hours.Length];
        var bestBaseline = new double[Hours.Length];
        Array.Fill(bestOurs, double.MaxValue);
        Array.Fill(bestBaseline, double.MaxValue);
        for (int i = 0; i < Hours.Length; i++)
        {
            // Warm-up: the JIT's tiers settle before any batch counts.
            Batch(ours[i], Runs(Hours[i]) * 3);
            Batch(baseline[i], Math.Max(1, Runs(Hours[i]) / 2));
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < Hours.Length; i++)
            {
                // Alternate which build goes first, so neither always runs right after the other's garbage.
                bool oursFirst = round % 2 == 0;
                if (oursFirst)
                {
                    bestOurs[i] = Math.Min(bestOurs[i], Batch(ours[i], Runs(Hours[i])));
                }

                bestBaseline[i] = Math.Min(bestBaseline[i], Batch(baseline[i], Runs(Hours[i])));
                if (!oursFirst)
                {
                    bestOurs[i] = Math.Min(bestOurs[i], Batch(ours[i], Runs(Hours[i])));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash-loop end state, thread CPU per run, best of {rounds} batches; baseline {BaselineBuild.Describe()}; load average {LoadAverage()}"));
        Console.WriteLine("hours        this build        baseline     ratio");
        for (int i = 0; i < Hours.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Hours[i],5} {bestOurs[i],14:F1} us {bestBaseline[i],14:F1} us {bestOurs[i] / bestBaseline[i],9:F3}"));
        }

        double perHourOurs = (bestOurs[2] - bestOurs[1]) / 90;
        double perHourBaseline = (bestBaseline[2] - bestBaseline[1]) / 90;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per virtual hour after the first ((100 h - 10 h) / 90): this build {perHourOurs:F1} us, baseline {perHourBaseline:F1} us, ratio {perHourOurs / perHourBaseline:F3}"));
    }

    /// <summary>Runs per batch: about the same virtual time in each (200 hours), at least two runs.</summary>
    private static int Runs(int hours) => Math.Max(2, 200 / hours);

    /// <summary>Thread CPU microseconds per run of <paramref name="work"/> over <paramref name="runs"/> runs.</summary>
    private static double Batch(Func<int> work, int runs)
    {
        long before = ThreadCpuNanoseconds();
        for (int i = 0; i < runs; i++)
        {
            _ = work();
        }

        return (ThreadCpuNanoseconds() - before) / 1000.0 / runs;
    }

    /// <summary>
    /// This thread's CPU time in nanoseconds: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, which adds the running
    /// slice's time (<c>/proc/thread-self/schedstat</c> does not: it moves only at the scheduler's ticks and switches, 4 ms
    /// steps on a quiet machine). Linux only.
    /// </summary>
    private static long ThreadCpuNanoseconds()
    {
        if (NativeMethods.clock_gettime(NativeMethods.ClockThreadCpuTime, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ', 4)[..3]) : "unknown";
}

/// <summary>The thread CPU clock of Linux's C library (struct timespec on 64-bit Linux: two longs).</summary>
internal static class NativeMethods
{
    public const int ClockThreadCpuTime = 3;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    public static extern int clock_gettime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
