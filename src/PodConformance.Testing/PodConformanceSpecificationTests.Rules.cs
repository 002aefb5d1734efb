using PodConformance.Testing.Xunit;

namespace PodConformance.Testing;

// One test per catalogue property, in catalogue order; the method name is the property ID with '-' as '_'.
// Written by hand so each rule is a named, overridable test in every test explorer; the drift test in
// PodConformance.Testing.Tests fails when this list and Catalog.All disagree.
public abstract partial class PodConformanceSpecificationTests
{
    /// <summary>P-QTY-PARSE: Quantity texts are accepted or rejected with Kubernetes' error, and get the format of their suffix.</summary>
    [ConformanceFact]
    public virtual void P_QTY_PARSE() => Verify("P-QTY-PARSE");

    /// <summary>P-QTY-PRINT: Accepted quantities print (String and canonical form) exactly as Kubernetes prints them.</summary>
    [ConformanceFact]
    public virtual void P_QTY_PRINT() => Verify("P-QTY-PRINT");

    /// <summary>P-QTY-VALUE: Value() and MilliValue() round up and overflow as Kubernetes' do.</summary>
    [ConformanceFact]
    public virtual void P_QTY_VALUE() => Verify("P-QTY-VALUE");

    /// <summary>P-QTY-ROUNDTRIP: A canonical text re-parses to the same quantity and prints itself.</summary>
    [ConformanceFact]
    public virtual void P_QTY_ROUNDTRIP() => Verify("P-QTY-ROUNDTRIP");

    /// <summary>P-ADM-VALIDATION: A created Pod is accepted, or rejected with Kubernetes' field errors.</summary>
    [ConformanceFact]
    public virtual void P_ADM_VALIDATION() => Verify("P-ADM-VALIDATION");

    /// <summary>P-ADM-DEFAULTS: An accepted Pod is stored with exactly the defaulted fields Kubernetes sets.</summary>
    [ConformanceFact]
    public virtual void P_ADM_DEFAULTS() => Verify("P-ADM-DEFAULTS");

    /// <summary>P-QOS-CLASS: An accepted Pod gets the status.qosClass Kubernetes computes at create.</summary>
    [ConformanceFact]
    public virtual void P_QOS_CLASS() => Verify("P-QOS-CLASS");

    /// <summary>P-LIFE-PHASE: The pod goes through the phases the kubelet reports, and ends in the same one.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_PHASE() => Verify("P-LIFE-PHASE");

    /// <summary>P-LIFE-CONDITIONS: The pod's conditions change as Kubernetes changes them.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_CONDITIONS() => Verify("P-LIFE-CONDITIONS");

    /// <summary>P-LIFE-CONTAINERS: Container states, reasons, exit codes and last terminations follow Kubernetes.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_CONTAINERS() => Verify("P-LIFE-CONTAINERS");

    /// <summary>P-LIFE-RESTARTS: Each container restarts as many times as under Kubernetes' restart policy and backoff.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_RESTARTS() => Verify("P-LIFE-RESTARTS");

    /// <summary>P-LIFE-KUBECTL: kubectl get shows the same READY, STATUS and RESTARTS sequence.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_KUBECTL() => Verify("P-LIFE-KUBECTL");

    /// <summary>P-LIFE-EVENTS: The pod's events have Kubernetes' types, reasons and messages, in order.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_EVENTS() => Verify("P-LIFE-EVENTS");

    /// <summary>P-LIFE-TIMING: Status changes happen when Kubernetes makes them happen, within the tolerance.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_TIMING() => Verify("P-LIFE-TIMING");

    /// <summary>P-OOM-SCORE: Each container gets the oom_score_adj the kubelet computes.</summary>
    [ConformanceFact]
    public virtual void P_OOM_SCORE() => Verify("P-OOM-SCORE");

    /// <summary>P-ENV-RESOLVE: Each container's resolved environment equals Kubernetes'.</summary>
    [ConformanceFact]
    public virtual void P_ENV_RESOLVE() => Verify("P-ENV-RESOLVE");

    /// <summary>P-EVICT-ORDER: Under node pressure, pods are ranked and evicted as the kubelet's eviction manager does.</summary>
    [ConformanceFact]
    public virtual void P_EVICT_ORDER() => Verify("P-EVICT-ORDER");

    /// <summary>P-SCHED-FIT: The pod is held while gated, placed only where Kubernetes' filters allow, or refused with the same FailedScheduling message.</summary>
    [ConformanceFact]
    public virtual void P_SCHED_FIT() => Verify("P-SCHED-FIT");

    /// <summary>P-LIFE-CONFIG: A container whose env or subPathExpr cannot be built waits in CreateContainerConfigError with the kubelet's message, and starts once the object exists.</summary>
    [ConformanceFact]
    public virtual void P_LIFE_CONFIG() => Verify("P-LIFE-CONFIG");

    /// <summary>P-ENV-HOSTNAME: A container sees HOSTNAME and its pod IPs as the kubelet and the runtime set them.</summary>
    [ConformanceFact]
    public virtual void P_ENV_HOSTNAME() => Verify("P-ENV-HOSTNAME");
}
