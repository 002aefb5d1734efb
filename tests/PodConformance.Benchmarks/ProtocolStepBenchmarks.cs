using System.Buffers;
using BenchmarkDotNet.Attributes;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Baselines;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Benchmarks;

/// <summary>
/// The process protocol taken apart (issue 12 item 6): each of its four codec steps per case — the client encodes the
/// run request, the adapter decodes it, encodes its observation, the client decodes that — beside the model's own run
/// of the same 100 cases in the same run, and the whole round (<see cref="ThroughCodec"/>), each in the UTF-8 byte form both
/// sides now put on and take off the wire. The steps' sum over the model
/// is what the protocol adds before the pipe.
/// </summary>
[MemoryDiagnoser]
public class ProtocolStepBenchmarks
{
    private ConformanceCase[] _cases = [];
    private Observation[] _observations = [];
    private byte[][] _requests = [];
    private byte[][] _replies = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    [Params("quantity", "admission", "lifecycle")]
    public string Kind { get; set; } = "quantity";

    [GlobalSetup]
    public void Setup()
    {
        var profile = Profile.Default;
        _cases = ThroughputCases.For(Kind);
        _observations = [.. _cases.Select(c => ModelAdapter.Run(c, profile))];
        _requests = [.. _cases.Select((c, i) => Line(w => ProtocolMessages.WriteRunLine(w, i, c, profile)))];
        _replies = [.. _observations.Select((o, i) => Line(w => ProtocolMessages.WriteObservationLine(w, i, o)))];
        _pods = [.. _requests.Select(PodBytes).OfType<byte[]>()];
        _decoded = [.. _requests.Select(r => (RunRequest)ProtocolMessages.ReadRequest(r.AsMemory()))];
        _windows = PhasedRound.Windows(_requests);
        _tens = PhasedRound.Groups(_cases.Length, 10);
    }

    private int[] _windows = [];
    private int[] _tens = [];
    private readonly PhasedRound _phased = new();

    /// <summary>
    /// <see cref="ThroughCodec"/>'s steps in phases over the groups of requests a client sending ahead keeps in flight
    /// (within 4 KiB; session 13): each group's requests encoded, decoded, run, answered and the answers decoded, phase by phase.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int PhasedRoundWindow() => _phased.Round(_cases, Profile.Default, _windows);

    /// <summary><see cref="PhasedRoundWindow"/> over groups of ten cases.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int PhasedRoundTen() => _phased.Round(_cases, Profile.Default, _tens);

    private RunRequest[] _decoded = [];

    private byte[][] _pods = [];

