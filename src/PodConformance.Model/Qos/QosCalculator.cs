using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Qos;

/// <summary>
/// QoS class exactly as kubernetes pkg/apis/core/v1/helper/qos (ComputePodQOS / GetPodQOS). Only cpu and
/// memory count; init containers (sidecars included) count like regular ones; ephemeral containers do not.
/// </summary>
public static class QosCalculator
{
    /// <summary>GetPodQOS: a class already recorded in status wins over the spec (QOS-001).</summary>
    public static QosClass GetPodQos(Pod pod, Profile profile)
    {
        if (pod.Status is { QosClass.Length: > 0 } status && QosClassNames.TryParse(status.QosClass, out var stored))
        {
            RuleCoverage.Hit(QosRules.StatusWins);
            return stored;
        }

        return ComputePodQos(pod.Spec, profile);
    }

    /// <summary>ComputePodQOS: the class from the spec alone, ignoring status.</summary>
    public static QosClass ComputePodQos(PodSpec spec, Profile profile)
    {
        if (UsesPodLevelResources(spec, profile))
        {
            RuleCoverage.Hit(QosRules.PodLevel);
            return ResourceQos(spec.Resources!, out _);
        }

        QosClass? podQos = null;
        foreach (var c in spec.InitContainers)
        {
            if (Fold(ref podQos, ResourceQos(c.Resources, out _)))
            {
                RuleCoverage.Hit(QosRules.Containers, c.IsSidecarPolicy ? "decided by a sidecar" : "decided by an init container");
                return QosClass.Burstable;
            }
        }

        foreach (var c in spec.Containers)
        {
            if (Fold(ref podQos, ResourceQos(c.Resources, out _)))
            {
                RuleCoverage.Hit(QosRules.Containers, spec.InitContainers.IsEmpty ? "decided by a regular container" : "decided by a regular container after init containers");
                return QosClass.Burstable;
            }
        }

        RuleCoverage.Hit(QosRules.Containers, spec.InitContainers.IsEmpty ? "every regular container agrees" : "init and regular containers agree");
        RuleCoverage.Hit(QosRules.Combine, "one common class");
        return podQos ?? QosClass.BestEffort;
    }

    /// <summary>The same answer as <see cref="GetPodQos"/>, with the rules and the deciding container and resource.</summary>
    public static QosDecision Explain(Pod pod, Profile profile)
    {
        if (pod.Status is { QosClass.Length: > 0 } status && QosClassNames.TryParse(status.QosClass, out var stored))
        {
            return new QosDecision(stored, ValueList.Of(QosRules.StatusWins),
                $"status.qosClass is already {stored.ToApiString()}; the kubelet and eviction use the recorded class, not the spec");
        }

        var spec = pod.Spec;
        if (UsesPodLevelResources(spec, profile))
        {
            var cls = ResourceQos(spec.Resources!, out string? res);
            return new QosDecision(cls, ValueList.Of(QosRules.PodLevel, QosRules.PerResource),
                "pod-level spec.resources is set (PodLevelResources), so container resources are ignored: "
                + DescribeSet("spec.resources", spec.Resources!, cls, res), "(pod)", res);
        }

        QosClass? podQos = null;
        string? firstName = null;
        string? firstReason = null;
        int count = 0;
        foreach (var (c, path) in Enumerate(spec))
        {
            count++;
            var cls = ResourceQos(c.Resources, out string? res);
            string label = $"container \"{c.Name}\" ({path})";
            if (cls == QosClass.Burstable)
            {
                return new QosDecision(QosClass.Burstable, ValueList.Of(QosRules.PerResource, QosRules.Combine, QosRules.Containers),
                    DescribeSet(label, c.Resources, cls, res) + ", and one Burstable container makes the pod Burstable", c.Name, res);
            }

            if (podQos is null)
            {
                podQos = cls;
                firstName = c.Name;
                firstReason = DescribeSet(label, c.Resources, cls, res);
            }
            else if (podQos != cls)
            {
                string reason = $"{firstReason}, but {DescribeSet(label, c.Resources, cls, res)}: mixing Guaranteed and BestEffort containers makes the pod Burstable";
                return new QosDecision(QosClass.Burstable, ValueList.Of(QosRules.PerResource, QosRules.Combine, QosRules.Containers), reason, c.Name, res);
            }
        }

        if (podQos is null)
        {
            return new QosDecision(QosClass.BestEffort, ValueList.Of(QosRules.Combine), "the pod has no containers");
        }

        string all = count == 1
            ? firstReason!
            : $"all {count} containers (init containers included) are {podQos.Value.ToApiString()}";
        return new QosDecision(podQos.Value, ValueList.Of(QosRules.PerResource, QosRules.Combine, QosRules.Containers), all, count == 1 ? firstName : null);
    }

