using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Support;

/// <summary>Named factories for test pods, so tables read like the upstream tests they port.</summary>
internal static class TestPods
{
    /// <summary>"cpu=100m,memory=100Mi" → resource list; "" → empty. Mirrors upstream getResourceList.</summary>
    public static ValueMap<Quantity> List(string spec)
    {
        if (spec.Length == 0)
        {
            return ValueMap<Quantity>.Empty;
        }

        var items = new List<(string, Quantity)>();
        foreach (string part in spec.Split(','))
        {
            string[] kv = part.Split('=');
            items.Add((kv[0], Quantity.Parse(kv[1])));
        }

        return ValueMap.Of([.. items]);
    }

    /// <summary>Upstream getResourceList(cpu, memory): empty strings leave the resource out.</summary>
    public static ValueMap<Quantity> CpuMem(string cpu, string memory)
    {
        var parts = new List<string>();
        if (cpu.Length > 0)
        {
            parts.Add("cpu=" + cpu);
        }

        if (memory.Length > 0)
        {
            parts.Add("memory=" + memory);
        }

        return List(string.Join(',', parts));
    }

    public static ResourceRequirements Reqs(ValueMap<Quantity> requests, ValueMap<Quantity> limits) =>
        new() { Requests = requests, Limits = limits };

    public static Container Container(string name, ValueMap<Quantity> requests, ValueMap<Quantity> limits) =>
        new() { Name = name, Image = "busybox", Resources = Reqs(requests, limits) };

    public static Container Sidecar(string name, ValueMap<Quantity> requests, ValueMap<Quantity> limits) =>
        Container(name, requests, limits) with { RestartPolicy = "Always" };

    public static Pod Pod(string name, params Container[] containers) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Spec = new PodSpec { Containers = containers } };

    public static Pod WithInit(this Pod pod, params Container[] init) => pod with { Spec = pod.Spec with { InitContainers = init } };

    public static Pod WithPodResources(this Pod pod, ResourceRequirements resources) => pod with { Spec = pod.Spec with { Resources = resources } };
}