    /// <summary>The pod object's bytes inside a run request (none for quantity cases).</summary>
    private static byte[]? PodBytes(byte[] request)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(request);
        return doc.RootElement.GetProperty("case").TryGetProperty("pod", out var pod)
            ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(pod).ToArray()
            : null;
    }

    /// <summary>A line as it travels, in UTF-8 without its newline.</summary>
    private static byte[] Line(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan[..^1].ToArray();
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
            n += Round(i, _cases[i], Profile.Default) ? 1 : 0;
        }

        return n;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _round;

    /// <summary>
    /// Attribution of <see cref="ThroughCodec"/> beyond its steps (session 12): the model over the cases as the server
    /// decoded them (decoded once, in setup) instead of the generator's own objects. Its ratio to
    /// <see cref="ModelAdapterRun"/> is what the decoded input costs the model itself.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ModelOnDecoded()
    {
        int n = 0;
        foreach (var run in _decoded)
        {
            n += ThroughputCases.RunModel(run.Case, run.Profile);
        }

        return n;
    }

    /// <summary>
    /// The four steps of <see cref="Round"/> in the same order on the same buffer, the model's observation taken from
    /// setup instead of computed: <see cref="ThroughCodec"/> minus the model's run. Beside the sum of the four step rows it
    /// shows what interleaving costs the codec; beside <see cref="ThroughCodec"/> what the model costs inside the round.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int RoundWithoutModel()
    {
        var buffer = _round ??= new ArrayBufferWriter<byte>(16 * 1024);
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            buffer.ResetWrittenCount();
            ProtocolMessages.WriteRunLine(buffer, i, _cases[i], Profile.Default);
            var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
            buffer.ResetWrittenCount();
            ProtocolMessages.WriteObservationLine(buffer, run.Id, _observations[i]);
            n += ProtocolMessages.ReadReply(buffer.WrittenSpan[..^1]) is ObservationReply ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// The request's two ends, then the model over the decoded case: <see cref="ThroughCodec"/> without the observation's
    /// two ends (session 12's attribution).
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int RequestThenModel()
    {
        var buffer = _round ??= new ArrayBufferWriter<byte>(16 * 1024);
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            buffer.ResetWrittenCount();
            ProtocolMessages.WriteRunLine(buffer, i, _cases[i], Profile.Default);
            var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
            n += ThroughputCases.RunModel(run.Case, run.Profile);
        }

        return n;
    }

    /// <summary>
    /// One case the way both sides now handle it: the client writes the request as UTF-8 bytes, the adapter reads the
    /// bytes, runs the model and writes its observation as bytes, the client reads the reply from the bytes.
    /// </summary>
    public static bool Round(long id, ConformanceCase testCase, Profile profile)
    {
        var buffer = _round ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(buffer, id, testCase, profile);
        var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
        var observation = ModelAdapter.Run(run.Case, run.Profile);
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteObservationLine(buffer, run.Id, observation);
        return ProtocolMessages.ReadReply(buffer.WrittenSpan[..^1]) is ObservationReply;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodeRun()
    {
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            _buffer.ResetWrittenCount();
            ProtocolMessages.WriteRunLine(_buffer, i, _cases[i], Profile.Default);
            n += _buffer.WrittenCount;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodeRun()
    {
        int n = 0;
        foreach (byte[] line in _requests)
        {
            n += ProtocolMessages.ReadRequest(line.AsMemory()) is RunRequest ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodeObservation()
    {
        int n = 0;
        for (int i = 0; i < _observations.Length; i++)
        {
            _buffer.ResetWrittenCount();
            ProtocolMessages.WriteObservationLine(_buffer, i, _observations[i]);
            n += _buffer.WrittenCount;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodeObservation()
    {
        int n = 0;
        foreach (byte[] line in _replies)
        {
            n += ProtocolMessages.ReadReply(line) is ObservationReply ? 1 : 0;
        }

        return n;
    }

    /// <summary>The encoder of c0f9115 (tests/Shared/ObservationCodecC0f9115.cs), the same bytes through the writer's methods: the baseline of session 9's.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodeObservation_C0f9115()
    {
        int n = 0;
        for (int i = 0; i < _observations.Length; i++)
        {
            _buffer.ResetWrittenCount();
            ObservationWriterC0f9115.WriteObservationLine(_buffer, i, _observations[i]);
            n += _buffer.WrittenCount;
        }

        return n;
    }

    /// <summary>
    /// The request's pod alone, the old way (issue 12 item 6, session 9): the manifest reader (node tree, then the
    /// mapper), which <see cref="DecodeRun"/> used for every pod before the direct reader and still uses as its fallback.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodePodManifest()
    {
        int n = 0;
        foreach (byte[] pod in _pods)
        {
            n += PodConformance.Manifests.Reading.PodManifestReader.ReadUtf8Json(pod, "pod").Pods.Length;
        }

        return n;
    }

    [ThreadStatic]
    private static System.Text.Json.Utf8JsonWriter? _podWriter;

    private int EncodePod(Action<System.Text.Json.Utf8JsonWriter, PodConformance.Model.Api.Pod> write)
    {
        var w = _podWriter ??= new System.Text.Json.Utf8JsonWriter(_buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        int n = 0;
        foreach (var c in _cases)
        {
            if (c is PodCase p)
            {
                _buffer.ResetWrittenCount();
                w.Reset(_buffer);
                write(w, p.Pod);
                w.Flush();
                n += _buffer.WrittenCount;
            }
        }

        return n;
    }

    /// <summary>
    /// The request's pod alone, the old way (issue 12 item 6, session 10): the tree writer (PodTree's output tree, then
    /// JsonTreeWriter.Emit), which <see cref="EncodeRun"/> used for every pod before the direct writer; the same bytes.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodePodTree() => EncodePod(PodConformance.Manifests.Writing.PodManifestWriter.WriteJson);

    /// <summary>The request's pod alone, the new way: <see cref="PodConformance.Manifests.Wire.WirePodWriter"/>.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int EncodePodDirect() => EncodePod(PodConformance.Manifests.Wire.WirePodWriter.Write);

    /// <summary>The one-pass reader of c0f9115, which reads every reply of these cases (the strict reader is not reached).</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodeObservation_C0f9115()
    {
        int n = 0;
        foreach (byte[] line in _replies)
        {
            n += FastReplyReaderC0f9115.TryRead(line, out _) ? 1 : 0;
        }

        return n;
    }

    /// <summary>The request's pod alone, the new way: <see cref="PodConformance.Manifests.Wire.WirePodReader"/>.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int DecodePodDirect()
    {
        int n = 0;
        foreach (byte[] pod in _pods)
        {
            n += PodConformance.Manifests.Wire.WirePodReader.TryRead(pod) is null ? 0 : 1;
        }

        return n;
    }

    /// <summary><see cref="ThroughCodec"/> with c0f9115's observation encoder and decoder (the request's steps are today's).</summary>
    [Benchmark(OperationsPerInvoke = ThroughputCases.Count)]
    public int ThroughCodec_C0f9115()
    {
        int n = 0;
        for (int i = 0; i < _cases.Length; i++)
        {
            n += RoundC0f9115(i, _cases[i], Profile.Default) ? 1 : 0;
        }

        return n;
    }

    /// <summary><see cref="Round"/> with c0f9115's observation encoder and one-pass reader.</summary>
    public static bool RoundC0f9115(long id, ConformanceCase testCase, Profile profile)
    {
        var buffer = _round ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(buffer, id, testCase, profile);
        var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
        var observation = ModelAdapter.Run(run.Case, run.Profile);
        buffer.ResetWrittenCount();
        ObservationWriterC0f9115.WriteObservationLine(buffer, run.Id, observation);
        return FastReplyReaderC0f9115.TryRead(buffer.WrittenSpan[..^1], out _);
    }
}
