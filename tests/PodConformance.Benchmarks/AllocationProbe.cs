using System.Diagnostics;
using System.Globalization;
using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;
using PodConformance.Suite.Adapters;

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
        var pod = Workloads.Workloads.ThreeContainers();
        var profile = Profile.Default;
        var defaulted = PodDefaulter.Apply(pod, profile);
        Measure("defaulting", () => PodDefaulter.Apply(pod, profile));
        Measure("validation", () => PodValidator.Validate(defaulted, profile));
        Measure("qos", () => QosCalculator.GetPodQos(defaulted, profile));

        // The process protocol without the pipe: what each side does per case, beside the model's own run.
        foreach (string kind in new[] { "admission", "lifecycle" })
        {
            var cases = ThroughputCases.For(kind);
            var observations = cases.Select(c => ModelAdapter.Run(c, profile)).ToArray();
            var requests = cases.Select((c, i) => ProtocolMessages.Run(i, c, profile)).ToArray();
            var replies = observations.Select((o, i) => ProtocolMessages.Observation(i, o)).ToArray();
            int k = 0;
            Measure(kind + " model", () => ThroughputCases.RunModel(cases[k++ % cases.Length], profile));
            Measure(kind + " enc-run", () => ProtocolMessages.Run(k, cases[k++ % cases.Length], profile));
            Measure(kind + " dec-run", () => ProtocolMessages.ReadRequest(requests[k++ % cases.Length]));
            Measure(kind + " enc-obs", () => ProtocolMessages.Observation(k, observations[k++ % cases.Length]));
            Measure(kind + " dec-obs", () => ProtocolMessages.ReadReply(replies[k++ % cases.Length]));
        }
    }

    /// <summary>
    /// <c>-- --probe-cpu</c>: the process's CPU time (every thread: client, server, GC) per case for the model adapter and
    /// for the same cases over the protocol in process (<see cref="PipeAdapterClient"/>), in alternating rounds, with the
    /// median ratio. Wall time under a loaded machine measures the scheduler (each case wakes the server, then the
    /// client); CPU time measures the work, which is what issue 12 item 6 bounds. Rough, beside BenchmarkDotNet's rows.
    /// </summary>
    public static void RunCpu(string[] kinds)
    {
        var profile = Profile.Default;
        foreach (string kind in kinds.Length > 0 ? kinds : new[] { "quantity", "admission", "lifecycle" })
        {
            var cases = ThroughputCases.For(kind);
            using var pipe = new PipeAdapterClient(new ModelAdapter());
            int repeat = kind == "quantity" ? 200 : 10;

            // The process adapter against a spawned server (this program's --serve, the model behind AdapterServer.Serve as
            // `podconf adapter serve` runs it): one request at a time, and with cases sent ahead (PROTO-005) as the runner
            // sends them. CPU is this process's and the server's.
            var lockstep = new ProcessAdapter(ServeCommand(), new ProcessAdapterOptions { MaxInFlight = 1 });
            var pipelined = new ProcessAdapter(ServeCommand());
            void Lockstep()
            {
                for (int r = 0; r < repeat; r++)
                {
                    foreach (var c in cases)
                    {
                        var o = lockstep.RunAsync(c, profile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                        if (o.Failure is { } f)
                        {
                            throw new InvalidOperationException("one at a time: " + f);
                        }
                    }
                }
            }

            void Pipelined()
            {
                for (int r = 0; r < repeat; r++)
                {
                    if (ThroughputBenchmarks.RunAhead(pipelined, cases, profile) != cases.Length)
                    {
                        throw new InvalidOperationException("sent ahead: a case failed");
                    }
                }
            }
            void Model()
            {
                for (int r = 0; r < repeat; r++)
                {
                    foreach (var c in cases)
                    {
                        _ = ThroughputCases.RunModel(c, profile);
                    }
                }
            }

            void Protocol()
            {
                for (int r = 0; r < repeat; r++)
                {
                    foreach (var c in cases)
                    {
                        _ = pipe.Run(c, profile);
                    }
                }
            }

            void Codec()
            {
                for (int r = 0; r < repeat; r++)
                {
                    for (int i = 0; i < cases.Length; i++)
                    {
                        _ = ProtocolStepBenchmarks.Round(i, cases[i], profile);
                    }
                }
            }

            // The model on the cases as the adapter decodes them: fresh objects with fresh strings, not the generator's.
            var decoded = cases.Select((c, i) => ((RunRequest)ProtocolMessages.ReadRequest(ProtocolMessages.Run(i, c, profile))).Case).ToArray();
            void ModelDecoded()
            {
                for (int r = 0; r < repeat; r++)
                {
                    foreach (var c in decoded)
                    {
                        _ = ThroughputCases.RunModel(c, profile);
                    }
                }
            }

            ModelDecoded();
            double requestBytes = cases.Select((c, i) => (double)ProtocolMessages.Run(i, c, profile).Length).Average();
            var answers = cases.Select((c, i) => System.Text.Encoding.UTF8.GetByteCount(ProtocolMessages.Observation(i, ModelAdapter.Run(c, profile)))).ToArray();
            double answerBytes = answers.Average();
            int largestAnswer = answers.Max();
            double decodedUs = 0;
            Model();
            Protocol();
            Codec();
            // The server runs as `podconf adapter serve` does: without tiered compilation (the Cli's csproj), unless
            // PODCONF_PROBE_SERVER_ENV says otherwise ("NAME=value;NAME=value", for the spawned servers only: this
            // process's runtime read its own settings at start). With tiering the server's tier-1 JIT thread was still
            // busy through every round (about 15-180 us per case), which `podconf adapter serve` never pays.
            foreach (string setting in (Environment.GetEnvironmentVariable("PODCONF_PROBE_SERVER_ENV") ?? "DOTNET_TieredCompilation=0").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = setting.IndexOf('=', StringComparison.Ordinal);
                Environment.SetEnvironmentVariable(setting[..eq], setting[(eq + 1)..]);
            }

            // The spawned-server rows are reported as not measured, with the reason, when a warm-up round fails (the adapter
            // could not start or answer) rather than ending the probe.
            string? spawnedError = null;
            try
            {
                lockstep.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                pipelined.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                Lockstep();
                Pipelined();
            }
            catch (Exception e) when (e is InvalidOperationException or PodConformance.Adapters.Process.AdapterStartException)
            {
                spawnedError = e.Message;
            }

            var lockstepRatios = new List<double>();
            var pipelinedRatios = new List<double>();
            double lockstepUs = 0, pipelinedUs = 0, lockstepServerUs = 0, pipelinedServerUs = 0;
            var threads = new[] { new ThreadCpu(), new ThreadCpu(), new ThreadCpu(), new ThreadCpu() };
            int gcBefore0 = GC.CollectionCount(0), gcBefore1 = GC.CollectionCount(1), gcBefore2 = GC.CollectionCount(2);
            int gcSpawned0 = 0, gcSpawned1 = 0, gcSpawned2 = 0;
            long allocatedSpawned = 0, workItemsSpawned = 0;
            var ratios = new List<double>();
            var codecRatios = new List<double>();
            double modelUs = 0, protocolUs = 0, codecUs = 0;
            for (int round = 0; round < 7; round++)
            {
                double m = Cpu(Model) / (repeat * cases.Length);
                double p = Cpu(Protocol) / (repeat * cases.Length);
                double c = Cpu(Codec) / (repeat * cases.Length);
                decodedUs += Cpu(ModelDecoded) / (repeat * cases.Length) / 7;
                _serverShare = 0;
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                long allocated = GC.GetTotalAllocatedBytes();
                long workItems = ThreadPool.CompletedWorkItemCount;
                var clientBefore = ThreadCpu.Snapshot(Environment.ProcessId);
                var serverBefore = spawnedError is null ? ThreadCpu.Snapshot(lockstep.ProcessId!.Value) : [];
                double l = spawnedError is null ? Cpu(Lockstep, lockstep.ProcessId!.Value) / (repeat * cases.Length) : 0;
                threads[0].Add(clientBefore, ThreadCpu.Snapshot(Environment.ProcessId));
                threads[1].Add(serverBefore, spawnedError is null ? ThreadCpu.Snapshot(lockstep.ProcessId!.Value) : []);
                lockstepServerUs += _serverShare / (repeat * cases.Length) / 7;
                _serverShare = 0;
                clientBefore = ThreadCpu.Snapshot(Environment.ProcessId);
                serverBefore = spawnedError is null ? ThreadCpu.Snapshot(pipelined.ProcessId!.Value) : [];
                double q = spawnedError is null ? Cpu(Pipelined, pipelined.ProcessId!.Value) / (repeat * cases.Length) : 0;
                threads[2].Add(clientBefore, ThreadCpu.Snapshot(Environment.ProcessId));
                threads[3].Add(serverBefore, spawnedError is null ? ThreadCpu.Snapshot(pipelined.ProcessId!.Value) : []);
                gcSpawned0 += GC.CollectionCount(0) - g0;
                gcSpawned1 += GC.CollectionCount(1) - g1;
                gcSpawned2 += GC.CollectionCount(2) - g2;
                allocatedSpawned += GC.GetTotalAllocatedBytes() - allocated;
                workItemsSpawned += ThreadPool.CompletedWorkItemCount - workItems;
                pipelinedServerUs += _serverShare / (repeat * cases.Length) / 7;
                lockstepRatios.Add(l / m);
                pipelinedRatios.Add(q / m);
                lockstepUs += l / 7;
                pipelinedUs += q / 7;
                ratios.Add(p / m);
                codecRatios.Add(c / m);
                modelUs += m / 7;
                protocolUs += p / 7;
                codecUs += c / 7;
            }

            ratios.Sort();
            codecRatios.Sort();
            lockstepRatios.Sort();
            pipelinedRatios.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-10} CPU per case: model {modelUs,8:F2} us, through the codec on one thread {codecUs,8:F2} us (median ratio {codecRatios[3]:F2}, {codecRatios[0]:F2}-{codecRatios[6]:F2}), over the pipe {protocolUs,8:F2} us (median ratio {ratios[3]:F2}, {ratios[0]:F2}-{ratios[6]:F2}); the model on decoded cases {decodedUs,8:F2} us"));
            if (spawnedError is not null)
            {
                Console.WriteLine(kind.PadRight(10) + " spawned server: not measured: " + spawnedError);
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-10} spawned server, CPU of both processes per case: one at a time {lockstepUs,8:F2} us (median ratio {lockstepRatios[3]:F2}, {lockstepRatios[0]:F2}-{lockstepRatios[6]:F2}), sent ahead {pipelinedUs,8:F2} us (median ratio {pipelinedRatios[3]:F2}, {pipelinedRatios[0]:F2}-{pipelinedRatios[6]:F2}); sent ahead / one at a time {pipelinedUs / lockstepUs:F2}; answered ahead {pipelined.AnsweredAhead}; of it the server's {lockstepServerUs:F2} us / {pipelinedServerUs:F2} us"));
                double n = 7.0 * repeat * cases.Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-10}   client, both spawned rows: {allocatedSpawned / (2 * n):F0} B/case allocated, GCs {gcSpawned0}/{gcSpawned1}/{gcSpawned2} (gen 0/1/2) over {2 * n:F0} cases, thread-pool work items {workItemsSpawned / (2 * n):F2}/case; request/answer bytes per case {requestBytes:F0}/{answerBytes:F0} (largest answer {largestAnswer}); whole probe so far {GC.CollectionCount(0) - gcBefore0}/{GC.CollectionCount(1) - gcBefore1}/{GC.CollectionCount(2) - gcBefore2}"));
                Console.WriteLine(kind.PadRight(10) + "   threads, us/case: one at a time, client: " + threads[0].Describe(n) + "; server: " + threads[1].Describe(n));
                Console.WriteLine(kind.PadRight(10) + "   threads, us/case: sent ahead, client: " + threads[2].Describe(n) + "; server: " + threads[3].Describe(n));
            }

            lockstep.DisposeAsync().AsTask().GetAwaiter().GetResult();
            pipelined.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>This program again as the server: <c>--serve</c>.</summary>
    private static string[] ServeCommand()
    {
        string self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(AllocationProbe).Assembly.Location, "--serve"] : [self, "--serve"];
    }

    /// <summary>CPU of this process and of process <paramref name="other"/> (the spawned server) while <paramref name="work"/> runs.</summary>
    private static double Cpu(Action work, int other)
    {
        using var server = System.Diagnostics.Process.GetProcessById(other);
        server.Refresh();
        var before = server.TotalProcessorTime;
        double own = Cpu(work);
        server.Refresh();
        double served = (server.TotalProcessorTime - before).TotalMicroseconds;
        _serverShare += served;
        return own + served;
    }

    /// <summary>The spawned server's part of the last <see cref="Cpu(Action, int)"/> measurements, summed (reset per row).</summary>
    private static double _serverShare;

    private static double Cpu(Action work)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        work();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMicroseconds;
    }

    /// <summary><c>-- --probe-sim</c>: the crash-loop scenario at 1, 10 and 100 virtual hours, bytes and time per run.</summary>
    public static void RunSimulator()
    {
        foreach (int hours in new[] { 1, 10, 100 })
        {
            int n = hours >= 100 ? 5 : hours >= 10 ? 50 : 500;
            Measure(hours + "h run", Workloads.Workloads.CrashLoop(hours, watch: false), n);
            Measure(hours + "h watch", Workloads.Workloads.CrashLoop(hours, watch: true), n);
            Measure(hours + "h last", Workloads.Workloads.CrashLoopLastState(hours), n);
        }
    }

    private static void Measure<T>(string name, Func<T> step, int n)
    {
        for (int i = 0; i < Math.Max(1, n / 10); i++)
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} {bytes / n,10} B/op {clock.Elapsed.TotalMilliseconds * 1000 / n,12:F1} us/op"));
    }

    private static void Measure<T>(string name, Func<T> step)
    {
        int n = name.Contains(' ', StringComparison.Ordinal) ? 500 : 20_000;
        for (int i = 0; i < n / 10; i++)
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
