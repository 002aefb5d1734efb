using BenchmarkDotNet.Attributes;

namespace PodConformance.Benchmarks;

/// <summary>
/// The simulator on the lifecycle's worst common case, a crash-looping pod (exits 1 after 5 s, restarted with crash-loop
/// backoff up to 300 s), for 1, 10 and 100 hours of virtual time: how cost and memory grow with virtual time. Each row
/// beside the previous build's (<see cref="BaselineBuild"/>) running the same workload in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory, BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class SimulatorBenchmarks
{
    private Func<int> _run = () => 0;
    private Func<int> _watch = () => 0;
    private Func<int> _last = () => 0;
    private Func<int> _baselineLast = () => 0;
    private Func<int> _baselineRun = () => 0;
    private Func<int> _baselineWatch = () => 0;

    [Params(1, 10, 100)]
    public int Hours { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _last = Workloads.Workloads.CrashLoopLastState(Hours);
        _baselineLast = BaselineBuild.Workload(nameof(Workloads.Workloads.CrashLoopLastState), Hours);
        _run = Workloads.Workloads.CrashLoop(Hours, watch: false);
        _watch = Workloads.Workloads.CrashLoop(Hours, watch: true);
        _baselineRun = BaselineBuild.Workload(nameof(Workloads.Workloads.CrashLoop), Hours, false);
        _baselineWatch = BaselineBuild.Workload(nameof(Workloads.Workloads.CrashLoop), Hours, true);
    }

    /// <summary>Where the pod is after the run (this build keeps no timeline or events; the baseline can only run in full).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("last")]
    public int CrashLoopLastState_Baseline() => _baselineLast();

    [Benchmark]
    [BenchmarkCategory("last")]
    public int CrashLoopLastState() => _last();

    /// <summary>Every snapshot and event kept, as the conformance runs' lifecycle observation needs.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("run")]
    public int CrashLoop_Baseline() => _baselineRun();

    [Benchmark]
    [BenchmarkCategory("run")]
    public int CrashLoop() => _run();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("watch")]
    public int CrashLoopWatch_Baseline() => _baselineWatch();

    [Benchmark]
    [BenchmarkCategory("watch")]
    public int CrashLoopWatch() => _watch();
}
