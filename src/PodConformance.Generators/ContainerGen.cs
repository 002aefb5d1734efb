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
    /// <summary>Ports unique by name within the container; container ports 1–65535 including both ends; no host ports.</summary>
    public static Gen<ValueList<ContainerPort>> Ports { get; } =
        from names in NameGen.DistinctSubset(NameGen.PortNamePool, 2)
        from numbers in Gen.Elements(80, 443, 8080, 9090, 1, 65535).ArrayOf(names.Length)
        from protocols in Gen.Elements("", "", "TCP", "UDP", "SCTP").ArrayOf(names.Length)
        from unnamed in GenSequence.Chance(30)
        select names.Select((n, i) => new ContainerPort { Name = unnamed && i == 0 ? "" : n, Port = numbers[i], Protocol = protocols[i] }).ToValueList();

    /// <summary>Plain env vars (no valueFrom), distinct names, simple values.</summary>
    public static Gen<ValueList<EnvVar>> Env { get; } =
        from names in NameGen.DistinctSubset(NameGen.EnvNamePool, 3)
        from values in Gen.Elements("", "1", "debug", "hello world", "8080", "$(PORT)").ArrayOf(names.Length)
        select names.Select((n, i) => new EnvVar { Name = n, Value = values[i] }).ToValueList();

    /// <summary>An image from <see cref="NameGen.ImagePool"/>.</summary>
    public static Gen<string> Image { get; } = Gen.Elements(NameGen.ImagePool.ToArray());

    /// <summary>A regular container with the given name.</summary>
    public static Gen<Container> Regular(string name) =>
        from image in Image
        from resources in ResourceGen.Valid
        from hasPorts in GenSequence.Chance(35)
        from ports in Ports
        from hasEnv in GenSequence.Chance(35)
        from env in Env
        from pullPolicy in Gen.Frequency((8, Gen.Constant("")), (1, Gen.Elements("Always", "IfNotPresent", "Never")))
        select new Container
        {
            Name = name,
            Image = image,
            Resources = resources,
            Ports = hasPorts ? ports : default,
            Env = hasEnv ? env : default,
            ImagePullPolicy = pullPolicy,
        };

    /// <summary>A classic init container (runs to completion before the regular containers start).</summary>
    public static Gen<Container> Init(string name) => Regular(name).Select(c => c with { Ports = default });

    /// <summary>A sidecar: an init container with <c>restartPolicy: Always</c> (ignored where the gate is off).</summary>
    public static Gen<Container> Sidecar(string name) => Regular(name).Select(c => c with { RestartPolicy = "Always" });
}
