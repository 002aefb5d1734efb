using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Containers valid by construction under every supported profile: the caller supplies the (unique) name;
/// image, ports, env and resources are drawn here. Optional fields are usually absent so that the typical
/// sample stays readable.
/// </summary>
public static class ContainerGen
{
    /// <summary>Ports per container grow with the size up to this cap (names from <see cref="NameGen.PortNamePool"/>).</summary>
    public const int MaxPorts = 3;

    /// <summary>Plain env vars per container grow with the size up to this cap (the whole <see cref="NameGen.EnvNamePool"/>).</summary>
    public const int MaxEnv = 8;

    /// <summary>Half the time none; otherwise 1 up to what the size allows (at most <paramref name="max"/>).</summary>
    private static Gen<int> Usually(int max) => Gen.Frequency((1, Gen.Constant(0)), (1, GenSequence.Count(1, max)));

    /// <summary>Ports unique by name within the container; container ports 1–65535 including both ends; no host ports.</summary>
    public static Gen<ValueList<ContainerPort>> Ports { get; } =
        from n in Usually(MaxPorts)
        from names in NameGen.DistinctSubset(NameGen.PortNamePool, n)
        from numbers in Gen.Elements(80, 443, 8080, 9090, 1, 65535).ArrayOf(names.Length)
        from protocols in Gen.Elements("", "", "TCP", "UDP", "SCTP").ArrayOf(names.Length)
        from unnamed in GenSequence.Chance(30)
        select names.Select((n, i) => new ContainerPort { Name = unnamed && i == 0 ? "" : n, Port = numbers[i], Protocol = protocols[i] }).ToValueList();

    /// <summary>Plain env vars (no valueFrom), distinct names, simple values; more of them at larger sizes.</summary>
    public static Gen<ValueList<EnvVar>> Env { get; } =
        from n in Usually(MaxEnv)
        from names in NameGen.DistinctSubset(NameGen.EnvNamePool, n)
        from values in Gen.Elements("", "1", "debug", "hello world", "8080", "$(PORT)").ArrayOf(names.Length)
        select names.Select((n, i) => new EnvVar { Name = n, Value = values[i] }).ToValueList();

    /// <summary>An image from <see cref="NameGen.ImagePool"/>.</summary>
    public static Gen<string> Image { get; } = Gen.Elements(NameGen.ImagePool.ToArray());

    /// <summary>A regular container with the given name.</summary>
    public static Gen<Container> Regular(string name) =>
        from image in Image
        from resources in ResourceGen.Valid
        from ports in Ports
        from env in Env
        from pullPolicy in Gen.Frequency((8, Gen.Constant("")), (1, Gen.Elements("Always", "IfNotPresent", "Never")))
        select new Container
        {
            Name = name,
            Image = image,
            Resources = resources,
            Ports = ports,
            Env = env,
            ImagePullPolicy = pullPolicy,
        };

    /// <summary>A classic init container (runs to completion before the regular containers start).</summary>
    public static Gen<Container> Init(string name) => Regular(name).Select(c => c with { Ports = default });

    /// <summary>A sidecar: an init container with <c>restartPolicy: Always</c> (ignored where the gate is off).</summary>
    public static Gen<Container> Sidecar(string name) => Regular(name).Select(c => c with { RestartPolicy = "Always" });
}
