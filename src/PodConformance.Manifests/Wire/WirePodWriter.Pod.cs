using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Writing/PodTree.cs, PodTree.Spec.cs (the spec's own fields) and PodTree.Status.cs.</summary>
static partial class WirePodWriter
{
    /// <summary>In the tree's order (apiVersion before kind), not Go's: PodTree.Build does not sort the pod's keys.</summary>
    private static void WritePod(Utf8JsonWriter w, Pod pod)
    {
        w.WriteStartObject();
        Str(w, "apiVersion"u8, pod.ApiVersion);
        Str(w, "kind"u8, pod.Kind);
        w.WritePropertyName("metadata"u8);
        WriteObjectMeta(w, pod.Metadata);
        w.WritePropertyName("spec"u8);
        WritePodSpec(w, pod.Spec);
        Obj(w, "status"u8, pod.Status, WritePodStatus);

        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, ObjectMeta x, ObjectMetaField f)
    {
        switch (f)
        {
            case ObjectMetaField.Name: Str(w, "name"u8, x.Name); break;
            case ObjectMetaField.GenerateName: Str(w, "generateName"u8, x.GenerateName); break;
            case ObjectMetaField.Namespace: Str(w, "namespace"u8, x.Namespace); break;
            case ObjectMetaField.Uid: Str(w, "uid"u8, x.Uid); break;
            case ObjectMetaField.CreationTimestamp: Time(w, "creationTimestamp"u8, x.CreationTimestamp); break;
            case ObjectMetaField.DeletionTimestamp: TimePointer(w, "deletionTimestamp"u8, x.DeletionTimestamp); break;
            case ObjectMetaField.DeletionGracePeriodSeconds: Int(w, "deletionGracePeriodSeconds"u8, x.DeletionGracePeriodSeconds); break;
            case ObjectMetaField.Labels: StringMap(w, "labels"u8, x.Labels); break;
            case ObjectMetaField.Annotations: StringMap(w, "annotations"u8, x.Annotations); break;
            default: throw Unknown(f);
        }
    }

    private static void Hand(Utf8JsonWriter w, PodSpec x, PodSpecField f)
    {
        switch (f)
        {
            case PodSpecField.Volumes: Items(w, "volumes"u8, x.Volumes, WriteVolume); break;
            case PodSpecField.InitContainers: Items(w, "initContainers"u8, x.InitContainers, WriteContainer); break;
            case PodSpecField.Containers: Items(w, "containers"u8, x.Containers, WriteContainer, always: true); break;
            case PodSpecField.EphemeralContainers: Items(w, "ephemeralContainers"u8, x.EphemeralContainers, WriteEphemeralContainer); break;
            case PodSpecField.RestartPolicy: Str(w, "restartPolicy"u8, x.RestartPolicy); break;
            case PodSpecField.TerminationGracePeriodSeconds: Int(w, "terminationGracePeriodSeconds"u8, x.TerminationGracePeriodSeconds); break;
            case PodSpecField.ActiveDeadlineSeconds: Int(w, "activeDeadlineSeconds"u8, x.ActiveDeadlineSeconds); break;
            case PodSpecField.DnsPolicy: Str(w, "dnsPolicy"u8, x.DnsPolicy); break;
            case PodSpecField.NodeSelector: StringMap(w, "nodeSelector"u8, x.NodeSelector); break;
            case PodSpecField.ServiceAccountName: Str(w, "serviceAccountName"u8, x.ServiceAccountName); break;
            case PodSpecField.NodeName: Str(w, "nodeName"u8, x.NodeName); break;
            case PodSpecField.HostNetwork: Bool(w, "hostNetwork"u8, x.HostNetwork); break;
            case PodSpecField.SchedulerName: Str(w, "schedulerName"u8, x.SchedulerName); break;
            case PodSpecField.Tolerations: Items(w, "tolerations"u8, x.Tolerations, WriteToleration); break;
            case PodSpecField.PriorityClassName: Str(w, "priorityClassName"u8, x.PriorityClassName); break;
            case PodSpecField.Priority: Int(w, "priority"u8, x.Priority); break;
            case PodSpecField.ReadinessGates: Items(w, "readinessGates"u8, x.ReadinessGates, static (w, g) => Single(w, "conditionType"u8, g.ConditionType)); break;
            case PodSpecField.EnableServiceLinks: Bool(w, "enableServiceLinks"u8, x.EnableServiceLinks); break;
            case PodSpecField.Overhead: ResourceList(w, "overhead"u8, x.Overhead, keepEmpty: x.OverheadGiven); break;
            case PodSpecField.SchedulingGates: Items(w, "schedulingGates"u8, x.SchedulingGates, static (w, g) => Single(w, "name"u8, g.Name)); break;
            case PodSpecField.Resources: Obj(w, "resources"u8, x.Resources, WriteResources); break;
            default: throw Unknown(f);
        }
    }

    /// <summary>An object of one string field without omitempty (<c>{"ip": …}</c>, a readiness or scheduling gate).</summary>
    private static void Single(Utf8JsonWriter w, ReadOnlySpan<byte> key, string value)
    {
        w.WriteStartObject();
        w.WriteString(key, value);
        w.WriteEndObject();
    }

    private static void WriteToleration(Utf8JsonWriter w, Toleration t)
    {
        w.WriteStartObject();
        Str(w, "key"u8, t.Key);
        Str(w, "operator"u8, t.Operator);
        Str(w, "value"u8, t.Value);
        Str(w, "effect"u8, t.Effect);
        Int(w, "tolerationSeconds"u8, t.TolerationSeconds);
        w.WriteEndObject();
    }

    private static void Hand(Utf8JsonWriter w, PodStatus x, PodStatusField f)
    {
        switch (f)
        {
            case PodStatusField.Phase: Str(w, "phase"u8, x.Phase); break;
            case PodStatusField.Conditions: Items(w, "conditions"u8, x.Conditions, WritePodCondition); break;
            case PodStatusField.Message: Str(w, "message"u8, x.Message); break;
            case PodStatusField.Reason: Str(w, "reason"u8, x.Reason); break;
            case PodStatusField.NominatedNodeName: Str(w, "nominatedNodeName"u8, x.NominatedNodeName); break;
            case PodStatusField.HostIP: Str(w, "hostIP"u8, x.HostIP); break;
            case PodStatusField.HostIPs: Items(w, "hostIPs"u8, x.HostIPs, static (w, ip) => Single(w, "ip"u8, ip)); break;
            case PodStatusField.PodIP: Str(w, "podIP"u8, x.PodIP); break;
            case PodStatusField.PodIPs: Items(w, "podIPs"u8, x.PodIPs, static (w, ip) => Single(w, "ip"u8, ip)); break;
            case PodStatusField.StartTime: TimePointer(w, "startTime"u8, x.StartTime); break;
            case PodStatusField.InitContainerStatuses: Items(w, "initContainerStatuses"u8, x.InitContainerStatuses, WriteContainerStatus); break;
            case PodStatusField.ContainerStatuses: Items(w, "containerStatuses"u8, x.ContainerStatuses, WriteContainerStatus); break;
            case PodStatusField.QosClass: Str(w, "qosClass"u8, x.QosClass); break;
            case PodStatusField.EphemeralContainerStatuses: Items(w, "ephemeralContainerStatuses"u8, x.EphemeralContainerStatuses, WriteContainerStatus); break;
            default: throw Unknown(f);
        }
    }

    private static void Hand(Utf8JsonWriter w, PodCondition x, PodConditionField f)
    {
        switch (f)
        {
            case PodConditionField.Type: StrAlways(w, "type"u8, x.Type); break;
            case PodConditionField.Status: StrAlways(w, "status"u8, x.Status); break;
            case PodConditionField.LastProbeTime: Time(w, "lastProbeTime"u8, x.LastProbeTime); break;
            case PodConditionField.LastTransitionTime: Time(w, "lastTransitionTime"u8, x.LastTransitionTime); break;
            case PodConditionField.Reason: Str(w, "reason"u8, x.Reason); break;
            case PodConditionField.Message: Str(w, "message"u8, x.Message); break;
            default: throw Unknown(f);
        }
    }

    private static void Hand(Utf8JsonWriter w, ContainerStatus x, ContainerStatusField f)
    {
        switch (f)
        {
            case ContainerStatusField.Name: StrAlways(w, "name"u8, x.Name); break;
            case ContainerStatusField.State: w.WritePropertyName("state"u8); WriteContainerState(w, x.State); break;
            case ContainerStatusField.LastState: w.WritePropertyName("lastState"u8); WriteContainerState(w, x.LastState); break;
            case ContainerStatusField.Ready: BoolAlways(w, "ready"u8, x.Ready); break;
            case ContainerStatusField.RestartCount: IntAlways(w, "restartCount"u8, x.RestartCount); break;
            case ContainerStatusField.Image: StrAlways(w, "image"u8, x.Image); break;
            case ContainerStatusField.ImageID: StrAlways(w, "imageID"u8, x.ImageID); break;
            case ContainerStatusField.ContainerID: Str(w, "containerID"u8, x.ContainerID); break;
            case ContainerStatusField.Started: Bool(w, "started"u8, x.Started); break;
            default: throw Unknown(f);
        }
    }

    private static void WriteContainerState(Utf8JsonWriter w, ContainerState s)
    {
        w.WriteStartObject();
        if (s.Waiting is { } waiting)
        {
            w.WriteStartObject("waiting"u8);
            Str(w, "reason"u8, waiting.Reason);
            Str(w, "message"u8, waiting.Message);
            w.WriteEndObject();
        }

        if (s.Running is { } running)
        {
            w.WriteStartObject("running"u8);
            Time(w, "startedAt"u8, running.StartedAt);
            w.WriteEndObject();
        }

        if (s.Terminated is { } t)
        {
            w.WriteStartObject("terminated"u8);
            IntAlways(w, "exitCode"u8, t.ExitCode);
            Int(w, "signal"u8, t.Signal);
            Str(w, "reason"u8, t.Reason);
            Str(w, "message"u8, t.Message);
            Time(w, "startedAt"u8, t.StartedAt);
            Time(w, "finishedAt"u8, t.FinishedAt);
            Str(w, "containerID"u8, t.ContainerID);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>A hand-written field the generated writer asks for and no twin writes: the twin is behind HandWritten.json.</summary>
    private static InvalidOperationException Unknown<T>(T field)
        where T : struct, Enum =>
        new("no hand-written wire writer for " + typeof(T).Name + "." + field + ": add it to the twin of PodTree");
}
