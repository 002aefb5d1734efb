using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Qos;

/// <summary>QoS invariants (spec/qos.md), over generated pods with fixed, replayable seeds.</summary>
public class QosProperties
{
    private static readonly Profile P = Profile.Default;

    [Property(Replay = "(20261124,1)", MaxTest = 300)]
    public Property A_BestEffort_container_added_to_a_Guaranteed_pod_makes_it_Burstable() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var guaranteed = QosCalculator.ComputePodQos(pod.Spec, P) == QosClass.Guaranteed;
            var withBestEffort = pod.Spec with { Containers = pod.Spec.Containers.Add(new Container { Name = "be" }) };
            return (!guaranteed || QosCalculator.ComputePodQos(withBestEffort, P) == QosClass.Burstable).Label("QOS-004");
        });

    [Property(Replay = "(20261124,3)", MaxTest = 300)]
    public Property Only_cpu_and_memory_count() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var before = QosCalculator.ComputePodQos(pod.Spec, P);
            var extra = Quantity.Parse("1Gi");
            var spec = pod.Spec with
            {
                Containers = pod.Spec.Containers.SetItem(0, pod.Spec.Containers[0] with
                {
                    Resources = pod.Spec.Containers[0].Resources with
                    {
                        Requests = pod.Spec.Containers[0].Resources.Requests.SetItem("ephemeral-storage", extra).SetItem("example.com/gpu", Quantity.Parse("1")),
                        Limits = pod.Spec.Containers[0].Resources.Limits.SetItem("hugepages-2Mi", extra).SetItem("example.com/gpu", Quantity.Parse("1")),
                    },
                }),
            };
            var after = QosCalculator.ComputePodQos(spec, P);
            // A container with no requests or limits at all gains some here, which can only matter if it
            // was BestEffort through emptiness; resourceQOS still sees zero cpu and memory.
            return (before == after).Label($"QOS-003: {before} became {after}");
        });

    [Property(Replay = "(20261124,5)", MaxTest = 300)]
    public Property Container_order_does_not_matter() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var reversed = pod.Spec with { Containers = pod.Spec.Containers.Reverse().ToArray(), InitContainers = pod.Spec.InitContainers.Reverse().ToArray() };
            return QosCalculator.ComputePodQos(pod.Spec, P) == QosCalculator.ComputePodQos(reversed, P);
        });

    [Property(Replay = "(20261124,7)", MaxTest = 300)]
    public Property Explain_always_agrees_with_the_class() =>
        Prop.ForAll(PodGen.PodArb, pod => QosCalculator.Explain(pod, P).Class == QosCalculator.GetPodQos(pod, P));

    [Property(Replay = "(20261124,9)", MaxTest = 300)]
    public Property Guaranteed_means_every_container_has_equal_nonzero_cpu_and_memory() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            if (QosCalculator.ComputePodQos(pod.Spec, P) != QosClass.Guaranteed)
            {
                return true;
            }

            foreach (var c in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
            {
                foreach (var res in new[] { "cpu", "memory" })
                {
                    if (!c.Resources.Requests.TryGetValue(res, out var req) || !c.Resources.Limits.TryGetValue(res, out var lim) || req.IsZero || !req.Equals(lim))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property(Replay = "(20261124,11)", MaxTest = 300)]
    public Property Limits_only_cpu_and_memory_is_Guaranteed_after_defaulting() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            // Give every container equal non-zero cpu and memory limits and no requests.
            var limitsOnly = new ResourceRequirements { Limits = Support.TestPods.CpuMem("500m", "128Mi") };
            var spec = pod.Spec with
            {
                Containers = pod.Spec.Containers.Select(c => c with { Resources = limitsOnly }).ToArray(),
                InitContainers = pod.Spec.InitContainers.Select(c => c with { Resources = limitsOnly }).ToArray(),
            };
            var undefaulted = QosCalculator.ComputePodQos(spec, P);
            var defaulted = QosCalculator.ComputePodQos(PodDefaulter.Apply(pod with { Spec = spec }, P).Spec, P);
            return (undefaulted == QosClass.Burstable && defaulted == QosClass.Guaranteed).Label("DEF-001 then QOS-003");
        });
}
