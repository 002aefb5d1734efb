using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6, session 12: a run request's scenario is read by <see cref="ScenarioWireReader"/> (one token pass) where
/// it takes the bytes, else by <see cref="ScenarioReader"/> (node tree, then mapping), which the strict path uses and which
/// words every error. The direct reader must give the strict reader's scenario or give up — never a scenario for bytes the
/// strict reader refuses. Checked on every scenario of a default run, fixed-seed generated scenarios, an FsCheck property
/// over scenarios with every kind of text, duration, exit code and quantity, and table inputs aimed at each rule it copies.
/// </summary>
public class ScenarioWireReaderTests
{
    /// <summary>The bytes <see cref="ScenarioJson.Write"/> gives a scenario (what a run request carries).</summary>
    private static byte[] Bytes(Scenario s)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ScenarioJson.Write(w, s);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The direct reading agrees with the strict one: given up, or the strict reader's scenario (record equality, and the
    /// same bytes written back) where the strict reader has no error. Returns whether the direct reader took the bytes.
    /// </summary>
    private static bool AssertAgrees(byte[] json, string what)
    {
        var direct = ScenarioWireReader.TryRead(json);
        if (direct is null)
        {
            return false;
        }

        var strict = ScenarioReader.ReadUtf8Json(json, "scenario");
        Assert.False(strict.HasErrors, what + ": the direct reader took bytes the strict reader refuses: " + Encoding.UTF8.GetString(json)
            + " — " + string.Join("; ", strict.Diagnostics.Select(d => d.Message)));
        Assert.NotNull(strict.Scenario);
        Assert.Equal(strict.Scenario, direct);
        Assert.Equal(Bytes(strict.Scenario), Bytes(direct));
        return true;
    }

    /// <summary>The scenario bytes of a run request line (none for quantity and node-pressure cases).</summary>
    private static byte[]? ScenarioOf(byte[] line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("case").TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.Object
            ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(s).ToArray()
            : null;
    }

