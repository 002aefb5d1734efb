using System.Buffers;
using System.Globalization;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Baselines;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Benchmarks;

/// <summary>
/// <c>-- --probe-obs-cpu</c>: the process's CPU time per case of each codec step (issue 12 item 6): the request's encoding
/// (whole, and its pod alone through the tree writer and the direct one), its decoding (whole, its pod alone, its scenario
/// alone), the observation's two ends, today's and c0f9115's (tests/Shared/ObservationCodecC0f9115.cs) in turn, and the
/// whole round on one thread with either, the server's three steps per request and its serve loop over the same requests
/// without a pipe (session 11), and the round and the server in phases over groups of requests (session 13),
/// beside the model's run with every facet, in seven alternating rounds; medians and ranges of the ratios to the model.
/// CPU, not wall time, for the reason <see cref="AllocationProbe.RunCpu"/> gives. Rough, beside BenchmarkDotNet's rows.
/// </summary>
internal static class ObservationCpuProbe
{
    public static void Run()
    {
        var profile = Profile.Default;
        foreach (string kind in new[] { "admission", "lifecycle" })
        {
            var cases = ThroughputCases.For(kind);
            var observations = cases.Select(c => ModelAdapter.Run(c, profile)).ToArray();
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            var replies = observations.Select((o, i) => Line(buffer, w => ProtocolMessages.WriteObservationLine(w, i, o))).ToArray();
            var requests = cases.Select((c, i) => Line(buffer, w => ProtocolMessages.WriteRunLine(w, i, c, profile))).ToArray();
            var pods = cases.Select(c => ((PodCase)c).Pod).ToArray();
            var podBytes = requests.Select(PodOf).ToArray();
            var scenarios = requests.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement.GetProperty("case").GetProperty("scenario").Clone()).ToArray();
            var decoded = requests.Select(r => (RunRequest)ProtocolMessages.ReadRequest(r)).ToArray();
            var podWriter = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            const int repeat = 10;

            // Session 13: the round in phases over groups of consecutive cases — the groups a client sending ahead puts in
            // flight (requests within AdapterProcess.PipeRoom), ten at a time, all 100 — beside the round per case.
            int[] windows = PhasedRound.Windows(requests);
            int[] tens = PhasedRound.Groups(cases.Length, 10);
            int[] all = [cases.Length];
            int[] ones = PhasedRound.Groups(cases.Length, 1);
            var phased = new PhasedRound();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: requests {requests.Average(r => r.Length + 1):F0} B on average ({requests.Min(r => r.Length + 1)}-{requests.Max(r => r.Length + 1)}); windows within {PhasedRound.PipeRoom} B: {windows.Length} groups, {windows.Average():F2} requests on average, {windows.Count(w => w == 1)} of one"));

            // The serve loop over the same requests without a pipe (hello, the requests `repeat` times, bye; answers to a null
            // stream), beside the three steps it runs per request on one thread: what the server adds beyond its steps.
            var serveInput = ServeInput(requests, repeat);
            var server = new PodConformance.Adapters.Process.AdapterServer(new ModelAdapter(), "probe", PodConformance.Adapters.Process.AdapterServer.ModelVersions);
            var steps = new (string Name, Action Work)[]
            {
                ("model", () => Each(cases.Length, repeat, i => ThroughputCases.RunModel(cases[i], profile))),
                ("encode run", () => Each(cases.Length, repeat, i => Encode(buffer, i, cases[i], (b, id, c) => ProtocolMessages.WriteRunLine(b, id, c, profile)))),
                ("encode pod tree", () => Each(cases.Length, repeat, i => EncodePod(buffer, podWriter, pods[i], PodConformance.Manifests.Writing.PodManifestWriter.WriteJson))),
                ("encode pod direct", () => Each(cases.Length, repeat, i => EncodePod(buffer, podWriter, pods[i], PodConformance.Manifests.Wire.WirePodWriter.Write))),
                ("decode run", () => Each(cases.Length, repeat, i => ProtocolMessages.ReadRequest(requests[i]) is RunRequest ? 1 : 0)),
                ("decode pod direct", () => Each(cases.Length, repeat, i => PodConformance.Manifests.Wire.WirePodReader.TryRead(podBytes[i]) is null ? 0 : 1)),
                ("decode scenario", () => Each(cases.Length, repeat, i => PodConformance.Adapters.Process.Codec.ScenarioJson.Read(scenarios[i], "scenario").Pods.Count)),
                ("decode scenario direct", () => Each(cases.Length, repeat, i => PodConformance.Adapters.Process.Codec.ScenarioWireReader.TryRead(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(scenarios[i]))?.Pods.Count ?? -1)),
                ("encode obs", () => Each(cases.Length, repeat, i => Encode(buffer, i, observations[i], ProtocolMessages.WriteObservationLine))),
                ("encode obs c0f9115", () => Each(cases.Length, repeat, i => Encode(buffer, i, observations[i], ObservationWriterC0f9115.WriteObservationLine))),
                ("decode obs", () => Each(cases.Length, repeat, i => ProtocolMessages.ReadReply(replies[i]) is ObservationReply ? 1 : 0)),
                ("decode obs c0f9115", () => Each(cases.Length, repeat, i => FastReplyReaderC0f9115.TryRead(replies[i], out _) ? 1 : 0)),
                ("server steps", () => Each(cases.Length, repeat, i => ServerSteps(buffer, requests[i]))),
                ("serve loop", () => server.Serve(new MemoryStream(serveInput, writable: false), Stream.Null)),
                ("round", () => Each(cases.Length, repeat, i => ProtocolStepBenchmarks.Round(i, cases[i], profile) ? 1 : 0)),
                ("round c0f9115 obs", () => Each(cases.Length, repeat, i => ProtocolStepBenchmarks.RoundC0f9115(i, cases[i], profile) ? 1 : 0)),
                ("model on decoded", () => Each(cases.Length, repeat, i => ThroughputCases.RunModel(decoded[i].Case, decoded[i].Profile))),
                ("round without model", () => Each(cases.Length, repeat, i => RoundWithoutModel(buffer, i, cases[i], observations[i], profile))),
                ("request then model", () => Each(cases.Length, repeat, i => RequestThenModel(buffer, i, cases[i], profile))),
                ("decode all, model all", () => DecodeAllThenModel(requests, repeat)),
                ("phased round, window", () => Repeat(repeat, () => phased.Round(cases, profile, windows))),
                ("phased round, 10", () => Repeat(repeat, () => phased.Round(cases, profile, tens))),
                ("phased round, 100", () => Repeat(repeat, () => phased.Round(cases, profile, all))),
                ("server phased, window", () => Repeat(repeat, () => phased.Server(requests, windows, decodeAheadOnly: false))),
                ("server phased, 10", () => Repeat(repeat, () => phased.Server(requests, tens, decodeAheadOnly: false))),
                ("server phased, 100", () => Repeat(repeat, () => phased.Server(requests, all, decodeAheadOnly: false))),
                ("server decode ahead, window", () => Repeat(repeat, () => phased.Server(requests, windows, decodeAheadOnly: true))),
                ("server decode ahead, 10", () => Repeat(repeat, () => phased.Server(requests, tens, decodeAheadOnly: true))),
                ("server decode ahead, 100", () => Repeat(repeat, () => phased.Server(requests, all, decodeAheadOnly: true))),
                ("client steps", () => Repeat(repeat, () => phased.Client(cases, profile, replies, ones, phased: false))),
                ("client phased, window", () => Repeat(repeat, () => phased.Client(cases, profile, replies, windows, phased: true))),
                ("client phased, 10", () => Repeat(repeat, () => phased.Client(cases, profile, replies, tens, phased: true))),
            };
            foreach (var (_, work) in steps)
            {
                work();
            }

            var ratios = steps.Select(_ => new List<double>()).ToArray();
            var micros = new double[steps.Length];
            var gcs = new Gc[steps.Length];
            double perRound = repeat * cases.Length;
            for (int round = 0; round < 7; round++)
            {
                var (modelCpu, modelGc) = Cpu(steps[0].Work);
                double model = modelCpu / perRound;
                micros[0] += model / 7;
                gcs[0] += modelGc;
                for (int s = 1; s < steps.Length; s++)
                {
                    var (cpu, gc) = Cpu(steps[s].Work);
                    double us = cpu / perRound;
                    micros[s] += us / 7;
                    gcs[s] += gc;
                    ratios[s].Add(us / model);
                }
            }

            double cases7 = 7 * perRound;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: model {micros[0]:F1} us CPU per case; {gcs[0].Describe(cases7)}"));
            for (int s = 1; s < steps.Length; s++)
            {
                ratios[s].Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {steps[s].Name,-27} {micros[s],8:F1} us  {ratios[s][3]:F3}x the model ({ratios[s][0]:F3}-{ratios[s][6]:F3}); {gcs[s].Describe(cases7)}"));
            }
        }
    }

    /// <summary>What the serve loop does with one request, as steps: decode it, run the model, encode the observation.</summary>
    private static int ServerSteps(ArrayBufferWriter<byte> buffer, byte[] request)
    {
        var run = (RunRequest)ProtocolMessages.ReadRequest(request);
        var observation = ModelAdapter.Run(run.Case, run.Profile);
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteObservationLine(buffer, run.Id, observation);
        return buffer.WrittenCount;
    }

    /// <summary>A serve loop's whole input: podconf's hello, the request lines <paramref name="repeat"/> times, bye.</summary>
    private static byte[] ServeInput(byte[][] requests, int repeat)
    {
        var input = new MemoryStream();
        input.Write(System.Text.Encoding.UTF8.GetBytes(ProtocolMessages.Hello("probe") + "\n"));
        for (int r = 0; r < repeat; r++)
        {
            foreach (byte[] request in requests)
            {
                input.Write(request);
                input.WriteByte((byte)'\n');
            }
        }

        input.Write(System.Text.Encoding.UTF8.GetBytes(ProtocolMessages.Bye() + "\n"));
        return input.ToArray();
    }

    private static byte[] Line(ArrayBufferWriter<byte> buffer, Action<ArrayBufferWriter<byte>> write)
    {
        buffer.ResetWrittenCount();
        write(buffer);
        return buffer.WrittenSpan[..^1].ToArray();
    }

    /// <summary>The pod object's bytes inside a run request line.</summary>
    private static byte[] PodOf(byte[] request)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(request);
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(doc.RootElement.GetProperty("case").GetProperty("pod")).ToArray();
    }

    private static int EncodePod(ArrayBufferWriter<byte> buffer, System.Text.Json.Utf8JsonWriter w, PodConformance.Model.Api.Pod pod, Action<System.Text.Json.Utf8JsonWriter, PodConformance.Model.Api.Pod> write)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        write(w, pod);
        w.Flush();
        return buffer.WrittenCount;
    }

    private static int Encode<T>(ArrayBufferWriter<byte> buffer, long id, T o, Action<IBufferWriter<byte>, long, T> write)
    {
        buffer.ResetWrittenCount();
        write(buffer, id, o);
        return buffer.WrittenCount;
    }

    private static int Repeat(int repeat, Func<int> work)
    {
        int n = 0;
        for (int r = 0; r < repeat; r++)
        {
            n += work();
        }

        return n;
    }

    private static void Each(int count, int repeat, Func<int, int> step)
    {
        for (int r = 0; r < repeat; r++)
        {
            for (int i = 0; i < count; i++)
            {
                _ = step(i);
            }
        }
    }

    /// <summary>
    /// What a step's runs cost the collector (session 12's attribution of the round beyond its steps): collections of each
    /// generation (counts, exact) and the time the runtime was paused for them (<see cref="GC.GetTotalPauseDuration"/>).
    /// </summary>
    private readonly record struct Gc(long Gen0, long Gen1, long Gen2, double PauseMicros, long Bytes)
    {
        public static Gc Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMicroseconds, GC.GetTotalAllocatedBytes(precise: true));

        public static Gc operator -(Gc a, Gc b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.PauseMicros - b.PauseMicros, a.Bytes - b.Bytes);

        public static Gc operator +(Gc a, Gc b) => new(a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.PauseMicros + b.PauseMicros, a.Bytes + b.Bytes);

        /// <summary>Per 1,000 cases: collections by generation (gen0 counts every collection); pause and bytes per case.</summary>
        public string Describe(double cases) => string.Create(CultureInfo.InvariantCulture,
            $"GC per 1000 cases {Gen0 * 1000 / cases:F1}/{Gen1 * 1000 / cases:F1}/{Gen2 * 1000 / cases:F2} (gen0/1/2), pause {PauseMicros / cases:F1} us, {Bytes / cases:F0} B per case");
    }

    private static (double Micros, Gc Gc) Cpu(Action work)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var gc = Gc.Now();
        work();
        var gcAfter = Gc.Now();
        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalMicroseconds, gcAfter - gc);
    }

    /// <summary>The round's four steps without the model's run, its observation given (ProtocolStepBenchmarks.RoundWithoutModel).</summary>
    private static int RoundWithoutModel(ArrayBufferWriter<byte> buffer, long id, ConformanceCase testCase, Observation observation, Profile profile)
    {
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(buffer, id, testCase, profile);
        var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteObservationLine(buffer, run.Id, observation);
        return ProtocolMessages.ReadReply(buffer.WrittenSpan[..^1]) is ObservationReply ? 1 : 0;
    }

    /// <summary>
    /// The 100 requests decoded (fresh objects, as in the round), then the model over them: beside "decode run" and "request
    /// then model", whether the model's extra time in the round comes from fresh input objects or from alternating with the codec.
    /// </summary>
    private static int DecodeAllThenModel(byte[][] requests, int repeat)
    {
        int n = 0;
        var decoded = new RunRequest[requests.Length];
        for (int r = 0; r < repeat; r++)
        {
            for (int i = 0; i < requests.Length; i++)
            {
                decoded[i] = (RunRequest)ProtocolMessages.ReadRequest(requests[i]);
            }

            foreach (var run in decoded)
            {
                n += ThroughputCases.RunModel(run.Case, run.Profile);
            }
        }

        return n;
    }

    /// <summary>The request's two ends, then the model over the decoded case (ProtocolStepBenchmarks.RequestThenModel).</summary>
    private static int RequestThenModel(ArrayBufferWriter<byte> buffer, long id, ConformanceCase testCase, Profile profile)
    {
        buffer.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(buffer, id, testCase, profile);
        var run = (RunRequest)ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]);
        return ThroughputCases.RunModel(run.Case, run.Profile);
    }
}
