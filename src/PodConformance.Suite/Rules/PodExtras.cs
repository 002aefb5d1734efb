using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Optional fields added to valid pods so that admission properties reach the defaulting and QoS rules that
/// <see cref="PodGen.Valid"/> never exercises (hostNetwork ports, source-less volumes, fieldRef env, probes with
/// zero fields and httpGet, pod-level resources). An extra may make a pod invalid; the comparison then covers the
/// rejection, which is just as much a check.
/// </summary>
public static class PodExtras
{
    public static Gen<Pod> Enrich(Pod pod) =>
        from hostNetwork in Chance(15)
        from volume in Chance(20)
        from fieldRef in Chance(20)
        from probe in Chance(20)
        from podLevel in Chance(20)
        from podCpu in Gen.Elements("500m", "1", "2", "250m")
        from podMemory in Gen.Elements("1Gi", "512Mi", "2Gi")
        from limitsToo in Gen.Elements(false, true)
        select Apply(pod, hostNetwork, volume, fieldRef, probe, podLevel ? (podCpu, podMemory, limitsToo) : null);

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    private static Pod Apply(Pod pod, bool hostNetwork, bool volume, bool fieldRef, bool probe, (string Cpu, string Memory, bool LimitsToo)? podLevel)
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
            var values = ValueMap.Of(("cpu", Quantity.Parse(pl.Cpu)), ("memory", Quantity.Parse(pl.Memory)));
            spec = spec with { Resources = pl.LimitsToo ? new ResourceRequirements { Requests = values, Limits = values } : new ResourceRequirements { Limits = values } };
        }

        if ((fieldRef || probe) && !spec.Containers.IsEmpty)
        {
            var first = spec.Containers[0];
            if (fieldRef)
            {
                first = first with { Env = first.Env.Add(new EnvVar { Name = "POD_NAME", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } }) };
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
