using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>Milli scale: SetDefaults_ResourceList rounds every quantity up to a multiple of 1m.</summary>
    private const int MilliScale = -3;

    private static Container RequestsFromLimits(ContainerAt at, ChangeLog log)
    {
        var c = at.Container;
        if (c.Resources.Limits.IsEmpty)
        {
            return c;
        }

        var requests = c.Resources.Requests;
        var limits = c.Resources.Limits.Entries;
        for (int i = 0; i < limits.Length; i++)
        {
            string name = limits[i].Key;
            if (!requests.ContainsKey(name))
            {
                var limit = limits[i].Value;
                requests = requests.SetItem(name, limit);
                log.Add(DefaultingRules.RequestsFromLimits, $"{at.Path}.resources.requests.{name}", limit.ToString());
            }
        }

        return requests.IsSameAs(c.Resources.Requests) ? c : c with { Resources = c.Resources with { Requests = requests } };
    }

    /// <summary>
    /// DEF-026 (1.28–1.32, InPlacePodVerticalScaling on): SetDefaults_Pod gives a regular container whose requests (after
    /// DEF-001) name cpu or memory a <c>NotRequired</c> resize policy for each of them it does not list, cpu first, appended.
    /// </summary>
    private static Container ResizePolicyDefaults(ContainerAt at, ChangeLog log)
    {
        var c = at.Container;
        var requests = c.Resources.Requests;
        if (requests.IsEmpty)
        {
            return c;
        }

        var policies = c.ResizePolicy;
        foreach (string resource in ResizePolicyResources)
        {
            if (!requests.ContainsKey(resource) || Lists(c.ResizePolicy, resource))
            {
                continue;
            }

            log.Add(DefaultingRules.ResizePolicy, $"{at.Path}.resizePolicy[{Invariant(policies.Count)}]", resource + ": NotRequired");
            policies = policies.Add(new ContainerResizePolicy(resource, "NotRequired"));
        }

        return policies.Count == c.ResizePolicy.Count ? c : c with { ResizePolicy = policies };

        static bool Lists(ValueList<ContainerResizePolicy> given, string resource)
        {
            foreach (var p in given)
            {
                if (p.ResourceName == resource)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static readonly string[] ResizePolicyResources = [ResourceNames.Cpu, ResourceNames.Memory];

    private static Container HostNetworkPorts(ContainerAt at, ChangeLog log)
    {
        var c = at.Container;
        if (c.Ports.IsEmpty)
        {
            return c;
        }

        var ports = c.Ports;
        for (int j = 0; j < ports.Count; j++)
        {
            if (ports[j].HostPort == 0)
            {
                ports = ports.SetItem(j, ports[j] with { HostPort = ports[j].Port });
                log.Add(DefaultingRules.HostNetworkPorts, $"{at.Path}.ports[{j}].hostPort", Invariant(ports[j].Port));
            }
        }

        return ports.AsImmutableArray() == c.Ports.AsImmutableArray() ? c : c with { Ports = ports };
    }

    /// <summary>SetDefaults_Container plus the per-container generated defaults, in generated order.</summary>
    private static Container DefaultContainer(ContainerAt at, ChangeLog log)
    {
        var c = at.Container;
        string path = at.Path;
        string pullPolicy = c.ImagePullPolicy;
        if (pullPolicy.Length == 0)
        {
            pullPolicy = ImageReference.HasLatestTag(c.Image) ? "Always" : "IfNotPresent";
            log.Add(DefaultingRules.ImagePullPolicy, path + ".imagePullPolicy", pullPolicy);
        }

        string messagePath = c.TerminationMessagePath;
        if (messagePath.Length == 0)
        {
            messagePath = "/dev/termination-log";
            log.Add(DefaultingRules.TerminationMessagePath, path + ".terminationMessagePath", "/dev/termination-log");
        }

        string messagePolicy = c.TerminationMessagePolicy;
        if (messagePolicy.Length == 0)
        {
            messagePolicy = "File";
            log.Add(DefaultingRules.TerminationMessagePolicy, path + ".terminationMessagePolicy", "File");
        }

        // The three scalar defaults in one copy of the container (most pods need all three).
        if (!ReferenceEquals(pullPolicy, c.ImagePullPolicy) || !ReferenceEquals(messagePath, c.TerminationMessagePath) || !ReferenceEquals(messagePolicy, c.TerminationMessagePolicy))
        {
            c = c with { ImagePullPolicy = pullPolicy, TerminationMessagePath = messagePath, TerminationMessagePolicy = messagePolicy };
        }

        if (!c.Ports.IsEmpty)
        {
            c = DefaultPortProtocols(c, path, log);
        }

        if (!c.Env.IsEmpty)
        {
            c = DefaultEnvSources(c, path, log);
        }

        // Field paths are built only for the log; an empty list or unset probe is left as it is without a call.
        var limits = c.Resources.Limits.IsEmpty ? c.Resources.Limits : RoundUpList(c.Resources.Limits, log.On ? path + ".resources.limits" : "", log);
        var requests = c.Resources.Requests.IsEmpty ? c.Resources.Requests : RoundUpList(c.Resources.Requests, log.On ? path + ".resources.requests" : "", log);
        if (!limits.IsSameAs(c.Resources.Limits) || !requests.IsSameAs(c.Resources.Requests))
        {
            c = c with { Resources = c.Resources with { Limits = limits, Requests = requests } };
        }

        if (c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null || c.Lifecycle is not null)
        {
            c = DefaultProbesAndHooks(c, path, log);
        }

        return c;
    }

    /// <summary>The ports part of <see cref="DefaultContainer"/> (a container with ports): each protocol TCP when unset.</summary>
    private static Container DefaultPortProtocols(Container c, string path, ChangeLog log)
    {
        var ports = c.Ports;
        for (int j = 0; j < ports.Count; j++)
        {
            if (ports[j].Protocol.Length == 0)
            {
                ports = ports.SetItem(j, ports[j] with { Protocol = "TCP" });
                log.Add(DefaultingRules.PortProtocol, $"{path}.ports[{j}].protocol", "TCP");
            }
        }

        if (ports.AsImmutableArray() != c.Ports.AsImmutableArray())
        {
            c = c with { Ports = ports };
        }

        return c;
    }

    /// <summary>The env part of <see cref="DefaultContainer"/> (a container with env): fieldRef apiVersion, fileKeyRef optional.</summary>
    private static Container DefaultEnvSources(Container c, string path, ChangeLog log)
    {
        var env = c.Env;
        for (int j = 0; j < env.Count; j++)
        {
            if (env[j].ValueFrom?.FieldRef is { ApiVersion.Length: 0 } fieldRef)
            {
                env = env.SetItem(j, env[j] with { ValueFrom = env[j].ValueFrom! with { FieldRef = fieldRef with { ApiVersion = "v1" } } });
                log.Add(DefaultingRules.FieldRefApiVersion, $"{path}.env[{j}].valueFrom.fieldRef.apiVersion", "v1");
            }

            // The +default=false marker of FileKeySelector.optional (1.34+, the field's first release).
            if (env[j].ValueFrom?.FileKeyRef is { Optional: null } fileKeyRef)
            {
                env = env.SetItem(j, env[j] with { ValueFrom = env[j].ValueFrom! with { FileKeyRef = fileKeyRef with { Optional = false } } });
                log.Add(DefaultingRules.FileKeyRefOptional, $"{path}.env[{j}].valueFrom.fileKeyRef.optional", "false");
            }
        }

        if (env.AsImmutableArray() != c.Env.AsImmutableArray())
        {
            c = c with { Env = env };
        }

        return c;
    }

    /// <summary>The probes and hooks part of <see cref="DefaultContainer"/>, after the resources (the order of the log).</summary>
    private static Container DefaultProbesAndHooks(Container c, string path, ChangeLog log)
    {
        var liveness = DefaultProbe(c.LivenessProbe, path + ".livenessProbe", log);
        var readiness = DefaultProbe(c.ReadinessProbe, path + ".readinessProbe", log);
        var startup = DefaultProbe(c.StartupProbe, path + ".startupProbe", log);
        if (!ReferenceEquals(liveness, c.LivenessProbe) || !ReferenceEquals(readiness, c.ReadinessProbe) || !ReferenceEquals(startup, c.StartupProbe))
        {
            c = c with { LivenessProbe = liveness, ReadinessProbe = readiness, StartupProbe = startup };
        }

        if (c.Lifecycle is { } lifecycle)
        {
            var postStart = DefaultHandler(lifecycle.PostStart, path + ".lifecycle.postStart", log);
            var preStop = DefaultHandler(lifecycle.PreStop, path + ".lifecycle.preStop", log);
            if (!ReferenceEquals(postStart, lifecycle.PostStart) || !ReferenceEquals(preStop, lifecycle.PreStop))
            {
                c = c with { Lifecycle = lifecycle with { PostStart = postStart, PreStop = preStop } };
            }
        }

        return c;
    }

    private static ValueMap<Quantity> RoundUpList(ValueMap<Quantity> list, string path, ChangeLog log)
    {
        if (list.IsEmpty)
        {
            return list;
        }

        // A value already at milli precision in the int64 form rounds to itself (echoed text included): the list is
        // returned as it is, so the hot path neither prints nor copies anything.
        RuleCoverage.Hit(DefaultingRules.RoundUpToMilli);
        return AllRoundUpToThemselves(list) ? list : RoundUpEntries(list, path, log);
    }

    /// <summary>Whether every value of the list rounds up to itself at milli scale (nearly every list): a small loop, no call.</summary>
    private static bool AllRoundUpToThemselves(ValueMap<Quantity> list)
    {
        var entries = list.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            if (!entries[i].Value.RoundsUpToItself(MilliScale))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rounding of <see cref="RoundUpList"/> for a list with a value to round (and its log entries).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueMap<Quantity> RoundUpEntries(ValueMap<Quantity> list, string path, ChangeLog log)
    {
        var result = list;
        var entries = list.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            // By index, not foreach: most values round to themselves, and the enumerator's entry copies cost more than the test.
            var q = entries[i].Value;
            if (q.RoundsUpToItself(MilliScale))
            {
                continue;
            }

            string name = entries[i].Key;
            var rounded = q.RoundUp(MilliScale);
            if (log.On && (!string.Equals(rounded.ToString(), q.ToString(), StringComparison.Ordinal) || !rounded.Equals(q)))
            {
                if (!rounded.Equals(q))
                {
                    RuleCoverage.Hit(DefaultingRules.RoundUpToMilli, "rounded up to 1m");
                }
                log.Add(DefaultingRules.RoundUpToMilli, $"{path}.{name}", rounded.ToString());
            }

            // By position, replacing an equal value too: Go's RoundUp re-scales the int64 form (1.5000 → 1500m), which
            // only the %#v of VAL-031's bad value shows.
            result = result.ReplaceAt(i, rounded);
        }

        return result;
    }

    private static Probe? DefaultProbe(Probe? probe, string path, ChangeLog log)
    {
        if (probe is null)
        {
            return null;
        }

        var p = probe;
        if (p.TimeoutSeconds == 0)
        {
            p = p with { TimeoutSeconds = 1 };
            log.Add(DefaultingRules.ProbeDefaults, path + ".timeoutSeconds", "1");
        }

        if (p.PeriodSeconds == 0)
        {
            p = p with { PeriodSeconds = 10 };
            log.Add(DefaultingRules.ProbeDefaults, path + ".periodSeconds", "10");
        }

        if (p.SuccessThreshold == 0)
        {
            p = p with { SuccessThreshold = 1 };
            log.Add(DefaultingRules.ProbeDefaults, path + ".successThreshold", "1");
        }

        if (p.FailureThreshold == 0)
        {
            p = p with { FailureThreshold = 3 };
            log.Add(DefaultingRules.ProbeDefaults, path + ".failureThreshold", "3");
        }

        var handler = DefaultHandler(p.Handler, path, log)!;

        // DEF-024: the generated defaulter's `+default=""` of GRPCAction.service, after the httpGet defaults (probes only:
        // a lifecycle handler has no grpc action).
        if (handler.GrpcPort is not null && handler.GrpcService is null)
        {
            handler = handler with { GrpcService = "" };
            log.Add(DefaultingRules.GrpcService, path + ".grpc.service", "\"\"");
        }

        return ReferenceEquals(handler, p.Handler) ? p : p with { Handler = handler };
    }

    private static ProbeHandler? DefaultHandler(ProbeHandler? handler, string path, ChangeLog log)
    {
        if (handler?.HttpGet is not { } get)
        {
            return handler;
        }

        if (get.Path.Length == 0)
        {
            get = get with { Path = "/" };
            log.Add(DefaultingRules.HttpGetDefaults, path + ".httpGet.path", "/");
        }

        if (get.Scheme.Length == 0)
        {
            get = get with { Scheme = "HTTP" };
            log.Add(DefaultingRules.HttpGetDefaults, path + ".httpGet.scheme", "HTTP");
        }

        return ReferenceEquals(get, handler.HttpGet) ? handler : handler with { HttpGet = get };
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
