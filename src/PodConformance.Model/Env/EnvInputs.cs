using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// What the kubelet reads besides the Pod when it assembles a container's environment. ConfigMaps and
/// Secrets are those of the pod's namespace, by name; Secret data is given as the string the kubelet
/// makes of its bytes.
/// </summary>
public sealed record EnvInputs
{
    public ValueMap<ValueMap<string>> ConfigMaps { get; init; }

    public ValueMap<ValueMap<string>> Secrets { get; init; }

    /// <summary>Every Service the kubelet's informer holds (all namespaces). Null: the kubelet has no Service lister.</summary>
    public ValueList<Service>? Services { get; init; } = ValueList<Service>.Empty;

    /// <summary>False until the Service informer has synced once; API pods then fail (ENV-002).</summary>
    public bool ServicesSynced { get; init; } = true;

    /// <summary>The node: its addresses give status.hostIP(s), its allocatable the default limits.</summary>
    public Node? Node { get; init; }

    /// <summary>The runtime's pod IPs, in the runtime's order (the kubelet re-sorts them).</summary>
    public ValueList<string> PodIPs { get; init; }

    /// <summary>
    /// The files of the pod's emptyDir volumes as a container's start finds them (written by an init container at run
    /// time): volume name → path inside the volume → text. A volume given here has exactly these files (another path is
    /// a missing file); a volume not given has unknown files, and a <c>fileKeyRef</c> into it is not checked (ENV-019).
    /// </summary>
    public ValueMap<ValueMap<string>> VolumeFiles { get; init; }

    public static EnvInputs Empty { get; } = new();
}
