using BenchmarkDotNet.Attributes;
using PodConformance.Adapters.Process;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Benchmarks;

/// <summary>
/// Scenarios per second through the model adapter, through the process protocol in-process (an AdapterServer over
/// OS pipes) and through a real spawned <c>podconf adapter serve</c>. Each invocation runs the 100 cases a default run
/// sends for one property kind, so the reported time is per scenario; scenarios/s = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private ConformanceCase[] _cases = [];
    private PipeAdapterClient? _pipe;
    private ProcessAdapter? _process;

    [Params("quantity", "admission", "lifecycle")]
    public string Kind { get; set; } = "quantity";

    [GlobalSetup(Targets = [nameof(ModelAdapterRun)])]
    public void SetupModel() => _cases = ThroughputCases.For(Kind);

    [GlobalSetup(Targets = [nameof(ProtocolInProcess)])]
    public void SetupPipe()
    {
        _cases = ThroughputCases.For(Kind);
        _pipe = new PipeAdapterClient(new ModelAdapter());
    }

    [GlobalSetup(Targets = [nameof(ProtocolSpawnedProcess)])]
    public void SetupProcess()
    {
        _cases = ThroughputCases.For(Kind);
        _process = ProcessAdapter.Parse("process:dotnet " + PodconfDll() + " adapter serve");
        _process.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipe?.Dispose();
        _process?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ThroughputCases.Count)]
    public int ModelAdapterRun() => ThroughputCases.RunModel(_cases);

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ProtocolInProcess()
    {
        int n = 0;
        foreach (var c in _cases)
        {
            n += _pipe!.Run(c, Profile.Default).Failure is null ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ProtocolSpawnedProcess()
    {
        int n = 0;
        foreach (var c in _cases)
        {
            n += _process!.RunAsync(c, Profile.Default, CancellationToken.None).AsTask().GetAwaiter().GetResult().Failure is null ? 1 : 0;
        }

        return n;
    }

    /// <summary>The Release podconf.dll of this checkout (build it first: <c>dotnet build -c Release src/PodConformance.Cli</c>).</summary>
    private static string PodconfDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        string dll = Path.Combine(dir?.FullName ?? ".", "src", "PodConformance.Cli", "bin", "Release", "net10.0", "podconf.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the CLI in Release first: dotnet build -c Release src/PodConformance.Cli", dll);
    }
}
