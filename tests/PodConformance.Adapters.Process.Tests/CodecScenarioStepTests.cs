using System.Text.Json;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>The scenario's steps and pod IPs on the wire (spec/scenario.md, spec/schemas/scenario.schema.json).</summary>
public class CodecScenarioStepTests
{
    private static Scenario WithSteps { get; } = new()
    {
        Pods = ValueMap.Of(("test-pod", new PodScript { PodIPs = ValueList.Of("10.0.0.4", "fd00::4") })),
        Steps = ValueList.Of(
            new ScenarioStep { At = TimeSpan.FromSeconds(10), Pod = "test-pod", RemoveSchedulingGates = ValueList.Of("example.com/foo") },
            new ScenarioStep { At = TimeSpan.FromSeconds(20), Pod = "test-pod", RemoveSchedulingGates = ValueList<string>.Empty }),
    };

    private static Scenario WithObjects { get; } = new()
    {
        Objects = ValueList.Of(
            ClusterObject.ConfigMap("", "cfg", ValueMap.Of(("mode", "prod"))),
            ClusterObject.Secret("team-a", "creds", ValueMap.Of(("password", "p@ss"))),
            ClusterObject.FromService(new Model.ContainerEnv.Service { Name = "db", Namespace = "default", ClusterIP = "10.96.0.20", Ports = [new Model.ContainerEnv.ServicePort { Name = "pg", Port = 5432, Protocol = "TCP" }] })),
        Steps = ValueList.Of(new ScenarioStep { At = TimeSpan.FromSeconds(30), Create = ClusterObject.ConfigMap("", "late", ValueMap.Of(("k", "v"))) }),
    };

    [Fact]
    public void Objects_and_create_steps_round_trip_with_secret_values_in_clear()
    {
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "web" } }, WithObjects);
        string line = ProtocolMessages.Run(4, c, Profile.Default);
        Assert.Contains("\"stringData\":{\"password\":\"p@ss\"}", line, StringComparison.Ordinal);
        var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.Equal(c, run.Case);
    }

    [Fact]
    public void Condition_steps_round_trip_in_a_run_request()
    {
        var scenario = new Scenario
        {
            Steps = ValueList.Of(
                new ScenarioStep { At = TimeSpan.FromSeconds(30), Pod = "test-pod", SetCondition = new StepCondition("example.com/lb-ready", "True") },
                new ScenarioStep { At = TimeSpan.FromMinutes(1), Pod = "test-pod", RemoveCondition = "example.com/lb-ready" }),
        };
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "test-pod" } }, scenario);
        string line = ProtocolMessages.Run(5, c, Profile.Default);
        Assert.Contains("\"setCondition\":{\"type\":\"example.com/lb-ready\",\"status\":\"True\"}", line, StringComparison.Ordinal);
        var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.Equal(c, run.Case);
    }

    [Fact]
    public void Steps_and_pod_ips_round_trip_in_a_run_request()
    {
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "test-pod" } }, WithSteps);
        string line = ProtocolMessages.Run(3, c, Profile.Default);
        var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.Equal(c, run.Case);
    }

    [Fact]
    public void Steps_have_the_scenario_md_shape()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            ScenarioJson.Write(w, WithSteps);
        }

        string json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Contains("\"test-pod\":{\"podIPs\":[\"10.0.0.4\",\"fd00::4\"],\"containers\":{}}", json, StringComparison.Ordinal);
        Assert.EndsWith(
            "\"steps\":[{\"at\":\"10s\",\"pod\":\"test-pod\",\"removeSchedulingGates\":[\"example.com/foo\"]},{\"at\":\"20s\",\"pod\":\"test-pod\",\"removeSchedulingGates\":true}]}",
            json, StringComparison.Ordinal);
    }
}
