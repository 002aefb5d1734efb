using System.Text.Json;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Tests;

public class CodecRoundTripTests
{
    public static Observation Everything { get; } = new()
    {
        Quantity = new QuantityObservation(true, "+100m", "100m", "DecimalSI", 100, 1, ""),
        Admission = new AdmissionObservation
        {
            Accepted = true,
            QosClass = "Burstable",
            Errors = ValueList.Of("spec.containers[0].name: Required value"),
            Defaults = ValueMap.Of(("spec.restartPolicy", "Always"), ("spec.containers[0].imagePullPolicy", "IfNotPresent")),
        },
        Lifecycle = new LifecycleObservation
        {
            Samples = ValueList.Of(
                new StatusSample { Offset = TimeSpan.Zero, Phase = "Pending", Ready = "0/1", Status = "Pending", Restarts = "0" },
                new StatusSample
                {
                    Offset = TimeSpan.FromMilliseconds(12_345.6),
                    Phase = "Running",
                    Conditions = ValueList.Of("Ready=False/ContainersNotReady", "PodScheduled=True"),
                    Containers = ValueList.Of(
                        new ContainerSample { Name = "app", State = "waiting", Reason = "CrashLoopBackOff", RestartCount = 2, LastReason = "OOMKilled", LastExitCode = 137 },
                        new ContainerSample { Name = "side", State = "terminated", Reason = "Completed", ExitCode = 0, Ready = true }),
                    Ready = "1/2",
                    Status = "CrashLoopBackOff",
                    Restarts = "2 (5s ago)",
                    Deleted = true,
                }),
            Events = ValueList.Of(new EventSample(TimeSpan.FromSeconds(3), "Warning", "BackOff", "Back-off restarting failed container app in pod web_default(…) \"quoted\"\n")),
            Rejected = false,
        },
        Env = new EnvObservation(ValueMap.Of(("app", ValueMap.Of(("MODE", "prod"), ("PASS", "<secret>")))), ValueMap.Of(("side", "configmap \"x\" not found"))),
        OomScore = new OomScoreObservation(ValueMap.Of(("app", 1000), ("init", -997))),
        Eviction = new EvictionObservation(ValueList.Of("b", "a"), ValueList.Of("critical")),
    };

    [Fact]
    public void Observations_round_trip_through_a_single_line()
    {
        foreach (var o in new[] { Everything, new Observation(), new Observation { Lifecycle = new LifecycleObservation { Rejected = true } } })
        {
            string line = ProtocolMessages.Observation(7, o);
            Assert.DoesNotContain('\n', line);
            var reply = Assert.IsType<ObservationReply>(ProtocolMessages.ReadReply(line));
            Assert.Equal(7, reply.Id);
            Assert.Equal(o, reply.Observation);
            Assert.Equal(line, ProtocolMessages.Observation(7, reply.Observation));
        }
    }

    [Fact]
    public void Observation_lines_are_deterministic_and_readable()
    {
        var o = new Observation { Quantity = new QuantityObservation(true, "+1.5Gi", "1536Mi", "BinarySI", 1610612736000, 1610612736, "") };
        Assert.Equal(
            """{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"string":"+1.5Gi","canonical":"1536Mi","format":"BinarySI","milliValue":1610612736000,"value":1610612736,"error":""}}}""",
            ProtocolMessages.Observation(1, o));
    }

