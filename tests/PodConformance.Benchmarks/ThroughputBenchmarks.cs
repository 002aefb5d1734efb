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
    private ProcessAdapter? _pipelined;

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
        _process = ProcessAdapter.Parse("process:dotnet " + PodconfDll() + " adapter serve", new ProcessAdapterOptions { MaxInFlight = 1 });
        _process.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalSetup(Targets = [nameof(ProtocolSpawnedPipelined)])]
    public void SetupPipelined()
    {
        _cases = ThroughputCases.For(Kind);
        _pipelined = ProcessAdapter.Parse("process:dotnet " + PodconfDll() + " adapter serve");
        _pipelined.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipe?.Dispose();
        _process?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pipelined?.DisposeAsync().AsTask().GetAwaiter().GetResult();
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

    /// <summary>The same cases with the next ones sent ahead (PROTO-005), as the suite runner sends them to such an adapter.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ProtocolSpawnedPipelined() => RunAhead(_pipelined!, _cases, Profile.Default);

    /// <summary>
    /// The cases in order, each after sending it and the ones after it while the adapter takes them (what
    /// <c>SuiteRunner</c> does for an <see cref="IPipeliningAdapter"/>): every answer is read, so nothing is dropped.
    /// </summary>
    public static int RunAhead(IPipeliningAdapter adapter, ConformanceCase[] cases, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(cases);
        int n = 0;
        int sent = 0;
        for (int i = 0; i < cases.Length; i++)
        {
            sent = Math.Max(sent, i);
            while (sent < cases.Length && adapter.TrySendAhead(cases[sent], profile))
            {
                sent++;
            }

            n += adapter.RunAsync(cases[i], profile, CancellationToken.None).AsTask().GetAwaiter().GetResult().Failure is null ? 1 : 0;
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
