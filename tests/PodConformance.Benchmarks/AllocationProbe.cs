using System.Diagnostics;
using System.Globalization;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;

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
        var pod = QosBenchmarks.ThreeContainers();
        var profile = Profile.Default;
        var defaulted = PodDefaulter.Apply(pod, profile);
        Measure("defaulting", () => PodDefaulter.Apply(pod, profile));
        Measure("validation", () => PodValidator.Validate(defaulted, profile));
        Measure("qos", () => QosCalculator.GetPodQos(defaulted, profile));
    }

    private static void Measure<T>(string name, Func<T> step)
    {
        const int n = 20_000;
        for (int i = 0; i < 2_000; i++)
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
