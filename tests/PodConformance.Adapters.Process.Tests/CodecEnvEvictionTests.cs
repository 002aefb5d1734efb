using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>Env objects on pod cases and node-pressure cases travel the wire losslessly, and old pod cases keep their bytes.</summary>
public class CodecEnvEvictionTests
{
    private static ConformanceCase RoundTrip(ConformanceCase c)
    {
        string line = ProtocolMessages.Run(7, c, Profile.Default);
        Assert.DoesNotContain('\n', line);
        var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(line));
        Assert.Equal(line, ProtocolMessages.Run(7, run.Case, run.Profile));
        return run.Case;
    }

    [Fact]
    public void Env_cases_round_trip_with_their_objects()
    {
        foreach (var e in Seeds.Sample(EnvGen.Case, ReplaySeed.Of(8001), 40))
        {
            var c = new PodCase(e.Pod) { Objects = e.Objects };
            var back = Assert.IsType<PodCase>(RoundTrip(c));
            Assert.Equal(e.Objects, back.Objects);
            Assert.Equal(ModelAdapter.ObserveEnv(c, Profile.Default), ModelAdapter.ObserveEnv(back, Profile.Default));
        }
    }

    /// <summary>ENV-016: the emptyDir volumes' files travel as <c>objects.volumeFiles</c>, and only when a case has any.</summary>
    [Fact]
    public void Env_file_cases_round_trip_with_their_volume_files()
    {
        var cases = Seeds.Sample(EnvGen.CaseFor(Profile.Default), ReplaySeed.Of(8002), 60);
        Assert.Contains(cases, e => !e.Objects.VolumeFiles.IsEmpty);
        foreach (var e in cases)
        {
            var c = new PodCase(e.Pod) { Objects = e.Objects };
            string line = ProtocolMessages.Run(7, c, Profile.Default);
            Assert.Equal(!e.Objects.VolumeFiles.IsEmpty, line.Contains("\"volumeFiles\"", StringComparison.Ordinal));
            var back = Assert.IsType<PodCase>(RoundTrip(c));
            Assert.Equal(e.Objects, back.Objects);
            Assert.Equal(ModelAdapter.ObserveEnv(c, Profile.Default), ModelAdapter.ObserveEnv(back, Profile.Default));
        }
    }

    [Fact]
    public void A_missing_service_lister_and_unsynced_services_survive_the_wire()
    {
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "web" } }) { Objects = new EnvInputs { Services = null, ServicesSynced = false } };
        Assert.Equal(c.Objects, Assert.IsType<PodCase>(RoundTrip(c)).Objects);
    }

    [Fact]
    public void Pod_cases_without_objects_are_written_as_in_v1_before()
    {
        string line = ProtocolMessages.Run(1, new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "web" } }), Profile.Default);
        Assert.DoesNotContain("\"objects\"", line, StringComparison.Ordinal);
        Assert.Null(Assert.IsType<PodCase>(ProtocolMessages.ReadRequest(line) is RunRequest r ? r.Case : null).Objects);
    }

    [Fact]
    public void Node_pressure_cases_round_trip()
    {
        foreach (var p in Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(8002), 40))
        {
            var c = new NodePressureCase(p.Pods, p.Scenario);
            var back = Assert.IsType<NodePressureCase>(RoundTrip(c));
            Assert.Equal(c.Pods.Select(x => x.Metadata.Name), back.Pods.Select(x => x.Metadata.Name));
            Assert.Equal(ModelAdapter.ObserveEviction(c, Profile.Default), ModelAdapter.ObserveEviction(back, Profile.Default));
            Assert.Contains("\"kind\":\"nodePressure\"", ProtocolMessages.Run(1, c, Profile.Default), StringComparison.Ordinal);
        }
    }

    /// <summary>PROTO-015: disk layouts, filesystems, process limits and the samples' disk, volume and process use survive the wire.</summary>
    [Fact]
    public void Disk_and_pid_episodes_round_trip_field_for_field()
    {
        int disk = 0, pids = 0;
        foreach (var p in Seeds.Sample(SignalPressureGen.Case, ReplaySeed.Of(8003), 40))
        {
            var c = new NodePressureCase(p.Pods, p.Scenario);
            var back = Assert.IsType<NodePressureCase>(RoundTrip(c)).Scenario;
            Assert.Equal(c.Scenario.NodeFs, back.NodeFs);
            Assert.Equal(c.Scenario.ImageFs, back.ImageFs);
            Assert.Equal(c.Scenario.DiskLayout, back.DiskLayout);
            Assert.Equal(c.Scenario.Pids, back.Pids);
            Assert.Equal(c.Scenario.Usage, back.Usage);
            Assert.Equal(ModelAdapter.ObserveEviction(c, Profile.Default), ModelAdapter.ObserveEviction(new NodePressureCase(c.Pods, back), Profile.Default));
            disk += c.Scenario.NodeFs is null ? 0 : 1;
            pids += c.Scenario.Pids is null ? 0 : 1;
        }

        Assert.True(disk > 5 && pids > 5, $"{disk} disk and {pids} PID episodes");
    }

    [Fact]
    public void A_node_pressure_case_whose_usage_names_no_pod_fails_with_the_path()
    {
        string line = "{\"type\":\"run\",\"id\":1,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"nodePressure\",\"pods\":[],"
            + "\"nodeScenario\":{\"kind\":\"NodeScenario\",\"node\":{\"name\":\"n\",\"capacity\":{\"memory\":\"1Gi\"}},\"usage\":{\"ghost\":[{\"at\":\"0s\",\"pod\":\"1Mi\"}]}}}}";
        var ex = Assert.ThrowsAny<Exception>(() => ProtocolMessages.ReadRequest(line));
        Assert.Contains("ghost", ex.Message, StringComparison.Ordinal);
    }
}
