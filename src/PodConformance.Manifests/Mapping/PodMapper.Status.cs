using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>PodStatus as <c>kubectl get -o yaml</c> prints it: conditions, IPs, container statuses and states.</summary>
internal sealed partial class PodMapper
{
    private PodStatus ReadPodStatus(ManifestNode node, string path, SchemaField self)
    {
        var s = new PodStatus();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "phase": s = s with { Phase = Str(value, p, field) }; break;
                case "conditions": s = s with { Conditions = StructList(value, p, field, ReadPodCondition) }; break;
                case "message": s = s with { Message = Str(value, p, field) }; break;
                case "reason": s = s with { Reason = Str(value, p, field) }; break;
                case "nominatedNodeName": s = s with { NominatedNodeName = Str(value, p, field) }; break;
                case "hostIP": s = s with { HostIP = Str(value, p, field) }; break;
                case "hostIPs": s = s with { HostIPs = StructList(value, p, field, ReadIp) }; break;
                case "podIP": s = s with { PodIP = Str(value, p, field) }; break;
                case "podIPs": s = s with { PodIPs = StructList(value, p, field, ReadIp) }; break;
                case "startTime": s = s with { StartTime = Time(value, p, field) }; break;
                case "initContainerStatuses": s = s with { InitContainerStatuses = StructList(value, p, field, ReadContainerStatus) }; break;
                case "containerStatuses": s = s with { ContainerStatuses = StructList(value, p, field, ReadContainerStatus) }; break;
                case "ephemeralContainerStatuses": s = s with { EphemeralContainerStatuses = StructList(value, p, field, ReadContainerStatus) }; break;
                case "qosClass": s = s with { QosClass = Str(value, p, field) }; break;
                default: ReadGenerated(ref s, key, value, p, field); break;
            }
        }

        return s;
    }

    /// <summary>HostIP / PodIP are <c>{ip: …}</c> objects in the API; the model keeps the address only.</summary>
    private string ReadIp(ManifestNode node, string path, SchemaField self)
    {
        string ip = "";
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "ip")
            {
                ip = Str(value, Child(path, key.Value), field);
            }
        }

        return ip;
    }

    private PodCondition ReadPodCondition(ManifestNode node, string path, SchemaField self)
    {
        var c = new PodCondition();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "type": c = c with { Type = Str(value, p, field) }; break;
                case "status": c = c with { Status = Str(value, p, field) }; break;
                case "lastProbeTime": c = c with { LastProbeTime = Time(value, p, field) }; break;
                case "lastTransitionTime": c = c with { LastTransitionTime = Time(value, p, field) }; break;
                case "reason": c = c with { Reason = Str(value, p, field) }; break;
                case "message": c = c with { Message = Str(value, p, field) }; break;
                default: ReadGenerated(ref c, key, value, p, field); break;
            }
        }

        return c;
    }

    private ContainerStatus ReadContainerStatus(ManifestNode node, string path, SchemaField self)
    {
        var s = new ContainerStatus();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": s = s with { Name = Str(value, p, field) }; break;
                case "state": s = s with { State = ReadContainerState(value, p, field) }; break;
                case "lastState": s = s with { LastState = ReadContainerState(value, p, field) }; break;
                case "ready": s = s with { Ready = Bool(value, p, field) ?? false }; break;
                case "restartCount": s = s with { RestartCount = Int32(value, p, field) ?? 0 }; break;
                case "image": s = s with { Image = Str(value, p, field) }; break;
                case "imageID": s = s with { ImageID = Str(value, p, field) }; break;
                case "containerID": s = s with { ContainerID = Str(value, p, field) }; break;
                case "started": s = s with { Started = Bool(value, p, field) }; break;
                default: ReadGenerated(ref s, key, value, p, field); break;
            }
        }

        return s;
    }

    private ContainerState ReadContainerState(ManifestNode node, string path, SchemaField self)
    {
        var state = new ContainerState();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            bool isNull = IsNull(value);
            switch (key.Value)
            {
                case "waiting": state = state with { Waiting = isNull ? null : ReadWaiting(value, p, field) }; break;
                case "running": state = state with { Running = isNull ? null : ReadRunning(value, p, field) }; break;
                case "terminated": state = state with { Terminated = isNull ? null : ReadTerminated(value, p, field) }; break;
            }
        }

        return state;
    }

    private ContainerStateWaiting ReadWaiting(ManifestNode node, string path, SchemaField self)
    {
        var w = new ContainerStateWaiting();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "reason": w = w with { Reason = Str(value, p, field) }; break;
                case "message": w = w with { Message = Str(value, p, field) }; break;
            }
        }

        return w;
    }

    private ContainerStateRunning ReadRunning(ManifestNode node, string path, SchemaField self)
    {
        var r = new ContainerStateRunning();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "startedAt")
            {
                r = r with { StartedAt = Time(value, Child(path, key.Value), field) };
            }
        }

        return r;
    }

    private ContainerStateTerminated ReadTerminated(ManifestNode node, string path, SchemaField self)
    {
        var t = new ContainerStateTerminated();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "exitCode": t = t with { ExitCode = Int32(value, p, field) ?? 0 }; break;
                case "signal": t = t with { Signal = Int32(value, p, field) ?? 0 }; break;
                case "reason": t = t with { Reason = Str(value, p, field) }; break;
                case "message": t = t with { Message = Str(value, p, field) }; break;
                case "startedAt": t = t with { StartedAt = Time(value, p, field) }; break;
                case "finishedAt": t = t with { FinishedAt = Time(value, p, field) }; break;
                case "containerID": t = t with { ContainerID = Str(value, p, field) }; break;
            }
        }

        return t;
    }
}
