using System.Diagnostics;
using System.Globalization;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;
using PodConformance.Suite.Adapters;

namespace PodConformance.Benchmarks;

/// <summary>
/// <c>-- --probe</c>: bytes allocated and rough time per call of each admission step on the benchmark pod, without
/// BenchmarkDotNet's minutes of warm-up: a quick way to see which step allocates before and after a change. The
/// figures that count are BenchmarkDotNet's; this only points at where to look.
/// </summary>
internal static class AllocationProbe
{
    public static void Run()
    {
        var pod = Workloads.Workloads.ThreeContainers();
        var profile = Profile.Default;
        var defaulted = PodDefaulter.Apply(pod, profile);
        Measure("defaulting", () => PodDefaulter.Apply(pod, profile));
        Measure("validation", () => PodValidator.Validate(defaulted, profile));
        Measure("qos", () => QosCalculator.GetPodQos(defaulted, profile));

        // The process protocol without the pipe: what each side does per case, beside the model's own run.
        foreach (string kind in new[] { "admission", "lifecycle" })
        {
            var cases = ThroughputCases.For(kind);
            var observations = cases.Select(c => ModelAdapter.Run(c, profile)).ToArray();
            var requests = cases.Select((c, i) => ProtocolMessages.Run(i, c, profile)).ToArray();
            var replies = observations.Select((o, i) => ProtocolMessages.Observation(i, o)).ToArray();
            int k = 0;
            Measure(kind + " model", () => ModelAdapter.Run(cases[k++ % cases.Length], profile));
            Measure(kind + " enc-run", () => ProtocolMessages.Run(k, cases[k++ % cases.Length], profile));
            Measure(kind + " dec-run", () => ProtocolMessages.ReadRequest(requests[k++ % cases.Length]));
            Measure(kind + " enc-obs", () => ProtocolMessages.Observation(k, observations[k++ % cases.Length]));
            Measure(kind + " dec-obs", () => ProtocolMessages.ReadReply(replies[k++ % cases.Length]));
        }
    }

    /// <summary><c>-- --probe-sim</c>: the crash-loop scenario at 1, 10 and 100 virtual hours, bytes and time per run.</summary>
    public static void RunSimulator()
    {
        foreach (int hours in new[] { 1, 10, 100 })
        {
            int n = hours >= 100 ? 5 : hours >= 10 ? 50 : 500;
            Measure(hours + "h run", Workloads.Workloads.CrashLoop(hours, watch: false), n);
            Measure(hours + "h watch", Workloads.Workloads.CrashLoop(hours, watch: true), n);
            Measure(hours + "h last", Workloads.Workloads.CrashLoopLastState(hours), n);
        }
    }

    private static void Measure<T>(string name, Func<T> step, int n)
    {
        for (int i = 0; i < Math.Max(1, n / 10); i++)
        {
            _ = step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            _ = step();
        }

        clock.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} {bytes / n,10} B/op {clock.Elapsed.TotalMilliseconds * 1000 / n,12:F1} us/op"));
    }

    private static void Measure<T>(string name, Func<T> step)
    {
        int n = name.Contains(' ', StringComparison.Ordinal) ? 500 : 20_000;
        for (int i = 0; i < n / 10; i++)
        {
            _ = step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            _ = step();
        }

        clock.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} {bytes / n,8} B/op {clock.Elapsed.TotalMilliseconds * 1000 / n,10:F3} us/op"));
    }
}
