using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>PodStatus as <c>kubectl get -o yaml</c> prints it: conditions, IPs, container statuses and states.</summary>
internal sealed partial class PodMapper
{
    private PodStatus ReadPodStatus(ManifestNode node, string path)
    {
        var s = new PodStatus();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "phase": s = s with { Phase = Str(value, p) }; break;
                case "conditions": s = s with { Conditions = List(value, p, ReadPodCondition) }; break;
                case "message": s = s with { Message = Str(value, p) }; break;
                case "reason": s = s with { Reason = Str(value, p) }; break;
                case "nominatedNodeName": s = s with { NominatedNodeName = Str(value, p) }; break;
                case "hostIP": s = s with { HostIP = Str(value, p) }; break;
                case "hostIPs": s = s with { HostIPs = List(value, p, ReadIp) }; break;
                case "podIP": s = s with { PodIP = Str(value, p) }; break;
                case "podIPs": s = s with { PodIPs = List(value, p, ReadIp) }; break;
                case "startTime": s = s with { StartTime = Time(value, p) }; break;
                case "initContainerStatuses": s = s with { InitContainerStatuses = List(value, p, ReadContainerStatus) }; break;
                case "containerStatuses": s = s with { ContainerStatuses = List(value, p, ReadContainerStatus) }; break;
                case "ephemeralContainerStatuses": s = s with { EphemeralContainerStatuses = List(value, p, ReadContainerStatus) }; break;
                case "qosClass": s = s with { QosClass = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.PodStatus); break;
            }
        }

        return s;
    }

    /// <summary>HostIP / PodIP are <c>{ip: …}</c> objects in the API; the model keeps the address only.</summary>
    private string ReadIp(ManifestNode node, string path)
    {
        string ip = "";
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "ip")
            {
                ip = Str(value, Child(path, key.Value));
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return ip;
    }

    private PodCondition ReadPodCondition(ManifestNode node, string path)
    {
        var c = new PodCondition();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "type": c = c with { Type = Str(value, p) }; break;
                case "status": c = c with { Status = Str(value, p) }; break;
                case "lastProbeTime": c = c with { LastProbeTime = Time(value, p) }; break;
                case "lastTransitionTime": c = c with { LastTransitionTime = Time(value, p) }; break;
                case "reason": c = c with { Reason = Str(value, p) }; break;
                case "message": c = c with { Message = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.PodCondition); break;
            }
        }

        return c;
    }

    private ContainerStatus ReadContainerStatus(ManifestNode node, string path)
    {
        var s = new ContainerStatus();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": s = s with { Name = Str(value, p) }; break;
                case "state": s = s with { State = ReadContainerState(value, p) }; break;
                case "lastState": s = s with { LastState = ReadContainerState(value, p) }; break;
                case "ready": s = s with { Ready = Bool(value, p) ?? false }; break;
                case "restartCount": s = s with { RestartCount = Int32(value, p) ?? 0 }; break;
                case "image": s = s with { Image = Str(value, p) }; break;
                case "imageID": s = s with { ImageID = Str(value, p) }; break;
                case "containerID": s = s with { ContainerID = Str(value, p) }; break;
                case "started": s = s with { Started = Bool(value, p) }; break;
                default: Other(key, path, NotModelledFields.ContainerStatus); break;
            }
        }

        return s;
    }

    private ContainerState ReadContainerState(ManifestNode node, string path)
    {
        var state = new ContainerState();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            bool isNull = IsNull(value);
            switch (key.Value)
            {
                case "waiting": state = state with { Waiting = isNull ? null : ReadWaiting(value, p) }; break;
                case "running": state = state with { Running = isNull ? null : ReadRunning(value, p) }; break;
                case "terminated": state = state with { Terminated = isNull ? null : ReadTerminated(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return state;
    }

    private ContainerStateWaiting ReadWaiting(ManifestNode node, string path)
    {
        var w = new ContainerStateWaiting();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "reason": w = w with { Reason = Str(value, p) }; break;
                case "message": w = w with { Message = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return w;
    }

    private ContainerStateRunning ReadRunning(ManifestNode node, string path)
    {
        var r = new ContainerStateRunning();
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "startedAt")
            {
                r = r with { StartedAt = Time(value, Child(path, key.Value)) };
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return r;
    }

    private ContainerStateTerminated ReadTerminated(ManifestNode node, string path)
    {
        var t = new ContainerStateTerminated();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "exitCode": t = t with { ExitCode = Int32(value, p) ?? 0 }; break;
                case "signal": t = t with { Signal = Int32(value, p) ?? 0 }; break;
                case "reason": t = t with { Reason = Str(value, p) }; break;
                case "message": t = t with { Message = Str(value, p) }; break;
                case "startedAt": t = t with { StartedAt = Time(value, p) }; break;
                case "finishedAt": t = t with { FinishedAt = Time(value, p) }; break;
                case "containerID": t = t with { ContainerID = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return t;
    }
}
