using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Every single thing a reader could strike out of a counterexample, each with the case without it: a container (with
/// its script), an env entry, an envFrom source, a port, a mount, a resource, a volume (with its mounts), a label, an
/// annotation, a gate, a toleration, a selector entry, the affinity, a spread constraint, the hostname fields, a probe, the
/// service account's name or alias, the grace period; a RuntimeClass, PriorityClass or ServiceAccount of the case and each of their settings; a scenario
/// step, script, node, taint, node label, object, missing image, deletion; an env object; a pod of an episode. Written
/// apart from the shrinkers, so <see cref="ReadableCounterexampleTests"/> checks their result instead of repeating them:
/// a shrunk counterexample is minimal when none of these still fails the same way.
/// </summary>
internal static class Removals
{
    public static IEnumerable<(string What, ConformanceCase Case)> Of(ConformanceCase c) => c switch
    {
        PodCase p => OfPodCase(p),
        NodePressureCase n => OfEpisode(n),
        _ => [],
    };

    private static IEnumerable<(string, ConformanceCase)> OfPodCase(PodCase p)
    {
        foreach (var (what, pod, dropped) in OfPod(p.Pod))
        {
            var scenario = p.Scenario;
            if (dropped is { } name)
            {
                scenario = scenario with { Pods = ValueMap.Create(scenario.Pods.Select(kv => KeyValuePair.Create(kv.Key, kv.Value with { Containers = kv.Value.Containers.Remove(name) }))) };
            }

            yield return (what, p with { Pod = pod, Scenario = scenario });
        }

        for (int i = 0; i < p.RuntimeClasses.Count; i++)
        {
            yield return ("RuntimeClass " + p.RuntimeClasses[i].Name, p with { RuntimeClasses = p.RuntimeClasses.RemoveAt(i) });
            var rc = p.RuntimeClasses[i];
            for (int t = 0; t < rc.Tolerations.Count; t++)
            {
                yield return ("toleration " + N(t) + " of RuntimeClass " + rc.Name, p with { RuntimeClasses = p.RuntimeClasses.SetItem(i, rc with { Tolerations = rc.Tolerations.RemoveAt(t) }) });
            }

            if (rc.HasScheduling)
            {
                yield return ("the scheduling of RuntimeClass " + rc.Name, p with { RuntimeClasses = p.RuntimeClasses.SetItem(i, rc with { HasScheduling = false, NodeSelector = default, Tolerations = default }) });
            }

            if (rc.HasOverhead)
            {
                yield return ("the overhead of RuntimeClass " + rc.Name, p with { RuntimeClasses = p.RuntimeClasses.SetItem(i, rc with { HasOverhead = false, PodFixed = default }) });
            }
        }

        for (int i = 0; i < p.PriorityClasses.Count; i++)
        {
            var pc = p.PriorityClasses[i];
            yield return ("PriorityClass " + pc.Name, p with { PriorityClasses = p.PriorityClasses.RemoveAt(i) });
            if (pc.GlobalDefault)
            {
                yield return ("globalDefault of PriorityClass " + pc.Name, p with { PriorityClasses = p.PriorityClasses.SetItem(i, pc with { GlobalDefault = false }) });
            }

            if (pc.PreemptionPolicy != "PreemptLowerPriority")
            {
                yield return ("preemptionPolicy of PriorityClass " + pc.Name, p with { PriorityClasses = p.PriorityClasses.SetItem(i, pc with { PreemptionPolicy = "PreemptLowerPriority" }) });
            }
        }

        for (int i = 0; i < p.ServiceAccounts.Count; i++)
        {
            var sa = p.ServiceAccounts[i];
            yield return ("ServiceAccount " + sa.Name, p with { ServiceAccounts = p.ServiceAccounts.RemoveAt(i) });
            if (!sa.Annotations.IsEmpty)
            {
                yield return ("annotations of ServiceAccount " + sa.Name, p with { ServiceAccounts = p.ServiceAccounts.SetItem(i, sa with { Annotations = default }) });
            }

            if (sa.AutomountServiceAccountToken is not null)
            {
                yield return ("automountServiceAccountToken of ServiceAccount " + sa.Name, p with { ServiceAccounts = p.ServiceAccounts.SetItem(i, sa with { AutomountServiceAccountToken = null }) });
            }

            for (int j = 0; j < sa.ImagePullSecrets.Count; j++)
            {
                yield return ("imagePullSecret " + sa.ImagePullSecrets[j] + " of ServiceAccount " + sa.Name, p with { ServiceAccounts = p.ServiceAccounts.SetItem(i, sa with { ImagePullSecrets = sa.ImagePullSecrets.RemoveAt(j) }) });
            }

            for (int j = 0; j < sa.Secrets.Count; j++)
            {
                yield return ("secret " + sa.Secrets[j] + " of ServiceAccount " + sa.Name, p with { ServiceAccounts = p.ServiceAccounts.SetItem(i, sa with { Secrets = sa.Secrets.RemoveAt(j) }) });
            }
        }

        var s = p.Scenario;
        for (int i = 0; i < s.Steps.Count; i++)
        {
            yield return ("step " + N(i), p with { Scenario = s with { Steps = s.Steps.RemoveAt(i) } });
        }

        foreach (var (podName, script) in s.Pods)
        {
            foreach (string container in script.Containers.Keys)
            {
                yield return ("the script of " + container, p with { Scenario = s with { Pods = s.Pods.SetItem(podName, script with { Containers = script.Containers.Remove(container) }) } });
            }

            if (script.DeleteAfter is not null)
            {
                yield return ("the deletion", p with { Scenario = s with { Pods = s.Pods.SetItem(podName, script with { DeleteAfter = null }) } });
            }

            if (!script.PodIPs.IsEmpty)
            {
                yield return ("the pod IPs", p with { Scenario = s with { Pods = s.Pods.SetItem(podName, script with { PodIPs = default }) } });
            }
        }

        for (int i = 0; i < s.Images.Missing.Count; i++)
        {
            yield return ("missing image " + s.Images.Missing[i], p with { Scenario = s with { Images = s.Images with { Missing = s.Images.Missing.RemoveAt(i) } } });
        }

        for (int i = 0; i < s.Objects.Count; i++)
        {
            yield return ("object " + N(i), p with { Scenario = s with { Objects = s.Objects.RemoveAt(i) } });
        }

        for (int i = 0; i < s.Nodes.Count; i++)
        {
            var node = s.Nodes[i];
            if (s.Nodes.Count > 1)
            {
                yield return ("node " + node.Name, p with { Scenario = s with { Nodes = s.Nodes.RemoveAt(i) } });
            }

            for (int t = 0; t < node.Taints.Count; t++)
            {
                yield return ("taint " + node.Taints[t].Key + " of " + node.Name, p with { Scenario = s with { Nodes = s.Nodes.SetItem(i, node with { Taints = node.Taints.RemoveAt(t) }) } });
            }

            foreach (string key in node.Labels.Keys)
            {
                yield return ("label " + key + " of " + node.Name, p with { Scenario = s with { Nodes = s.Nodes.SetItem(i, node with { Labels = node.Labels.Remove(key) }) } });
            }
        }

        if (p.Objects is { } o)
        {
            foreach (string name in o.ConfigMaps.Keys)
            {
                yield return ("ConfigMap " + name, p with { Objects = o with { ConfigMaps = o.ConfigMaps.Remove(name) } });
            }

            foreach (string name in o.Secrets.Keys)
            {
                yield return ("Secret " + name, p with { Objects = o with { Secrets = o.Secrets.Remove(name) } });
            }

            for (int i = 0; o.Services is { } services && i < services.Count; i++)
            {
                yield return ("Service " + N(i), p with { Objects = o with { Services = services.RemoveAt(i) } });
            }
        }
    }

    private static IEnumerable<(string, ConformanceCase)> OfEpisode(NodePressureCase n)
    {
        for (int i = 0; n.Pods.Count > 1 && i < n.Pods.Count; i++)
        {
            yield return ("pod " + n.Pods[i].Metadata.Name, n with { Pods = n.Pods.RemoveAt(i) });
        }

        for (int i = 0; i < n.Pods.Count; i++)
        {
            int index = i;
            foreach (var (what, pod, _) in OfPod(n.Pods[i]))
            {
                yield return (what + " of pod " + n.Pods[index].Metadata.Name, n with { Pods = n.Pods.SetItem(index, pod) });
            }
        }
    }

    /// <summary>The pod without one thing; <c>Dropped</c> names a container that went (its script goes too).</summary>
    private static IEnumerable<(string What, Pod Pod, string? Dropped)> OfPod(Pod pod)
    {
        var spec = pod.Spec;
        for (int i = 0; spec.Containers.Count > 1 && i < spec.Containers.Count; i++)
        {
            yield return ("container " + spec.Containers[i].Name, pod with { Spec = spec with { Containers = spec.Containers.RemoveAt(i) } }, spec.Containers[i].Name);
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            yield return ("init container " + spec.InitContainers[i].Name, pod with { Spec = spec with { InitContainers = spec.InitContainers.RemoveAt(i) } }, spec.InitContainers[i].Name);
        }

        for (int i = 0; i < spec.Containers.Count; i++)
        {
            int index = i;
            foreach (var (what, c) in OfContainer(spec.Containers[i]))
            {
                yield return (what, pod with { Spec = spec with { Containers = spec.Containers.SetItem(index, c) } }, null);
            }
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            int index = i;
            foreach (var (what, c) in OfContainer(spec.InitContainers[i]))
            {
                yield return (what, pod with { Spec = spec with { InitContainers = spec.InitContainers.SetItem(index, c) } }, null);
            }
        }

        for (int i = 0; i < spec.Volumes.Count; i++)
        {
            string name = spec.Volumes[i].Name;
            ValueList<Container> Unmounted(ValueList<Container> list) =>
                list.Select(c => c with { VolumeMounts = c.VolumeMounts.Where(m => m.Name != name).ToValueList() }).ToValueList();
            yield return ("volume " + name, pod with { Spec = spec with { Volumes = spec.Volumes.RemoveAt(i), Containers = Unmounted(spec.Containers), InitContainers = Unmounted(spec.InitContainers) } }, null);
        }

        foreach (string key in pod.Metadata.Labels.Keys)
        {
            yield return ("label " + key, pod with { Metadata = pod.Metadata with { Labels = pod.Metadata.Labels.Remove(key) } }, null);
        }

        foreach (string key in pod.Metadata.Annotations.Keys)
        {
            yield return ("annotation " + key, pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.Remove(key) } }, null);
        }

        for (int i = 0; i < spec.ReadinessGates.Count; i++)
        {
            yield return ("readiness gate " + N(i), pod with { Spec = spec with { ReadinessGates = spec.ReadinessGates.RemoveAt(i) } }, null);
        }

        for (int i = 0; i < spec.SchedulingGates.Count; i++)
        {
            yield return ("scheduling gate " + N(i), pod with { Spec = spec with { SchedulingGates = spec.SchedulingGates.RemoveAt(i) } }, null);
        }

        for (int i = 0; i < spec.Tolerations.Count; i++)
        {
            yield return ("toleration " + N(i), pod with { Spec = spec with { Tolerations = spec.Tolerations.RemoveAt(i) } }, null);
        }

        foreach (string key in spec.NodeSelector.Keys)
        {
            yield return ("nodeSelector " + key, pod with { Spec = spec with { NodeSelector = spec.NodeSelector.Remove(key) } }, null);
        }

        if (spec.Affinity is not null)
        {
            yield return ("the affinity", pod with { Spec = spec with { Affinity = null } }, null);
        }

        for (int i = 0; i < spec.TopologySpreadConstraints.Count; i++)
        {
            yield return ("spread constraint " + N(i), pod with { Spec = spec with { TopologySpreadConstraints = spec.TopologySpreadConstraints.RemoveAt(i) } }, null);
        }

        if (spec.Hostname.Length != 0)
        {
            yield return ("spec.hostname", pod with { Spec = spec with { Hostname = "" } }, null);
        }

        if (spec.Subdomain.Length != 0)
        {
            yield return ("spec.subdomain", pod with { Spec = spec with { Subdomain = "" } }, null);
        }

        if (spec.SetHostnameAsFQDN is not null)
        {
            yield return ("setHostnameAsFQDN", pod with { Spec = spec with { SetHostnameAsFQDN = null } }, null);
        }

        if (spec.ServiceAccountName.Length != 0)
        {
            yield return ("spec.serviceAccountName", pod with { Spec = spec with { ServiceAccountName = "" } }, null);
        }

        if (spec.DeprecatedServiceAccount.Length != 0)
        {
            yield return ("spec.serviceAccount", pod with { Spec = spec with { DeprecatedServiceAccount = "" } }, null);
        }

        if (spec.TerminationGracePeriodSeconds is not null)
        {
            yield return ("spec.terminationGracePeriodSeconds", pod with { Spec = spec with { TerminationGracePeriodSeconds = null } }, null);
        }
    }

    private static IEnumerable<(string What, Container Container)> OfContainer(Container c)
    {
        for (int i = 0; i < c.Env.Count; i++)
        {
            yield return ("env " + c.Env[i].Name + " of " + c.Name, c with { Env = c.Env.RemoveAt(i) });
        }

        for (int i = 0; i < c.EnvFrom.Count; i++)
        {
            yield return ("envFrom " + N(i) + " of " + c.Name, c with { EnvFrom = c.EnvFrom.RemoveAt(i) });
        }

        for (int i = 0; i < c.Ports.Count; i++)
        {
            yield return ("port " + N(i) + " of " + c.Name, c with { Ports = c.Ports.RemoveAt(i) });
        }

        for (int i = 0; i < c.VolumeMounts.Count; i++)
        {
            yield return ("mount " + c.VolumeMounts[i].MountPath + " of " + c.Name, c with { VolumeMounts = c.VolumeMounts.RemoveAt(i) });
        }

        if (c.LivenessProbe is not null)
        {
            yield return ("the liveness probe of " + c.Name, c with { LivenessProbe = null });
        }

        if (c.ReadinessProbe is not null)
        {
            yield return ("the readiness probe of " + c.Name, c with { ReadinessProbe = null });
        }

        if (c.StartupProbe is not null)
        {
            yield return ("the startup probe of " + c.Name, c with { StartupProbe = null });
        }

        // A request equal to its limit is not removed alone: defaulting would copy the limit back (DEF-001), the same pod.
        var r = c.Resources;
        foreach (string key in r.Requests.Keys.Concat(r.Limits.Keys).Distinct(StringComparer.Ordinal).ToArray())
        {
            bool hasRequest = r.Requests.TryGetValue(key, out var request);
            bool hasLimit = r.Limits.TryGetValue(key, out var limit);
            yield return (key + " of " + c.Name, c with { Resources = new ResourceRequirements { Requests = r.Requests.Remove(key), Limits = r.Limits.Remove(key) } });
            if (hasRequest && hasLimit)
            {
                yield return ("limit " + key + " of " + c.Name, c with { Resources = r with { Limits = r.Limits.Remove(key) } });
                if (request != limit)
                {
                    yield return ("request " + key + " of " + c.Name, c with { Resources = r with { Requests = r.Requests.Remove(key) } });
                }
            }
        }
    }

    private static string N(int i) => "#" + i.ToString(CultureInfo.InvariantCulture);
}