    /// <summary>resourceQOS: the class of one set of requirements; <paramref name="deciding"/> names the resource that decided.</summary>
    /// <remarks>
    /// cpu, then memory (the model's fixed order; only the deciding resource that explain names depends on it): a request
    /// that differs from its limit decides Burstable; so does one of the two set (request = limit, non-zero) and the other
    /// not. Hot (every container of every admitted pod): each map is searched once per resource and the values compared
    /// by reference, with no copy of a value for a missing key.
    /// </remarks>
    public static QosClass ResourceQos(ResourceRequirements resources, out string? deciding)
    {
        deciding = null;
        var requests = resources.Requests;
        var limits = resources.Limits;
        if (requests.IsEmpty && limits.IsEmpty)
        {
            RuleCoverage.Hit(QosRules.PerResource, "no requests or limits");
            return QosClass.BestEffort;
        }

        var cpu = Class(requests, limits, Api.ResourceNames.Cpu);
        if (cpu == QosClass.Burstable)
        {
            RuleCoverage.Hit(QosRules.PerResource, "request differs from limit");
            deciding = Api.ResourceNames.Cpu;
            return QosClass.Burstable;
        }

        var memory = Class(requests, limits, Api.ResourceNames.Memory);
        if (memory == QosClass.Burstable)
        {
            RuleCoverage.Hit(QosRules.PerResource, "request differs from limit");
            deciding = Api.ResourceNames.Memory;
            return QosClass.Burstable;
        }

        if (cpu != memory)
        {
            RuleCoverage.Hit(QosRules.PerResource, "one of cpu and memory set, the other not");
            deciding = Api.ResourceNames.Memory;
            return QosClass.Burstable;
        }

        RuleCoverage.Hit(QosRules.PerResource, cpu == QosClass.Guaranteed ? "cpu and memory requests equal limits" : "only other resources set");
        return cpu;
    }

    /// <summary>
    /// One resource's part of resourceQOS: Burstable when its request (zero if unset) differs from its limit (zero if
    /// unset), else Guaranteed when they are non-zero, BestEffort when zero.
    /// </summary>
    private static QosClass Class(ValueMap<Quantity> requests, ValueMap<Quantity> limits, string name)
    {
        int r = requests.IndexOfKey(name);
        int l = limits.IndexOfKey(name);
        if (r < 0)
        {
            return l < 0 || limits.Entries[l].Value.IsZero ? QosClass.BestEffort : QosClass.Burstable;
        }

        var request = requests.Entries[r].Value;
        if (l < 0)
        {
            return request.IsZero ? QosClass.BestEffort : QosClass.Burstable;
        }

        var limit = limits.Entries[l].Value;
        return !Quantity.EqualInPlace(in request, in limit) ? QosClass.Burstable
            : request.IsZero ? QosClass.BestEffort : QosClass.Guaranteed;
    }

    private static bool UsesPodLevelResources(PodSpec spec, Profile profile) =>
        spec.Resources is not null && profile.IsEnabled(FeatureGateNames.PodLevelResources);

    /// <summary>Folds one container's class into the pod's; true when the pod is thereby Burstable.</summary>
    private static bool Fold(ref QosClass? podQos, QosClass cls)
    {
        if (cls == QosClass.Burstable)
        {
            RuleCoverage.Hit(QosRules.Combine, "a Burstable container");
            return true;
        }

        if (podQos is null)
        {
            podQos = cls;
            return false;
        }

        if (podQos != cls)
        {
            RuleCoverage.Hit(QosRules.Combine, "Guaranteed and BestEffort mixed");
            return true;
        }

        return false;
    }

    private static Quantity Get(ValueMap<Quantity> list, string name) => list.TryGetValue(name, out var q) ? q : Quantity.Zero;

    private static IEnumerable<(Container, string)> Enumerate(PodSpec spec)
    {
        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            yield return (spec.InitContainers[i], $"spec.initContainers[{i}]");
        }

        for (int i = 0; i < spec.Containers.Count; i++)
        {
            yield return (spec.Containers[i], $"spec.containers[{i}]");
        }
    }

    private static string DescribeSet(string label, ResourceRequirements r, QosClass cls, string? deciding)
    {
        if (r.Requests.IsEmpty && r.Limits.IsEmpty)
        {
            return $"{label} is BestEffort: no requests or limits";
        }

        var sb = new StringBuilder();
        sb.Append(label).Append(" is ").Append(cls.ToApiString()).Append(": ");
        if (cls == QosClass.Burstable && deciding is not null)
        {
            var req = Get(r.Requests, deciding);
            var lim = Get(r.Limits, deciding);
            if (!req.Equals(lim))
            {
                sb.Append(deciding).Append(" request ").Append(Show(r.Requests, deciding))
                  .Append(" differs from its limit ").Append(Show(r.Limits, deciding));
            }
            else
            {
                string other = deciding == Api.ResourceNames.Cpu ? Api.ResourceNames.Memory : Api.ResourceNames.Cpu;
                string set = req.IsZero ? other : deciding;
                string unset = req.IsZero ? deciding : other;
                sb.Append(set).Append(" has request = limit but ").Append(unset).Append(" has neither");
            }
        }
        else if (cls == QosClass.Guaranteed)
        {
            sb.Append("cpu and memory requests equal their limits (cpu ").Append(Show(r.Limits, Api.ResourceNames.Cpu))
              .Append(", memory ").Append(Show(r.Limits, Api.ResourceNames.Memory)).Append(')');
        }
        else
        {
            sb.Append("neither cpu nor memory has a non-zero request or limit (other resources do not count)");
        }

        return sb.ToString();
    }

    private static string Show(ValueMap<Quantity> list, string name) => list.TryGetValue(name, out var q) ? q.ToString() : "unset";
}