    [Fact]
    public void Generated_pod_cases_and_profiles_round_trip()
    {
        var profile = new Profile(new KubernetesVersion(1, 33), ValueMap.Of(("SidecarContainers", false), ("InPlacePodVerticalScaling", true)));
        var cases = Seeds.Sample(ScenarioGen.Case, Seeds.Default, 12).Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)).ToList();
        cases.Add(new QuantityCase("+1.5Gi \"x\"\t"));
        cases.Add(new PodCase(new Pod { Metadata = new ObjectMeta { Name = "web" } }, RichScenario));
        foreach (var c in cases)
        {
            string line = ProtocolMessages.Run(42, c, profile);
            Assert.DoesNotContain('\n', line);
            var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
            Assert.Equal(42, run.Id);
            Assert.Equal(profile, run.Profile);
            Assert.Equal(c, run.Case);
            Assert.Equal(line, ProtocolMessages.Run(42, run.Case, run.Profile));
        }
    }

    private static Scenario RichScenario { get; } = new()
    {
        Until = TimeSpan.FromSeconds(90),
        Nodes = ValueList.Of(new Node
        {
            Name = "n1",
            Capacity = ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Quantity.Parse("8Gi"))),
            Allocatable = ValueMap.Of(("cpu", Quantity.Parse("3500m"))),
            Labels = ValueMap.Of(("zone", "a")),
            Addresses = ValueList.Of("10.0.0.9"),
            Taints = ValueList.Of(new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }),
            Unschedulable = true,
            Conditions = ValueMap.Of(("MemoryPressure", "True")),
            DeclaredFeatures = ValueList.Of("RestartAllContainersOnContainerExits", "UserNamespacesHostNetworkSupport"),
        }, new Node { Name = "n2", DeclaredFeatures = ValueList<string>.Empty }, new Node { Name = "n3" }),
        Images = new ImageCatalog { PullDuration = TimeSpan.FromMilliseconds(1500), Missing = ValueList.Of("busybox:nope"), Present = ValueList.Of("nginx:1.25") },
        Pods = ValueMap.Of(("web", new PodScript
        {
            DeleteAfter = TimeSpan.FromMinutes(5),
            Containers = ValueMap.Of(("app", new ContainerScript(ValueList.Of(
                new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(3) },
                new ContainerRun { ReadyAfter = TimeSpan.FromSeconds(2), NeverReady = true, AllocateMemory = Quantity.Parse("600Mi"), UseCpu = Quantity.Parse("2") })))),
        })),
    };

    [Fact]
    public void Handshake_round_trips_and_uses_wire_capability_names()
    {
        var hello = new AdapterHello("sim", "1.2.3", Capability.Quantity | Capability.OomScore, ValueList.Of(new KubernetesVersion(1, 36), new KubernetesVersion(1, 37)));
        string line = ProtocolMessages.AdapterHello(hello);
        Assert.Contains("\"capabilities\":[\"quantity\",\"oom-score\"]", line, StringComparison.Ordinal);
        Assert.Equal(hello, ProtocolMessages.ReadAdapterHello(line));
    }

    [Theory]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true}}}""", "observation.quantity.string: required field is missing")]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":"1","error":""}}}""", "observation.quantity.value: expected an integer (int64), got the string \"1\"")]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantitiy":{}}}""", "observation.quantitiy: unknown field")]
    [InlineData("""{"type":"observation","id":1,"observation":{"oomScore":{"scores":{"a":1.5}}}}""", "observation.oomScore.scores.a: expected an integer (int32), got the number 1.5")]
    [InlineData("""{"type":"observation","id":1,"id":2,"observation":{}}""", "not valid JSON")]
    [InlineData("""{"type":"observatoin","id":1}""", "type: expected \"observation\" or \"error\", got \"observatoin\"")]
    [InlineData("""{"type":"observation","id":1,"observation":{"lifecycle":{"samples":[{"offset":"soon","phase":"Running"}]}}}""", "observation.lifecycle.samples[0].offset: time: invalid duration")]
    [InlineData("""{"type":"observation","id":1,"observation":{"lifecycle":{"samples":[{"offset":"0s","phase":"Pending"},{"offset":"1s","phase":"Running","containers":[{"name":"a","restartCount":0,"nmae":"b"}]}]}}}""", "observation.lifecycle.samples[1].containers[0].nmae: unknown field")]
    [InlineData("""{"type":"observation","id":1,"observation":{"lifecycle":{"samples":[{"offset":"0s","phase":"Pending","conditions":["Ready",1]}]}}}""", "observation.lifecycle.samples[0].conditions[1]: expected a string, got the number 1")]
    [InlineData("""{"type":"observation","id":1,"observation":{"lifecycle":{"events":[{"offset":"0s","type":"Normal","reason":"Pulled"},7]}}}""", "observation.lifecycle.events[1]: expected an object, got the number 7")]
    [InlineData("""{"type":"observation","id":1,"observation":{"admission":{"accepted":true,"defaults":{"spec.dnsPolicy":false}}}}""", "observation.admission.defaults.spec.dnsPolicy: expected a string, got false")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "expected an object, got an array")]
    public void Malformed_replies_fail_with_the_path(string line, string expected) =>
        Assert.Contains(expected, Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadReply(line)).Message, StringComparison.Ordinal);

    [Fact]
    public void Extension_fields_are_ignored()
    {
        var reply = ProtocolMessages.ReadReply("""{"type":"observation","id":3,"x-took":"5ms","observation":{"x-note":1,"oomScore":{"scores":{}}}}""");
        Assert.Equal(new OomScoreObservation(ValueMap<int>.Empty), Assert.IsType<ObservationReply>(reply).Observation.OomScore);
        var lifecycle = ProtocolMessages.ReadReply("""{"type":"observation","id":4,"observation":{"lifecycle":{"samples":[{"offset":"1s","phase":"Running","x-node":"n1","containers":[{"name":"a","x-pid":7}]}]}}}""");
        var sample = Assert.Single(Assert.IsType<ObservationReply>(lifecycle).Observation.Lifecycle!.Samples);
        Assert.Equal("a", Assert.Single(sample.Containers).Name);
    }

    [Fact]
    public void Requests_tolerate_fields_added_later_in_v1()
    {
        var run = ProtocolMessages.ReadRequest("""{"type":"run","id":1,"deadline":"5s","profile":{"kubernetesVersion":"1.37","future":1},"case":{"kind":"quantity","input":"1","observe":["quantity"]}}""");
        Assert.Equal(new QuantityCase("1"), Assert.IsType<RunRequest>(run).Case);
    }

    [Fact]
    public void Bad_scenarios_and_pods_in_requests_name_the_field()
    {
        var e = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest(
            """{"type":"run","id":1,"profile":{"kubernetesVersion":"1.37"},"case":{"kind":"pod","pod":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}},"scenario":{"untill":"1m"}}}"""));
        Assert.Contains("case.scenario: invalid scenario: untill: unknown field", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadRequest("""{"type":"run","id":1,"profile":{"kubernetesVersion":"1.37"},"case":{"kind":"pod","pod":"web"}}"""));
        Assert.Contains("case.pod: expected a Pod object, got the string \"web\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_json_has_the_scenario_md_shape()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            ScenarioJson.Write(w, RichScenario);
        }

        string json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.StartsWith("""{"until":"1m30s","nodes":[{"name":"n1","capacity":{"cpu":"4","memory":"8Gi"},"allocatable":{"cpu":"3500m"}""", json, StringComparison.Ordinal);
        Assert.Contains("""
            "pods":{"web":{"deleteAfter":"5m0s","containers":{"app":[{"exit":1,"after":"3s","readyAfter":"0s"},{"runForever":true,"after":"0s","readyAfter":"2s","neverReady":true,"allocate":"600Mi","useCpu":"2"}]}}}
            """, json, StringComparison.Ordinal);
    }
}
