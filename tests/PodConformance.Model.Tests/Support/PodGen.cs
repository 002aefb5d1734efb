using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Support;

/// <summary>
/// Small generators for model properties, biased to the boundaries QoS and defaulting care about:
/// equal requests and limits, limits only, zeros, cpu only.
/// </summary>
internal static class PodGen
{
    private static readonly string[] Cpu = ["0", "100m", "250m", "1", "2"];
    private static readonly string[] Memory = ["0", "64Mi", "128Mi", "1Gi"];

    public static Gen<Quantity> QuantityFrom(string[] pool) => Gen.Elements(pool).Select(Quantity.Parse);

    public static Gen<ResourceRequirements> Requirements { get; } =
        from shape in Gen.Choose(0, 6)
        from cpu in QuantityFrom(Cpu)
        from cpu2 in QuantityFrom(Cpu)
        from mem in QuantityFrom(Memory)
        from mem2 in QuantityFrom(Memory)
        select shape switch
        {
            0 => ResourceRequirements.Empty,
            1 => new ResourceRequirements { Requests = Map(("cpu", cpu), ("memory", mem)), Limits = Map(("cpu", cpu), ("memory", mem)) },
            2 => new ResourceRequirements { Limits = Map(("cpu", cpu), ("memory", mem)) },
            3 => new ResourceRequirements { Requests = Map(("cpu", cpu)) },
            4 => new ResourceRequirements { Requests = Map(("cpu", cpu), ("memory", mem)), Limits = Map(("cpu", cpu2), ("memory", mem2)) },
            5 => new ResourceRequirements { Requests = Map(("memory", mem)), Limits = Map(("memory", mem2)) },
            _ => new ResourceRequirements { Requests = Map(("cpu", cpu)), Limits = Map(("cpu", cpu), ("memory", mem)) },
        };

    public static Gen<Container> ContainerGen(string name) =>
        from r in Requirements
        from image in Gen.Elements("nginx", "nginx:1.25", "busybox:latest", "registry.local:5000/app@sha256:" + new string('a', 64))
        select new Container { Name = name, Image = image, Resources = r };

    public static Gen<Pod> Pods { get; } =
        from regular in Gen.Choose(1, 3)
        from init in Gen.Choose(0, 2)
        from containers in Sequence(regular, i => ContainerGen("c" + i))
        from inits in Sequence(init, i => ContainerGen("init" + i))
        from sidecarMask in Gen.Choose(0, 3)
        select new Pod
        {
            Metadata = new ObjectMeta { Name = "generated", Namespace = "default" },
            Spec = new PodSpec
            {
                Containers = containers,
                InitContainers = inits.Select((c, i) => ((sidecarMask >> i) & 1) == 1 ? c with { RestartPolicy = "Always" } : c).ToArray(),
            },
        };

    public static Arbitrary<Pod> PodArb { get; } = Arb.From(Pods);

    private static ValueMap<Quantity> Map(params (string, Quantity)[] items) => ValueMap.Of(items);

    private static Gen<Container[]> Sequence(int count, Func<int, Gen<Container>> make)
    {
        Gen<Container[]> acc = Gen.Constant(Array.Empty<Container>());
        for (int i = 0; i < count; i++)
        {
            var g = make(i);
            acc = from xs in acc from x in g select xs.Append(x).ToArray();
        }

        return acc;
    }
}
