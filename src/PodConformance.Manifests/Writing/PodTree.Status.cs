using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>PodStatus as the API server returns it.</summary>
internal static partial class PodTree
{
    private static ManifestMapping PodStatus(PodStatus s) =>
        WriteGenerated(new TreeBuilder()
            .Str("phase", s.Phase)
            .List("conditions", s.Conditions, Condition)
            .Str("message", s.Message)
            .Str("reason", s.Reason)
            .Str("nominatedNodeName", s.NominatedNodeName)
            .Str("hostIP", s.HostIP)
            .List("hostIPs", s.HostIPs, Ip)
            .Str("podIP", s.PodIP)
            .List("podIPs", s.PodIPs, Ip)
            .TimePointer("startTime", s.StartTime)
            .List("initContainerStatuses", s.InitContainerStatuses, ContainerStatus)
            .List("containerStatuses", s.ContainerStatuses, ContainerStatus)
            .Str("qosClass", s.QosClass)
            .List("ephemeralContainerStatuses", s.EphemeralContainerStatuses, ContainerStatus), s)
            .Build(GoFieldOrder.PodStatus);

    private static ManifestMapping Ip(string ip) => new TreeBuilder().Str("ip", ip, always: true).Build();

    private static ManifestMapping Condition(PodCondition c) =>
        WriteGenerated(new TreeBuilder()
            .Str("type", c.Type, always: true)
            .Str("status", c.Status, always: true)
            .Time("lastProbeTime", c.LastProbeTime)
            .Time("lastTransitionTime", c.LastTransitionTime)
            .Str("reason", c.Reason)
            .Str("message", c.Message), c)
            .Build(GoFieldOrder.PodCondition);

    private static ManifestMapping ContainerStatus(ContainerStatus s) =>
        WriteGenerated(new TreeBuilder()
            .Str("name", s.Name, always: true)
            .Node("state", ContainerState(s.State))
            .Node("lastState", ContainerState(s.LastState))
            .Bool("ready", s.Ready, always: true)
            .Int("restartCount", s.RestartCount, always: true)
            .Str("image", s.Image, always: true)
            .Str("imageID", s.ImageID, always: true)
            .Str("containerID", s.ContainerID)
            .Bool("started", s.Started), s)
            .Build(GoFieldOrder.ContainerStatus);

    private static ManifestMapping ContainerState(ContainerState s) =>
        new TreeBuilder()
            .Node("waiting", s.Waiting is { } w ? new TreeBuilder().Str("reason", w.Reason).Str("message", w.Message).Build() : null)
            .Node("running", s.Running is { } r ? new TreeBuilder().Time("startedAt", r.StartedAt).Build() : null)
            .Node("terminated", s.Terminated is { } t ? new TreeBuilder()
                .Int("exitCode", t.ExitCode, always: true)
                .Int("signal", t.Signal)
                .Str("reason", t.Reason)
                .Str("message", t.Message)
                .Time("startedAt", t.StartedAt)
                .Time("finishedAt", t.FinishedAt)
                .Str("containerID", t.ContainerID)
                .Build() : null)
            .Build();
}
