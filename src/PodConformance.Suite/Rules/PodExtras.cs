using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Optional fields added to valid pods so that admission properties reach the defaulting and QoS rules that
/// <see cref="PodGen.Valid"/> never exercises (hostNetwork ports, source-less volumes, fieldRef, resourceFieldRef and
/// configMapKeyRef env, probes with zero fields and httpGet, pod-level limits, requests or both, a legacy init-container
/// annotation that decoding removes, DEF-023). An extra may make a pod invalid; the comparison then covers the
/// rejection, which is just as much a check.
/// </summary>
public static class PodExtras
{
    public static Gen<Pod> Enrich(Pod pod) =>
        from bestEffort in Chance(10)
        from nodeSized in Chance(5)
        from hostNetwork in Chance(15)
        from volume in Chance(20)
        from fieldRef in Chance(20)
        from otherRef in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Elements(1, 2)))
        from probe in Chance(20)
        from podLevelRoll in Gen.Choose(1, 100)
        from podCpu in Gen.Elements("500m", "1", "2", "250m")
        from podMemory in Gen.Elements("1Gi", "512Mi", "2Gi")
        from form in Gen.Elements(PodLevelForm.LimitsOnly, PodLevelForm.Both, PodLevelForm.RequestsOnly, PodLevelForm.RequestsWithContainerLimits)
        from legacyInit in Chance(5)
        select WithLegacyInitAnnotation(
            Apply(nodeSized ? NodeSizedRequest(pod) : bestEffort ? BestEffort(pod) : pod, hostNetwork, volume, fieldRef, otherRef, probe, podLevelRoll <= PodLevelPercent(pod) ? (podCpu, podMemory, form) : null),
            legacyInit);

    /// <summary>The pre-1.8 way to declare init containers, still sent by old clients: the API server removes it on decode (DEF-023).</summary>
    private static Pod WithLegacyInitAnnotation(Pod pod, bool add) =>
        add ? pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.SetItem("pod.beta.kubernetes.io/init-containers", "[]") } } : pod;

    /// <summary>Which pod-level lists are set: limits (requests default from them, DEF-003), both, or requests (limits may default, DEF-004).</summary>
    private enum PodLevelForm
    {
        LimitsOnly,
        Both,
        RequestsOnly,

        /// <summary>Requests only, and every container limits cpu and memory, so the pod limits default from theirs (DEF-004).</summary>
        RequestsWithContainerLimits,
    }

    /// <summary>
    /// How often a pod gets pod-level resources: 30%, or 60% where a container limits hugepages, so that DEF-002 (a hugepage
    /// pod limit defaulted from the containers') is not left to a few lucky draws (it fell to 4 of 300 when the gated
    /// fields' draws shifted the default run). One roll either way, so pods without hugepages draw exactly as before.
    /// </summary>
    private static int PodLevelPercent(Pod pod)
    {
        foreach (var c in pod.Spec.Containers)
        {
            foreach (var (name, _) in c.Resources.Limits)
            {
                if (name.StartsWith("hugepages-", StringComparison.Ordinal))
                {
                    return 60;
                }
            }
        }

        return 30;
    }

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    /// <summary>The larger of <paramref name="chosen"/> and the containers' aggregate request and limit of <paramref name="resource"/>.</summary>
    private static Quantity Covering(PodSpec spec, string resource, Quantity chosen)
    {
        var result = chosen;
        foreach (var aggregate in new[] { Model.Resources.PodResources.AggregateContainerRequests(spec), Model.Resources.PodResources.AggregateContainerLimits(spec) })
        {
            if (aggregate.TryGetValue(resource, out var q) && q.CompareTo(result) > 0)
            {
                result = q;
            }
        }

        return result;
    }

    /// <summary>Every container without requests or limits: BestEffort pods thin out as pods grow, and QoS and OOM rules need them.</summary>
    private static Pod BestEffort(Pod pod) => pod with
    {
        Spec = pod.Spec with
        {
            InitContainers = pod.Spec.InitContainers.Select(c => c with { Resources = ResourceRequirements.Empty }).ToValueList(),
            Containers = pod.Spec.Containers.Select(c => c with { Resources = ResourceRequirements.Empty }).ToValueList(),
        },
    };

    /// <summary>
    /// The first container requests the default node's whole memory (8Gi) and sets no limit: a Burstable container whose
    /// OOM formula falls below 2 and is raised to it (OOM-007).
    /// </summary>
    private static Pod NodeSizedRequest(Pod pod)
    {
        var first = pod.Spec.Containers[0];
        var resources = new ResourceRequirements { Requests = ValueMap.Of(("memory", Quantity.Parse("8Gi"))) };
        return pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, first with { Resources = resources }) } };
    }

    /// <summary>The container with a cpu and memory limit: its request where it has one (so the limit is not below it), else 1 and 1Gi.</summary>
    private static Container WithLimits(Container c)
    {
        var limits = c.Resources.Limits;
        foreach (var (name, fallback) in new[] { ("cpu", "1"), ("memory", "1Gi") })
        {
            if (!limits.ContainsKey(name))
            {
                limits = limits.SetItem(name, c.Resources.Requests.TryGetValue(name, out var request) ? request : Quantity.Parse(fallback));
            }
        }

        return c with { Resources = c.Resources with { Limits = limits } };
    }

    private static Pod Apply(Pod pod, bool hostNetwork, bool volume, bool fieldRef, int otherRef, bool probe, (string Cpu, string Memory, PodLevelForm Form)? podLevel)
    {
        var spec = pod.Spec;
        if (hostNetwork)
        {
            spec = spec with { HostNetwork = true };
        }

        if (volume)
        {
            spec = spec with { Volumes = spec.Volumes.Add(new Volume { Name = "scratch" }) };
        }

        if (podLevel is { } pl)
        {
            // At least what the containers ask for and allow, so the pod passes VAL-037 and reaches the rules behind it
            // (QoS from pod-level resources, the OOM share); pod-level values below that are VAL-037's own cases.
            var values = ValueMap.Of(("cpu", Covering(spec, "cpu", Quantity.Parse(pl.Cpu))), ("memory", Covering(spec, "memory", Quantity.Parse(pl.Memory))));
            spec = spec with
            {
                Resources = pl.Form switch
                {
                    PodLevelForm.Both => new ResourceRequirements { Requests = values, Limits = values },
                    PodLevelForm.RequestsOnly or PodLevelForm.RequestsWithContainerLimits => new ResourceRequirements { Requests = values },
                    _ => new ResourceRequirements { Limits = values },
                },
            };
        }

        if (podLevel is { Form: PodLevelForm.RequestsWithContainerLimits })
        {
            spec = spec with { InitContainers = spec.InitContainers.Select(WithLimits).ToValueList(), Containers = spec.Containers.Select(WithLimits).ToValueList() };
        }

        if ((fieldRef || otherRef != 0 || probe) && !spec.Containers.IsEmpty)
        {
            var first = spec.Containers[0];
            if (fieldRef)
            {
                first = first with { Env = first.Env.Add(new EnvVar { Name = "POD_NAME", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } }) };
            }

            if (otherRef == 1)
            {
                first = first with { Env = first.Env.Add(new EnvVar { Name = "CPU_LIMIT", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } } }) };
            }
            else if (otherRef == 2)
            {
                first = first with
                {
                    Env = first.Env.Add(new EnvVar
                    {
                        Name = "APP_MODE",
                        ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = "app-config", Key = "mode", Optional = true } },
                    }),
                };
            }

            if (probe)
            {
                first = first with { LivenessProbe = new Probe { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(8080) } } } };
            }

            spec = spec with { Containers = spec.Containers.SetItem(0, first) };
        }

        return pod with { Spec = spec };
    }
}
