using BenchmarkDotNet.Attributes;
using k8s.Models;
using PodConformance.Model.Quantities;

namespace PodConformance.Benchmarks;

/// <summary>Parse and parse+print of a typical mix, ours against KubernetesClient's ResourceQuantity (per item = total / 6).</summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private static readonly string[] Mix = ["100m", "128Mi", "1.5Gi", "2", "500M", "1e3"];

    [Benchmark(OperationsPerInvoke = 6)]
    public int Ours_Parse()
    {
        int sum = 0;
        foreach (var s in Mix)
        {
            Quantity.TryParse(s, out var q, out _);
            sum += q.Sign;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 6)]
    public int Ours_ParseToString()
    {
        int sum = 0;
        foreach (var s in Mix)
        {
            Quantity.TryParse(s, out var q, out _);
            sum += q.ToString().Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 6)]
    public int KubernetesClient_Parse()
    {
        int sum = 0;
        foreach (var s in Mix)
        {
            var q = new ResourceQuantity(s);
            sum += q.Format == ResourceQuantity.SuffixFormat.BinarySI ? 1 : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 6)]
    public int KubernetesClient_ParseToString()
    {
        int sum = 0;
        foreach (var s in Mix)
        {
            sum += new ResourceQuantity(s).ToString().Length;
        }

        return sum;
    }
}
