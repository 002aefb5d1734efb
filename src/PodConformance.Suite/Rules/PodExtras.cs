using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Optional fields added to valid pods so that admission properties reach the defaulting and QoS rules that
/// <see cref="PodGen.Valid"/> never exercises (hostNetwork ports, source-less volumes, fieldRef, resourceFieldRef and
/// configMapKeyRef env, probes with zero fields and httpGet, pod-level limits, requests or both, a legacy init-container
/// annotation that decoding removes, DEF-023). The extras keep the pod valid under the run's profile: hostNetwork
/// only beside nothing it forbids (and without ports that it would turn into clashing host ports), pod-level values that
/// cover the containers' defaulted requests, and only where the release accepts them (<c>ValidCasesAdmittedTests</c>). Until
/// session 13 they did not, and about one P-ADM-DEFAULTS pod in seven of the default run was refused, its defaults unchecked.
/// </summary>
public static class PodExtras
{
    /// <summary>
    /// Extras for <paramref name="pod"/>, kept valid under <paramref name="profile"/> (<c>ValidCasesAdmittedTests</c>). The draws do
    /// not depend on the profile; only whether pod-level resources fit does (<see cref="PodLevelFits"/>).
    /// </summary>
    public static Gen<Pod> Enrich(Pod pod, Profile profile) =>
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
            Apply(nodeSized ? NodeSizedRequest(pod) : bestEffort ? BestEffort(pod) : pod, profile, hostNetwork, volume, fieldRef, otherRef, probe, podLevelRoll <= PodLevelPercent(pod) ? (podCpu, podMemory, form) : null),
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

    /// <summary>The first release whose validatePodResourceConsistency skips a resource without a pod-level request (VAL-037; the model's <c>PodLevelConsistencySkipsUnsetSince</c>).</summary>
    private static readonly KubernetesVersion PodLevelConsistencySkipsUnsetSince = new(1, 34);

