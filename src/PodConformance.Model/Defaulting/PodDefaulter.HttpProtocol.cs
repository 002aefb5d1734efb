using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// DEF-021: with H2CContainerProbe on (1.37), SetDefaults_Pod gives every <c>httpGet</c> of a probe or lifecycle hook a
/// <c>protocol</c> of <c>HTTP1</c> when it has none: regular containers, then init containers, then ephemeral containers,
/// each liveness, readiness, startup, postStart, preStop. Handwritten (the merged type has no <c>+default</c> marker), so
/// Pods only; read in one fork copy of 1.37-development defaults.go (spec/defaulting.md).
/// </summary>
public static partial class PodDefaulter
{
    private const string Http1 = "HTTP1";

    private static PodSpec DefaultHttpProbeProtocol(PodSpec spec, Profile profile, ChangeLog log)
    {
        if (!profile.Admission.H2CContainerProbe
            || (!AnyProbeOrHook(spec.Containers) && !AnyProbeOrHook(spec.InitContainers) && !AnyProbeOrHook(spec.EphemeralContainers)))
        {
            // No probe or hook anywhere (most pods): HttpProtocol would return every container as it is.
            return spec;
        }

        // Upstream's order (containers before init containers) decides the order explain lists the changes in.
        var containers = MapContainers(spec.Containers, "spec.containers", log, static (c, l) => HttpProtocol(c, l));
        var initContainers = MapContainers(spec.InitContainers, "spec.initContainers", log, static (c, l) => HttpProtocol(c, l));
        var ephemeralContainers = MapContainers(spec.EphemeralContainers, "spec.ephemeralContainers", log, static (c, l) => HttpProtocol(c, l));
        return WithContainers(spec, initContainers, containers, ephemeralContainers);
    }

    private static bool AnyProbeOrHook(ValueList<Container> containers)
    {
        foreach (var c in containers)
        {
            if (c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null || c.Lifecycle is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static Container HttpProtocol(ContainerAt at, ChangeLog log)
    {
        var c = at.Container;
        if (c.LivenessProbe is null && c.ReadinessProbe is null && c.StartupProbe is null && c.Lifecycle is null)
        {
            return c;
        }

        var live = ProbeProtocol(c.LivenessProbe, at.Path, ".livenessProbe", log);
        var ready = ProbeProtocol(c.ReadinessProbe, at.Path, ".readinessProbe", log);
        var startup = ProbeProtocol(c.StartupProbe, at.Path, ".startupProbe", log);
        var lifecycle = c.Lifecycle;
        if (lifecycle is not null)
        {
            var post = HandlerProtocol(lifecycle.PostStart, at.Path, ".lifecycle.postStart", log);
            var pre = HandlerProtocol(lifecycle.PreStop, at.Path, ".lifecycle.preStop", log);
            if (!ReferenceEquals(post, lifecycle.PostStart) || !ReferenceEquals(pre, lifecycle.PreStop))
            {
                lifecycle = lifecycle with { PostStart = post, PreStop = pre };
            }
        }

        return ReferenceEquals(live, c.LivenessProbe) && ReferenceEquals(ready, c.ReadinessProbe) && ReferenceEquals(startup, c.StartupProbe)
            && ReferenceEquals(lifecycle, c.Lifecycle)
            ? c
            : c with { LivenessProbe = live, ReadinessProbe = ready, StartupProbe = startup, Lifecycle = lifecycle };
    }

    private static Probe? ProbeProtocol(Probe? probe, string containerPath, string field, ChangeLog log)
    {
        if (probe is null)
        {
            return null;
        }

        var handler = HandlerProtocol(probe.Handler, containerPath, field, log)!;
        return ReferenceEquals(handler, probe.Handler) ? probe : probe with { Handler = handler };
    }

    private static ProbeHandler? HandlerProtocol(ProbeHandler? handler, string containerPath, string field, ChangeLog log)
    {
        if (handler?.HttpGet is not { Protocol: null } get)
        {
            return handler;
        }

        log.Add(DefaultingRules.HttpGetProtocol, log.On ? containerPath + field + ".httpGet.protocol" : "", Http1);
        return handler with { HttpGet = get with { Protocol = Http1 } };
    }
}