    [Fact]
    public void Every_scenario_of_a_default_run_is_read_directly_as_the_strict_reader_reads_it()
    {
        int total = 0, taken = 0, withSteps = 0, withPods = 0;
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var property in Suite.Rules.Catalog.All)
        {
            var gen = property.Cases(Profile.Default);
            for (int i = 0; i < RunOptions.DefaultCount; i++)
            {
                var testCase = SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, RunOptions.DefaultCount);
                if (testCase is not PodCase p)
                {
                    continue;
                }

                buffer.ResetWrittenCount();
                ProtocolMessages.WriteRunLine(buffer, i, testCase, Profile.Default);
                if (ScenarioOf(buffer.WrittenSpan[..^1].ToArray()) is not { } json)
                {
                    continue;
                }

                total++;
                if (AssertAgrees(json, property.Id + " case " + i))
                {
                    taken++;
                    withSteps += p.Scenario.Steps.IsEmpty ? 0 : 1;
                    withPods += p.Scenario.Pods.IsEmpty ? 0 : 1;
                }
                else
                {
                    // Only what the direct reader leaves to the strict one by design: objects, nodes, a step that creates.
                    Assert.True(!p.Scenario.Objects.IsEmpty || !p.Scenario.Nodes.IsEmpty || p.Scenario.Steps.Any(s => s.Create is not null),
                        property.Id + " case " + i + " was given up: " + Encoding.UTF8.GetString(json));
                }
            }
        }

        Assert.True(total > 1000, "too few pod cases: " + total);
        Assert.True(taken > total * 4 / 5, $"only {taken} of {total} scenarios read directly"); // 1,308 of 1,500 when written: the rest have objects
        Assert.True(withSteps > 10 && withPods > 100, $"too few scenarios with steps ({withSteps}) or pod scripts ({withPods}) read directly");
    }

    [Fact]
    public void Generated_scenarios_are_read_directly_as_the_strict_reader_reads_them()
    {
        int taken = 0, total = 0;
        foreach (var c in Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(12201), 80))
        {
            total++;
            taken += AssertAgrees(Bytes(c.Scenario), "generated " + total) ? 1 : 0;
        }

        Assert.True(taken > total / 2, $"only {taken} of {total} read directly");
    }

    /// <summary>Texts of every kind: plain, quotes and backslashes, controls, non-ASCII, empty, kubelet-owned condition types.</summary>
    private static readonly Gen<string> Texts = Gen.Elements(
        "app", "c0", "sidecar", "web-1", "*", "", "example.com/lb-ready", "Ready", "PodScheduled", "ContainersReady", "a\"b", "back\\slash",
        "tab\there", "caf\u00e9", "\u2028", "\u00ff\u00fe", "True", "False", "Unknown", "true", "10.0.0.4", "fd00::4", "z", "A");

    private static readonly Gen<TimeSpan> Durations = Gen.OneOf(
        Gen.Elements(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(1500), TimeSpan.FromTicks(1), TimeSpan.FromSeconds(-5), TimeSpan.FromDays(400)),
        Gen.Choose(0, 100_000).Select(s => TimeSpan.FromMilliseconds(s * 7)));

    private static readonly Gen<Quantity?> Quantities = Gen.Elements<Quantity?>(null, Quantity.Parse("100Mi"), Quantity.Parse("1.5"), Quantity.Parse("250m"), Quantity.Parse("0"), Quantity.Parse("1e3"));

    private static readonly Gen<ContainerRun> Runs =
        from exit in Gen.Elements<int?>(null, 0, 1, 137, -1, int.MaxValue, int.MinValue, 123_456_789, 1_234_567_890)
        from after in Durations
        from ready in Durations
        from never in Gen.Elements(false, false, true)
        from allocate in Quantities
        from cpu in Quantities
        select new ContainerRun { ExitCode = exit, After = after, ReadyAfter = ready, NeverReady = never, AllocateMemory = allocate, UseCpu = cpu };

    private static Gen<ValueMap<T>> MapOf<T>(Gen<T> values) =>
        from n in Gen.Choose(0, 3)
        from keys in Gen.ArrayOf(Texts, n)
        from items in Gen.ArrayOf(values, n)
        select ValueMap.Of([.. keys.Distinct().Select((k, i) => (k, items[i]))]);

    private static readonly Gen<PodScript> PodScripts =
        from containers in MapOf(Gen.NonEmptyListOf(Runs).Select(r => new ContainerScript([.. r])))
        from delete in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Durations.Select(d => (TimeSpan?)d))
        from ips in Gen.ListOf(Texts)
        select new PodScript { Containers = containers, DeleteAfter = delete, PodIPs = [.. ips] };

    private static readonly Gen<ScenarioStep> Steps =
        from at in Durations
        from pod in Texts
        from kind in Gen.Choose(0, 3)
        from text in Texts
        from status in Texts
        from gates in Gen.ListOf(Texts)
        select kind switch
        {
            0 => new ScenarioStep { At = at, Pod = pod, RemoveSchedulingGates = ValueList<string>.Empty },
            1 => new ScenarioStep { At = at, Pod = pod, RemoveSchedulingGates = [.. gates] },
            2 => new ScenarioStep { At = at, Pod = pod, SetCondition = new StepCondition(text, status) },
            _ => new ScenarioStep { At = at, Pod = pod, RemoveCondition = text },
        };

    private static readonly Gen<Scenario> Scenarios =
        from until in Durations
        from pull in Durations
        from missing in Gen.ListOf(Texts)
        from present in Gen.ListOf(Texts)
        from pods in MapOf(PodScripts)
        from steps in Gen.ListOf(Steps)
        select new Scenario { Until = until, Images = new ImageCatalog { PullDuration = pull, Missing = [.. missing], Present = [.. present] }, Pods = pods, Steps = [.. steps] };

    /// <summary>
    /// Scenarios with every kind of text, duration (negative, fractional, days), exit code and quantity, as the writer writes
    /// them: the direct reader gives the strict reader's scenario or gives up, and it takes every scenario whose texts are
    /// printable ASCII, whose exit codes have at most nine digits and which the strict reader takes.
    /// </summary>
    [Property(Replay = "(20261207,12205)", MaxTest = 300)]
    public Property A_generated_scenario_is_read_directly_as_the_strict_reader_reads_it_or_left_to_it() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            byte[] json = Bytes(s);
            bool taken = AssertAgrees(json, "generated");
            var strict = ScenarioReader.ReadUtf8Json(json, "scenario");
            bool ascii = Array.TrueForAll(json, b => b is >= 0x20 and <= 0x7E) && json.AsSpan().IndexOf((byte)'\\') < 0;
            bool longExit = s.Pods.Values.Any(p => p.Containers.Values.Any(c => c.Runs.Any(r => r.ExitCode is { } e && (e >= 1_000_000_000 || e <= -1_000_000_000))));
            return taken || strict.HasErrors || !ascii || longExit;
        });

    private static readonly Gen<(int Where, int How, char With)> Damages =
        from place in Gen.Choose(0, int.MaxValue)
        from how in Gen.Choose(0, 2)
        from replacement in Gen.Elements(" ,:{}[]\"0-1sx\\".ToCharArray())
        select (place, how, replacement);

    /// <summary>Damaged copies of generated scenarios (a byte dropped, doubled or changed): given up, or the strict reader's scenario.</summary>
    [Property(Replay = "(20261207,12203)", MaxTest = 200)]
    public Property A_damaged_scenario_is_left_to_the_strict_reader_or_read_as_it_reads_it() =>
        Prop.ForAll(Scenarios.ToArbitrary(), Damages.ToArbitrary(), (s, damage) =>
        {
            var (where, how, c) = damage;
            byte[] json = Bytes(s);
            int at = where % json.Length;
            byte[] damaged = how switch
            {
                0 => [.. json[..at], .. json[(at + 1)..]],
                1 => [.. json[..at], json[at], .. json[at..]],
                _ => [.. json[..at], (byte)c, .. json[(at + 1)..]],
            };
            _ = AssertAgrees(damaged, "damaged");
            return true;
        });

    /// <summary>Inputs aimed at each rule the direct reader copies from the strict one, and at each shape it leaves to it.</summary>
    [Theory]
    [InlineData("""{"until":"30s","images":{"pullDuration":"1s","missing":[],"present":[]},"pods":{}}""", true)]
    [InlineData("""{ "until" : "30s" , "pods" : { } }""", true)] // whitespace between tokens
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"exit":-0,"after":"1s","readyAfter":"0s"}]}}}}""", true)]
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"exit":1.0,"after":"1s","readyAfter":"0s"}]}}}}""", false)] // a fraction: an error
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"exit":1e2,"after":"1s","readyAfter":"0s"}]}}}}""", false)] // an exponent: an error
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"exit":2147483648,"after":"1s"}]}}}}""", false)] // out of int's range
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"exit":1,"runForever":true}]}}}}""", false)] // mutually exclusive
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"runForever":false,"after":"1s"}]}}}}""", true)]
    [InlineData("""{"pods":{"p":{"containers":{"c":[]}}}}""", false)] // at least one run
    [InlineData("""{"pods":{"p":{"containers":{"c":{"exit":0}}}}}""", false)] // the one-run mapping form: the strict reader's
    [InlineData("""{"pods":{"b":{},"a":{}}}""", false)] // keys out of order
    [InlineData("""{"pods":{"a":{},"a":{}}}""", false)] // a repeated key
    [InlineData("""{"until":"30s","until":"1m"}""", false)] // a repeated field
    [InlineData("""{"until":"-5s"}""", false)] // negative
    [InlineData("""{"until":"5"}""", false)] // no unit
    [InlineData("""{"until":"1.5s"}""", true)]
    [InlineData("""{"until":"1h0m5s"}""", true)]
    [InlineData("""{"until":30}""", false)]
    [InlineData("""{"until":null}""", false)]
    [InlineData("""{"images":null}""", false)]
    [InlineData("""{"\u0075ntil":"30s"}""", false)] // an escaped key
    [InlineData("""{"until":"3\u0030s"}""", false)] // an escaped value
    [InlineData("""{"apiVersion":"v1","until":"30s"}""", false)]
    [InlineData("""{"nodes":[]}""", false)]
    [InlineData("""{"objects":[]}""", false)]
    [InlineData("""{"unknown":1}""", false)]
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"allocate":"100Mi","useCpu":"250m","after":"1s"}]}}}}""", true)]
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"allocate":"100MiB"}]}}}}""", false)] // not a quantity
    [InlineData("""{"pods":{"p":{"containers":{"c":[{"allocate":100}]}}}}""", false)] // a number: the strict reader's
    [InlineData("""{"pods":{"p":{"deleteAfter":"2m","podIPs":["10.0.0.4"]}}}""", true)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeSchedulingGates":true}]}""", true)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeSchedulingGates":false}]}""", false)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeSchedulingGates":[]}]}""", false)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeSchedulingGates":["g"]}]}""", true)]
    [InlineData("""{"steps":[{"at":"10s","removeSchedulingGates":true}]}""", false)] // no pod
    [InlineData("""{"steps":[{"pod":"p","removeCondition":"x"}]}""", false)] // no at
    [InlineData("""{"steps":[{"at":"10s","pod":"p"}]}""", false)] // no action
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeCondition":"x","setCondition":{"type":"y","status":"True"}}]}""", false)] // two
    [InlineData("""{"steps":[{"at":"10s","pod":"p","removeCondition":"Ready"}]}""", false)] // the kubelet's
    [InlineData("""{"steps":[{"at":"10s","pod":"p","setCondition":{"type":"x","status":"Maybe"}}]}""", false)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","setCondition":{"type":"x"}}]}""", false)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","setCondition":{"type":"","status":"False"}}]}""", true)]
    [InlineData("""{"steps":[{"at":"10s","pod":"p","setCondition":{"type":"x","status":"Unknown"}}]}""", true)]
    [InlineData("""{"steps":[{"at":"10s","create":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}}]}""", false)]
    [InlineData("""{"until":"30s"} {}""", false)] // trailing bytes
    [InlineData("""{"until":"30s"}""", true)]
    [InlineData("""{}""", true)]
    public void Table_inputs_are_taken_as_the_strict_reader_takes_them_or_left_to_it(string json, bool taken)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(taken, AssertAgrees(bytes, json));
    }

    /// <summary>A request whose scenario the direct reader leaves to the strict one reads as before, through the request reader.</summary>
    [Fact]
    public void A_request_with_a_scenario_the_direct_reader_leaves_is_read_by_the_strict_reader()
    {
        var scenario = new Scenario
        {
            Nodes = ValueList.Of(Scenario.DefaultNode),
            Pods = ValueMap.Of(("p", new PodScript { Containers = ValueMap.Of(("c", new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 1 })))) })),
        };
        Assert.Null(ScenarioWireReader.TryRead(Bytes(scenario)));
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "p" } }, scenario);
        var buffer = new ArrayBufferWriter<byte>();
        ProtocolMessages.WriteRunLine(buffer, 1, c, Profile.Default);
        var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(buffer.WrittenMemory[..^1]));
        Assert.Equal(c, run.Case);
    }
}
