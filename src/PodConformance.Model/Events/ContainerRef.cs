namespace PodConformance.Model.Events;

/// <summary>Which list of the pod spec a container is in; it decides the event's field path.</summary>
public enum ContainerListKind
{
    Container,
    InitContainer,
    EphemeralContainer,
}

/// <summary>
/// A container as the kubelet names it in an event: the involved object's field path is
/// <c>spec.containers{name}</c>, <c>spec.initContainers{name}</c> or <c>spec.ephemeralContainers{name}</c>
/// (kubelet <c>pkg/kubelet/container/ref.go</c> <c>fieldPath</c>).
/// </summary>
public readonly record struct ContainerRef(string Name, ContainerListKind Kind = ContainerListKind.Container)
{
    public string FieldPath => Kind switch
    {
        ContainerListKind.InitContainer => "spec.initContainers{" + Name + "}",
        ContainerListKind.EphemeralContainer => "spec.ephemeralContainers{" + Name + "}",
        _ => "spec.containers{" + Name + "}",
    };
}

/// <summary>The pod an event is about, as the kubelet's <c>format.Pod</c> prints it: <c>name_namespace(uid)</c>.</summary>
public readonly record struct PodRef(string Name, string Namespace, string Uid)
{
    public string KubeletFormat => Name + "_" + Namespace + "(" + Uid + ")";
}