    /// <summary>
    /// Whether the pod may have pod-level resources (cpu and memory) under <paramref name="profile"/>: not on a windows pod
    /// (validatePodResources forbids them there from 1.34, VAL-036), and, where PodLevelResources is on before 1.34 (alpha in
    /// 1.32 and 1.33), not beside a container that requests, or limits (defaulting requests it), anything but cpu and memory:
    /// those releases hold every resource the containers request against a pod-level request (VAL-037), and one the pod does
    /// not set counts as 0. Where the gate is off the field is dropped, so such pods keep it (the drop is a check too).
    /// </summary>
    private static bool PodLevelFits(PodSpec spec, Profile profile)
    {
        if (spec.OS?.Name == "windows")
        {
            return false;
        }

        if (profile.Version >= PodLevelConsistencySkipsUnsetSince || !profile.IsEnabled(FeatureGateNames.PodLevelResources))
        {
            return true;
        }

        foreach (var list in new[] { spec.InitContainers, spec.Containers })
        {
            foreach (var c in list)
            {
                foreach (var map in new[] { c.Resources.Requests, c.Resources.Limits })
                {
                    foreach (var (name, _) in map)
                    {
                        if (name is not ("cpu" or "memory"))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The spec with each container's requests as defaulting leaves them: a resource limited and not requested is requested at its limit.</summary>
    private static PodSpec WithRequestsFromLimits(PodSpec spec) =>
        spec with { InitContainers = spec.InitContainers.Select(RequestsFromLimits).ToValueList(), Containers = spec.Containers.Select(RequestsFromLimits).ToValueList() };

    private static Container RequestsFromLimits(Container c)
    {
        var requests = c.Resources.Requests;
        bool added = false;
        foreach (var (name, limit) in c.Resources.Limits)
        {
            if (!requests.ContainsKey(name))
            {
                requests = requests.SetItem(name, limit);
                added = true;
            }
        }

        return added ? c with { Resources = c.Resources with { Requests = requests } } : c;
    }

    /// <summary>
    /// Whether the pod has nothing that hostNetwork forbids, as earlier generators may have set it: a sysctl of the net
    /// namespace (VAL-204), a hostnameOverride (VAL-076), or hostUsers false (VAL-215; allowed only where
    /// UserNamespacesHostNetworkSupport is on, which an enrichment drawn without the profile cannot know). Such a pod keeps its
    /// fields and stays off the host network: turning it on after them made "valid" pods that the API server refuses.
    /// </summary>
    private static bool HostNetworkFits(PodSpec spec)
    {
        if (spec.HostnameOverride is not null || spec.HostUsers == false)
        {
            return false;
        }

        if (spec.SecurityContext is { } sc)
        {
            foreach (var sysctl in sc.Sysctls)
            {
                if (SysctlNames.NamespaceOf(sysctl.Name) == SysctlNamespace.Net)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// With hostNetwork, defaulting copies every containerPort into its hostPort (DEF-006), and two ports with the same
    /// protocol (TCP when unset) and number then claim the same host port (VAL-022). The later of such ports is removed, over
    /// all of the pod's containers (<paramref name="seen"/> carries the ports kept so far), so the pod keeps hostNetwork and
    /// the ports DEF-006 defaults. Containers without a clash are returned as they were.
    /// </summary>
    private static ValueList<Container> WithoutClashingHostPorts(ValueList<Container> containers, HashSet<(string Protocol, int Port)> seen)
    {
        var result = containers;
        for (int i = 0; i < containers.Count; i++)
        {
            var kept = ValueList<ContainerPort>.Empty;
            bool clash = false;
            foreach (var port in containers[i].Ports)
            {
                if (seen.Add((port.Protocol.Length == 0 ? "TCP" : port.Protocol, port.Port)))
                {
                    kept = kept.Add(port);
                }
                else
                {
                    clash = true;
                }
            }

            if (clash)
            {
                result = result.SetItem(i, containers[i] with { Ports = kept });
            }
        }

        return result;
    }

    private static Pod Apply(Pod pod, Profile profile, bool hostNetwork, bool volume, bool fieldRef, int otherRef, bool probe, (string Cpu, string Memory, PodLevelForm Form)? podLevel)
    {
        var spec = pod.Spec;
        if (hostNetwork && HostNetworkFits(spec))
        {
            var hostPorts = new HashSet<(string Protocol, int Port)>();
            spec = spec with
            {
                HostNetwork = true,
                InitContainers = WithoutClashingHostPorts(spec.InitContainers, hostPorts),
                Containers = WithoutClashingHostPorts(spec.Containers, hostPorts),
            };
        }

        if (volume)
        {
            spec = spec with { Volumes = spec.Volumes.Add(new Volume { Name = "scratch" }) };
        }

        if (podLevel is { } pl && PodLevelFits(spec, profile))
        {
            if (pl.Form == PodLevelForm.RequestsWithContainerLimits)
            {
                // Before the values are worked out: the limits added here default the containers' requests too.
                spec = spec with { InitContainers = spec.InitContainers.Select(WithLimits).ToValueList(), Containers = spec.Containers.Select(WithLimits).ToValueList() };
            }

            // At least what the containers ask for and allow, so the pod passes VAL-037 and reaches the rules behind it
            // (QoS from pod-level resources, the OOM share); pod-level values below that are VAL-037's own cases. What they ask
            // for is counted after defaulting, which requests a resource a container limits but does not request at its limit:
            // counted before, a limit-only container beside a requesting one left the pod below the sum (VAL-037, or VAL-032
            // where pod requests defaulted above the pod limit).
            var defaulted = WithRequestsFromLimits(spec);
            var values = ValueMap.Of(("cpu", Covering(defaulted, "cpu", Quantity.Parse(pl.Cpu))), ("memory", Covering(defaulted, "memory", Quantity.Parse(pl.Memory))));
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
