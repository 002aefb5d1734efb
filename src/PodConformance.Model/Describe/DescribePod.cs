using PodConformance.Model.Api;
using PodConformance.Model.Events;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Model.Describe;

/// <summary>
/// The whole of <c>kubectl describe pod</c> (spec/describe.md, DESC-001…): kubectl
/// <c>pkg/describe/describe.go</c> <c>describePod</c> at the release of the profile, its sections in its order, aligned by
/// the same tabwriter. Pure: the pod, its events and the time "now" (for ages) are the inputs.
/// </summary>
public static class DescribePod
{
    /// <summary>
    /// The output of <paramref name="kubectl"/>'s release for <paramref name="pod"/>. <paramref name="events"/> null is
    /// <c>--show-events=false</c> (no Events section); an empty list prints <c>Events: &lt;none&gt;</c>.
    /// </summary>
    public static DescribeOutput Render(Pod pod, IReadOnlyList<PodEvent>? events, DateTimeOffset now, Profile kubectl)
    {
        var w = Write(pod, events, now, kubectl);
        return new DescribeOutput(w.Format(), [.. w.NotRendered]);
    }

    /// <summary>The prefix writer's stream before alignment (describe_test.go reads some sections that way).</summary>
    internal static DescribeWriter Write(Pod pod, IReadOnlyList<PodEvent>? events, DateTimeOffset now, Profile kubectl)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(kubectl);
        var w = new DescribeWriter();
        var status = pod.Status ?? new PodStatus();
        DescribeHeader.Write(w, pod, status, now, kubectl);
        var env = new DescribeContainerEnv(pod);
        if (!pod.Spec.InitContainers.IsEmpty)
        {
            DescribeContainers.Write(w, "Init Containers", pod.Spec.InitContainers, status.InitContainerStatuses, env, kubectl);
        }

        DescribeContainers.Write(w, "Containers", pod.Spec.Containers, status.ContainerStatuses, env, kubectl);
        if (!pod.Spec.EphemeralContainers.IsEmpty)
        {
            DescribeContainers.Write(w, "Ephemeral Containers", pod.Spec.EphemeralContainers, status.EphemeralContainerStatuses, env, kubectl);
        }

        WriteConditions(w, pod.Spec, status);
        DescribeVolumes.Write(w, pod.Spec.Volumes, kubectl);
        w.Write(DescribeWriter.Level0, "QoS Class:\t" + Qos(pod, status, kubectl) + "\n");
        DescribeMultiline.Labels(w, "Node-Selectors", pod.Spec.NodeSelector);
        DescribeMultiline.Tolerations(w, "Tolerations", pod.Spec.Tolerations);
        DescribeMultiline.TopologySpreadConstraints(w, pod.Spec.TopologySpreadConstraints);
        WriteWorkload(w, pod.Spec, kubectl);
        if (events is not null)
        {
            WriteEvents(w, events, now, kubectl);
        }

        return w;
    }

    /// <summary>
    /// DESC-040: <c>status.qosClass</c> when set (every release: 1.28 in describePod itself, 1.29+ in kubectl's
    /// <c>qos.GetPodQOS</c>), else computed from the spec. The computation is the model's QOS rules, not kubectl's own
    /// <c>pkg/util/qos</c> copy (see spec/describe.md for where the two were not compared).
    /// </summary>
    private static string Qos(Pod pod, PodStatus status, Profile kubectl) =>
        status.QosClass.Length > 0 ? status.QosClass : QosCalculator.ComputePodQos(pod.Spec, kubectl).ToApiString();

    /// <summary>DESC-030: readiness gates (with the condition's status or &lt;none&gt;), then every condition in stored order.</summary>
    private static void WriteConditions(DescribeWriter w, PodSpec spec, PodStatus status)
    {
        if (!spec.ReadinessGates.IsEmpty)
        {
            w.Write(DescribeWriter.Level0, "Readiness Gates:\n  Type\tStatus\n");
            foreach (var g in spec.ReadinessGates)
            {
                string value = "<none>";
                foreach (var c in status.Conditions)
                {
                    if (c.Type == g.ConditionType)
                    {
                        value = c.Status;
                        break;
                    }
                }

                w.Write(DescribeWriter.Level1, g.ConditionType + " \t" + value + " \n");
            }
        }

        if (!status.Conditions.IsEmpty)
        {
            w.Write(DescribeWriter.Level0, "Conditions:\n  Type\tStatus\n");
            foreach (var c in status.Conditions)
            {
                w.Write(DescribeWriter.Level1, c.Type + " \t" + c.Status + " \n");
            }
        }
    }

    /// <summary>DESC-042: 1.35 prints <c>WorkloadRef</c>, 1.36+ <c>SchedulingGroup</c>; earlier releases neither.</summary>
    private static void WriteWorkload(DescribeWriter w, PodSpec spec, Profile kubectl)
    {
        var v = kubectl.Version;
        if (v == new KubernetesVersion(1, 35) && spec.WorkloadRef is { } workload)
        {
            w.Write(DescribeWriter.Level0, "WorkloadRef:\n");
            w.Write(DescribeWriter.Level1, "Name:\t" + workload.Name + "\n");
            w.Write(DescribeWriter.Level1, "PodGroup:\t" + workload.PodGroup + "\n");
            if (workload.PodGroupReplicaKey.Length > 0)
            {
                w.Write(DescribeWriter.Level1, "PodGroupReplicaKey:\t" + workload.PodGroupReplicaKey + "\n");
            }
        }
        else if (v >= new KubernetesVersion(1, 36) && spec.SchedulingGroup is { } group)
        {
            w.Write(DescribeWriter.Level0, "SchedulingGroup:\n");
            if (group.PodGroupName is { } name)
            {
                w.Write(DescribeWriter.Level1, "PodGroupName:\t" + name + "\n");
            }
            else
            {
                // describeSchedulingGroup dereferences PodGroupName without a nil check: kubectl panics here.
                w.NotRendered.Add("SchedulingGroup.PodGroupName: unset, where kubectl dereferences a nil pointer");
            }
        }
    }

    /// <summary>DESC-050: <c>DescribeEvents</c> (EVENT-021…024); a non-empty block is flushed first, so it aligns alone.</summary>
    private static void WriteEvents(DescribeWriter w, IReadOnlyList<PodEvent> events, DateTimeOffset now, Profile kubectl)
    {
        if (events.Count == 0)
        {
            w.Write(DescribeWriter.Level0, "Events:\t<none>\n");
            return;
        }

        // The rows go through the same escaping writer in kubectl; DescribeEvents.Render escapes each cell (EVENT-025).
        w.FlushThen(DescribeEvents.Render(events, now, kubectl));
    }
}
