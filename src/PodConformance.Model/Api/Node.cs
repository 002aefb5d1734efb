using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Api;

/// <summary>
/// A node as the model's scheduler, kubelet and eviction rules see it: the v1 Node reduced to what they use.
/// </summary>
public sealed record Node
{
    public string Name { get; init; } = "";

    public ValueMap<string> Labels { get; init; }

    public ValueMap<Quantity> Capacity { get; init; }

    /// <summary>What the scheduler fits requests against; empty means "same as capacity" (SetDefaults_NodeStatus).</summary>
    public ValueMap<Quantity> Allocatable { get; init; }

    public ValueList<Taint> Taints { get; init; }

    public bool Unschedulable { get; init; }

    /// <summary>Node IPs in the order the kubelet reports them (status.hostIP is the first).</summary>
    public ValueList<string> Addresses { get; init; }

    /// <summary>Node conditions by type (MemoryPressure, DiskPressure, PIDPressure, Ready…) → "True"/"False".</summary>
    public ValueMap<string> Conditions { get; init; }

    /// <summary>
    /// <c>status.declaredFeatures</c> (NodeDeclaredFeatures). Null: not given, and the node declares what its kubelet
    /// discovers under the run's gates (SCHED-020); an empty list: a kubelet that declares nothing (an older one).
    /// </summary>
    public ValueList<string>? DeclaredFeatures { get; init; }

    public ValueMap<Quantity> EffectiveAllocatable => Allocatable.IsEmpty ? Capacity : Allocatable;
}

public sealed record Taint
{
    public string Key { get; init; } = "";

    public string Value { get; init; } = "";

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</summary>
    public string Effect { get; init; } = "";
}
