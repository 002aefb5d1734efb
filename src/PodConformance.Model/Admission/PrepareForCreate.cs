using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Model.Admission;

/// <summary>
/// The pod strategy's PrepareForCreate (kubernetes pkg/registry/core/pod/strategy.go), in its order: generation 1, a
/// fresh status (Pending, the QoS class), dropDisabledFields (ADM-080…096 here; the security fields, DEF-201, in
/// PodDefaulter), the SchedulingGated condition, then the create-strategy part of PodDefaulter (from 1.37 the
/// pod-level resource defaults, the security drops, the AppArmor version skew).
/// </summary>
internal static class PrepareForCreate
{
    /// <summary>metadata.generation = 1 on create (PodObservedGenerationTracking, KEP-5067): from 1.33 (unverified start).</summary>
    private static readonly KubernetesVersion GenerationSince = new(1, 33);

    public static Pod Apply(Pod pod, CreateRun run, StepLog log)
    {
        var profile = run.Profile;
        var metadata = pod.Metadata;
        if (profile.Version >= GenerationSince)
        {
            metadata = metadata with { Generation = 1 };
            log.Add(AdmissionRules.Generation, "metadata.generation", "1");
        }

        // The status is replaced, whatever the manifest carried; the QoS class is computed before fields are dropped.
        // One copy of the pod for both changes; the status is one of three shared objects (records are immutable).
        string qos = (run.Stages.Qos is { } computeQos ? computeQos(pod.Spec, profile) : QosCalculator.ComputePodQos(pod.Spec, profile)).ToApiString();
        pod = pod with { Metadata = metadata, Status = PendingStatus(qos) };
        if (log.On)
        {
            log.Add(AdmissionRules.StatusOnCreate, "status", "{phase: Pending, qosClass: " + qos + "}");
        }


        pod = DisabledFields.Drop(pod, profile, log);
        pod = SchedulingGated(pod, log);

        if (run.Stages.CreateStrategy is { } strategy)
        {
            return strategy(pod, profile);
        }

        var changes = log.On ? new List<DefaultingChange>() : null;
        pod = PodDefaulter.ApplyCreateStrategy(pod, profile, changes);
        foreach (var c in changes ?? Enumerable.Empty<DefaultingChange>())
        {
            log.Add(c.Rule, c.Field, c.Value);
        }

        return pod;
    }

    private static readonly PodStatus PendingBestEffort = new() { Phase = "Pending", QosClass = "BestEffort" };
    private static readonly PodStatus PendingBurstable = new() { Phase = "Pending", QosClass = "Burstable" };
    private static readonly PodStatus PendingGuaranteed = new() { Phase = "Pending", QosClass = "Guaranteed" };

    /// <summary>A new pod's status: phase Pending and its QoS class.</summary>
    private static PodStatus PendingStatus(string qos) => qos switch
    {
        "BestEffort" => PendingBestEffort,
        "Burstable" => PendingBurstable,
        "Guaranteed" => PendingGuaranteed,
        _ => new PodStatus { Phase = "Pending", QosClass = qos },
    };

    /// <summary>applySchedulingGatedCondition (ADM-072): a pod with scheduling gates starts with PodScheduled=False, SchedulingGated.</summary>
    private static Pod SchedulingGated(Pod pod, StepLog log)
    {
        if (pod.Spec.SchedulingGates.IsEmpty)
        {
            return pod;
        }

        var condition = new PodCondition
        {
            Type = "PodScheduled",
            Status = "False",
            Reason = "SchedulingGated",
            Message = "Scheduling is blocked due to non-empty scheduling gates",
        };
        log.Add(AdmissionRules.SchedulingGatedCondition, "status.conditions[0]", "{type: PodScheduled, status: False, reason: SchedulingGated}");
        return pod with { Status = pod.Status! with { Conditions = [condition] } };
    }

    private static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
}
