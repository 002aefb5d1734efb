using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// The invalid variant of the probe rules <see cref="ProbeGen"/>'s valid pods exercise (VAL-045), joined to
/// <see cref="PodMutations.All"/>: a grpc probe whose port is out of range (<c>must be between 1 and 65535, inclusive</c>),
/// or a grpc probe that also has an exec action (<c>grpc: Forbidden: may not specify more than 1 handler type</c>, the
/// handlers checked in the order exec, httpGet, tcpSocket, grpc).
/// </summary>
public static class ProbeMutations
{
    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(pod.Spec.Containers[0])) } };

    private static readonly ProbeHandler[] BadGrpc =
    [
        new() { GrpcPort = 0 },
        new() { GrpcPort = 65536, GrpcService = "" },
        new() { GrpcPort = -1 },
        new() { ExecCommand = ValueList.Of("/bin/true"), GrpcPort = 9090 },
    ];

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("bad-grpc-probe", ValidationRules.ProbeAndHandlerFields,
            pod => from handler in Gen.Elements(BadGrpc)
                   from readiness in GenSequence.Bool
                   select WithFirst(pod, c => readiness ? c with { ReadinessProbe = new Probe { Handler = handler } } : c with { LivenessProbe = new Probe { Handler = handler } }),
            _ => true),
    ];
}
