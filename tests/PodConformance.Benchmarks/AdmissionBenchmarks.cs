using BenchmarkDotNet.Attributes;

namespace PodConformance.Benchmarks;

/// <summary>
/// The admission hot path on the 3-container benchmark pod (an init container, a sidecar, an app): QoS alone,
/// defaulting + validation + QoS (what a property run does per admission case), and the API server's whole create
/// (PodCreate: admission plugins, defaulting, validation, QoS; what the simulator and the model adapter run). Each row
/// beside the previous build's model (<see cref="BaselineBuild"/>) running the same compiled workload in the same run;
/// KubernetesClient has none of these computations.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdmissionBenchmarks
{
    private Func<int> _qos = () => 0;
    private Func<int> _qosBaseline = () => 0;
    private Func<int> _path = () => 0;
    private Func<int> _pathBaseline = () => 0;
    private Func<int> _create = () => 0;
    private Func<int> _createBaseline = () => 0;

    [GlobalSetup]
    public void Setup()
    {
        _qos = Workloads.Workloads.ComputePodQos();
        _qosBaseline = BaselineBuild.Workload(nameof(Workloads.Workloads.ComputePodQos));
        _path = Workloads.Workloads.DefaultValidateQos();
        _pathBaseline = BaselineBuild.Workload(nameof(Workloads.Workloads.DefaultValidateQos));
        _create = Workloads.Workloads.PodCreateRun();
        _createBaseline = BaselineBuild.Workload(nameof(Workloads.Workloads.PodCreateRun));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("qos")]
    public int ComputePodQos_Baseline() => _qosBaseline();

    [Benchmark]
    [BenchmarkCategory("qos")]
    public int ComputePodQos() => _qos();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("default+validate+qos")]
    public int DefaultValidateQos_Baseline() => _pathBaseline();

    [Benchmark]
    [BenchmarkCategory("default+validate+qos")]
    public int DefaultValidateQos() => _path();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PodCreate")]
    public int PodCreate_Baseline() => _createBaseline();

    [Benchmark]
    [BenchmarkCategory("PodCreate")]
    public int PodCreate() => _create();
}
