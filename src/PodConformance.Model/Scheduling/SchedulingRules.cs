namespace PodConformance.Model.Scheduling;

/// <summary>Spec rule IDs of spec/scheduling.md.</summary>
public static class SchedulingRules
{
    /// <summary>Filters run in the default profile's order; a node's reasons come from the first filter that rejects it.</summary>
    public const string FilterOrder = "SCHED-001";

    /// <summary>NodeUnschedulable: spec.unschedulable rejects unless the pod tolerates node.kubernetes.io/unschedulable:NoSchedule.</summary>
    public const string Unschedulable = "SCHED-002";

    /// <summary>TaintToleration: the first untolerated NoSchedule/NoExecute taint rejects.</summary>
    public const string Taints = "SCHED-003";

    /// <summary>NodeAffinity: the nodeSelector and the required node affinity terms must accept the node.</summary>
    public const string NodeSelector = "SCHED-004";

    /// <summary>NodeResourcesFit: pods count, then each requested resource against allocatable − requested.</summary>
    public const string ResourcesFit = "SCHED-005";

    /// <summary>The effective pod request (init/sidecar rule, overhead, pod-level resources when enabled).</summary>
    public const string EffectiveRequest = "SCHED-006";

    /// <summary>The FitError message: <c>0/N nodes are available: </c> + sorted "count reason" joined by ", " + ".".</summary>
    public const string Message = "SCHED-007";

    /// <summary>The DefaultPreemption suffix <c>preemption: 0/N nodes are available: …</c>.</summary>
    public const string PreemptionSuffix = "SCHED-008";

    /// <summary>The model's choice among feasible nodes: the first by ordinal name (the scheduler scores instead).</summary>
    public const string NodeChoice = "SCHED-009";

    /// <summary>NodeName: a pod naming a node fits only that node.</summary>
    public const string NodeName = "SCHED-010";

    /// <summary>SchedulingGates PreEnqueue: a gated pod is never tried (no event, no condition from the scheduler).</summary>
    public const string SchedulingGates = "SCHED-011";

    /// <summary>The API server's PrepareForCreate marks a gated pod PodScheduled=False/SchedulingGated.</summary>
    public const string GatedCondition = "SCHED-012";

    /// <summary>NodePorts: host ports of sidecars and containers against those in use on the node.</summary>
    public const string NodePorts = "SCHED-013";

    /// <summary>Removing the last gate (a pod update) lets the scheduler try the pod from then on.</summary>
    public const string GateRemoval = "SCHED-014";

    /// <summary>Nodes a PreFilterResult leaves out: <c>node(s) didn't satisfy plugin(s) [NodeAffinity]</c>, unresolvable.</summary>
    public const string PreFilterNodes = "SCHED-015";

    /// <summary>A PreFilter rejection (NodeAffinity's conflicting terms): every node rejected, the message is the PreFilter's alone.</summary>
    public const string PreFilterRejection = "SCHED-016";

    /// <summary>PodTopologySpread: DoNotSchedule constraints, missing topology label, skew against the global minimum.</summary>
    public const string TopologySpread = "SCHED-017";

    /// <summary>NodeDeclaredFeatures: a node whose declared features lack one the pod needs is rejected, unresolvable.</summary>
    public const string DeclaredFeatures = "SCHED-018";

    /// <summary>The features a pod needs at scheduling, inferred from its spec by the release's registry.</summary>
    public const string FeatureInference = "SCHED-019";

    /// <summary>What a node declares: the scenario's status.declaredFeatures, or what its kubelet discovers under the gates.</summary>
    public const string KubeletDeclaration = "SCHED-020";
}
