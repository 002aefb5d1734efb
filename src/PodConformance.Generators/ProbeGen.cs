using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Liveness, readiness and startup probes for admission cases (VAL-045, DEF-018, DEF-019, DEF-024), valid by construction
/// under every supported release: each of the four actions (exec, httpGet, tcpSocket, grpc — with no service, an empty
/// one or a named one, so the <c>service: ""</c> default is reached), numbers left unset or set within range, a liveness
/// or startup probe's successThreshold only ever 1, a probe grace period only on liveness and startup probes. Only regular
/// containers get probes: a classic init container may not have one, and a sidecar is a classic init container wherever
/// SidecarContainers is off (1.28). The larger FsCheck's size, the more pods get probes.
/// </summary>
/// <remarks>
/// Only admission properties use these pods: a probe the scenario's container does not answer would make a lifecycle
/// pod restart or stay unready.
/// </remarks>
public static class ProbeGen
{
    // The generators are built once (static readonly, in dependency order) and draw whole handlers and timings from
    // tables: a case costs a few draws, not a new chain of combinators per field. Records are immutable, so pods share them.

    private static readonly ProbeHandler[] ExecHandlers =
        [new() { ExecCommand = ValueList.Of("cat", "/tmp/healthy") }, new() { ExecCommand = ValueList.Of("/bin/true") }];

    /// <summary>Every path (unset: defaulted to <c>/</c>, DEF-019), port (number or name) and scheme (unset: HTTP).</summary>
    private static readonly ProbeHandler[] HttpHandlers =
        [.. from path in new[] { "", "/healthz" }
            from port in new[] { IntOrString.FromInt(8080), IntOrString.FromString("http") }
            from scheme in new[] { "", "HTTP", "HTTPS" }
            select new ProbeHandler { HttpGet = new HttpGetAction { Path = path, Port = port, Scheme = scheme } }];

    private static readonly ProbeHandler[] TcpHandlers = [new() { TcpSocketPort = IntOrString.FromInt(5432) }, new() { TcpSocketPort = IntOrString.FromString("db") }];

    /// <summary>Half without a service (DEF-024 sets <c>""</c>), a quarter with <c>""</c>, a quarter with a named one.</summary>
    private static readonly ProbeHandler[] GrpcHandlers =
        [.. from port in new[] { 9090, 50051 }
            from service in new[] { null, null, "", "grpc.health.v1.Health" }
            select new ProbeHandler { GrpcPort = port, GrpcService = service }];

    /// <summary>exec, httpGet, tcpSocket or grpc; grpc most often.</summary>
    private static readonly Gen<ProbeHandler> Handler = Gen.Frequency(
        (2, Gen.Elements(ExecHandlers)), (2, Gen.Elements(HttpHandlers)), (2, Gen.Elements(TcpHandlers)), (4, Gen.Elements(GrpcHandlers)));

    /// <summary>
    /// A probe's numbers with its handler left out: unset (defaulted, DEF-018) most often, or set in range. A liveness or
    /// startup probe's successThreshold is 1 when set (it must be), and only they may have a grace period.
    /// </summary>
    private static readonly Probe[] LivenessTimings =
    [
        new(), new(),
        new() { InitialDelaySeconds = 5, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 },
        new() { TimeoutSeconds = 3, PeriodSeconds = 15, FailureThreshold = 5 },
        new() { TerminationGracePeriodSeconds = 10 },
    ];

    /// <summary>A readiness probe's numbers: as a liveness probe's, but successThreshold may exceed 1 and no grace period.</summary>
    private static readonly Probe[] ReadinessTimings =
    [
        new(), new(),
        new() { InitialDelaySeconds = 5, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 },
        new() { PeriodSeconds = 15, SuccessThreshold = 2 },
    ];

    private static readonly Gen<Probe> Liveness = from handler in Handler from timing in Gen.Elements(LivenessTimings) select timing with { Handler = handler };
    private static readonly Gen<Probe> Readiness = from handler in Handler from timing in Gen.Elements(ReadinessTimings) select timing with { Handler = handler };
    private static readonly Gen<Probe?> NoProbe = Gen.Constant<Probe?>(null);

    /// <summary>One to three of a container's probes (liveness, readiness, startup; null where absent), each drawn only when present.</summary>
    private static readonly Gen<(Probe? Liveness, Probe? Readiness, Probe? Startup)> ProbeSet =
        from which in Gen.Choose(1, 7)
        from liveness in (which & 1) != 0 ? Liveness.Select(p => (Probe?)p) : NoProbe
        from readiness in (which & 2) != 0 ? Readiness.Select(p => (Probe?)p) : NoProbe
        from startup in (which & 4) != 0 ? Liveness.Select(p => (Probe?)p) : NoProbe
        select (liveness, readiness, startup);

    /// <summary>Whether a pod is decorated: from 15% of the pods at the smallest sizes to half of them from size 35.</summary>
    private static readonly Gen<bool> Decorated = Gen.Sized(size => Gen.Choose(0, 100).Select(roll => roll >= 85 - Math.Min(size, 35)));

    /// <summary>A regular container after the first: probes for one in three (null: none).</summary>
    private static readonly Gen<(Probe? Liveness, Probe? Readiness, Probe? Startup)?> MaybeProbeSet =
        GenSequence.Chance(33).SelectMany(probed => probed
            ? ProbeSet.Select(set => ((Probe?, Probe?, Probe?)?)set)
            : Gen.Constant<(Probe?, Probe?, Probe?)?>(null));

    /// <summary>Adds probes to a valid pod's regular containers (always the first, one in three of the others); more pods get them at larger sizes.</summary>
    public static Gen<Pod> Decorate(Pod pod) => Decorated.SelectMany(decorated => decorated ? Probe(pod) : Gen.Constant(pod));

    private static Gen<Pod> Probe(Pod pod)
    {
        var containers = pod.Spec.Containers;
        return from first in ProbeSet
               from others in MaybeProbeSet.ArrayOf(containers.Count - 1)
               select pod with { Spec = pod.Spec with { Containers = WithProbes(containers, first, others) } };
    }

    private static ValueList<Container> WithProbes(ValueList<Container> containers, (Probe?, Probe?, Probe?) first, (Probe?, Probe?, Probe?)?[] others)
    {
        var result = new Container[containers.Count];
        result[0] = With(containers[0], first);
        for (int i = 1; i < result.Length; i++)
        {
            result[i] = others[i - 1] is { } set ? With(containers[i], set) : containers[i];
        }

        return ValueList.Of(result);
    }

    private static Container With(Container c, (Probe? Liveness, Probe? Readiness, Probe? Startup) set) =>
        c with { LivenessProbe = set.Liveness, ReadinessProbe = set.Readiness, StartupProbe = set.Startup };
}
