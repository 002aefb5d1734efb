using BenchmarkDotNet.Attributes;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Benchmarks;

/// <summary>
/// The process protocol taken apart (issue 12 item 6): each of its four codec steps per case — the client encodes the
/// run request, the adapter decodes it, encodes its observation, the client decodes that — beside the model's own run
/// of the same 100 cases in the same run, and the whole round (<see cref="ThroughCodec"/>). The steps' sum over the model
/// is what the protocol adds before the pipe.
/// </summary>
[MemoryDiagnoser]
public class ProtocolStepBenchmarks
{
    private ConformanceCase[] _cases = [];
    private Observation[] _observations = [];
    private string[] _requests = [];
    private string[] _replies = [];

    [Params("quantity", "admission", "lifecycle")]
    public string Kind { get; set; } = "quantity";

    [GlobalSetup]
    public void Setup()
    {
        var profile = Profile.Default;
        _cases = ThroughputCases.For(Kind);
        _observations = [.. _cases.Select(c => ModelAdapter.Run(c, profile))];
        _requests = [.. _cases.Select((c, i) => ProtocolMessages.Run(i, c, profile))];
        _replies = [.. _observations.Select((o, i) => ProtocolMessages.Observation(i, o))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ThroughputCases.Count)]
    public int ModelAdapterRun() => ThroughputCases.RunModel(_cases);

    /// <summary>
    /// The model behind the protocol without the pipe: all four steps and the model's run, on one thread. Its ratio to
    /// the model's own run is the protocol's CPU cost; the pipe adds two wake-ups per case (scheduling, not encoding).
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ThroughCodec()
    {
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            var run = (RunRequest)ProtocolMessages.ReadRequest(ProtocolMessages.Run(i, _cases[i], Profile.Default));
            var observation = ModelAdapter.Run(run.Case, run.Profile);
            n += ProtocolMessages.ReadReply(ProtocolMessages.Observation(run.Id, observation)) is ObservationReply ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodeRun()
    {
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            n += ProtocolMessages.Run(i, _cases[i], Profile.Default).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodeRun()
    {
        int n = 0;
        foreach (string line in _requests)
        {
            n += ProtocolMessages.ReadRequest(line) is RunRequest ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodeObservation()
    {
        int n = 0;
        for (int i = 0; i < _observations.Length; i++)
        {
            n += ProtocolMessages.Observation(i, _observations[i]).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodeObservation()
    {
        int n = 0;
        foreach (string line in _replies)
        {
            n += ProtocolMessages.ReadReply(line) is ObservationReply ? 1 : 0;
        }

        return n;
    }
}
