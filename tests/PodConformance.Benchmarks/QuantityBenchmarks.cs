using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using k8s.Models;
using PodConformance.Model.Quantities;

namespace PodConformance.Benchmarks;

/// <summary>
/// Parse and parse+print of a typical mix, ours against KubernetesClient's ResourceQuantity in the same run (per item =
/// total / 6). Each category's baseline is KubernetesClient, so the Ratio column is ours ÷ theirs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QuantityBenchmarks
{
    private static readonly string[] Mix = ["100m", "128Mi", "1.5Gi", "2", "500M", "1e3"];

    [Benchmark(OperationsPerInvoke = 6)]
    [BenchmarkCategory("Parse")]
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

    [Benchmark(OperationsPerInvoke = 6, Baseline = true)]
    [BenchmarkCategory("Parse")]
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
    [BenchmarkCategory("ParseToString")]
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

    [Benchmark(OperationsPerInvoke = 6, Baseline = true)]
    [BenchmarkCategory("ParseToString")]
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
