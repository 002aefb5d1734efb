using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    /// <summary>validateContainerPorts: name (IANA_SVC_NAME, unique), containerPort, hostPort, protocol.</summary>
    private static void ValidateContainerPorts(Context ctx, ValueList<ContainerPort> ports, FieldPath path)
    {
        HashSet<string>? names = null;
        for (int i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            var idx = path.Index(i);
            if (p.Name.Length > 0)
            {
                RuleCoverage.Hit(ValidationRules.PortName);
                string[] msgs = NameRules.PortName(p.Name);
                if (msgs.Length != 0)
                {
                    foreach (string msg in msgs)
                    {
                        ctx.Add(FieldError.Invalid(idx.Child("name"), p.Name, msg), ValidationRules.PortName);
                    }
                }
                else if (!(names ??= new HashSet<string>(StringComparer.Ordinal)).Add(p.Name))
                {
                    ctx.Add(FieldError.Duplicate(idx.Child("name"), p.Name), ValidationRules.PortName);
                }
            }

            using var _ = ctx.Rule(ValidationRules.PortNumbersAndProtocol);

            if (p.Port == 0)
            {
                ctx.Add(FieldError.Required(idx.Child("containerPort")));
            }
            else if (NameRules.PortNumber(p.Port) is { } msg)
            {
                ctx.Add(FieldError.Invalid(idx.Child("containerPort"), p.Port, msg));
            }

            if (p.HostPort != 0 && NameRules.PortNumber(p.HostPort) is { } hmsg)
            {
                ctx.Add(FieldError.Invalid(idx.Child("hostPort"), p.HostPort, hmsg));
            }

            if (p.Protocol.Length == 0)
            {
                ctx.Add(FieldError.Required(idx.Child("protocol")));
            }
            else if (p.Protocol is not ("TCP" or "UDP" or "SCTP"))
            {
                ctx.Add(FieldError.NotSupported(idx.Child("protocol"), GoValueText.NamedString(p.Protocol, ctx.Version), "SCTP", "TCP", "UDP"));
            }
        }
    }

    /// <summary>
    /// AccumulateUniqueHostPorts over containers[from, to): the key is <c>protocol/hostIP/hostPort</c>,
    /// reported as Duplicate at the later port's hostPort.
    /// </summary>
    /// <remarks>Its errors name their rule (no rule scope): called once per init container and once for the containers.</remarks>
    private static void CheckHostPortConflicts(Context ctx, ValueList<Container> containers, int from, int to, FieldPath path)
    {
        RuleCoverage.Hit(ValidationRules.HostPortConflicts);
        HashSet<string>? seen = null;
        for (int ci = from; ci < to; ci++)
        {
            var ports = containers[ci].Ports;
            for (int pi = 0; pi < ports.Count; pi++)
            {
                var p = ports[pi];
                if (p.HostPort == 0)
                {
                    continue;
                }

                string key = p.Protocol + "/" + p.HostIP + "/" + p.HostPort.ToString(CultureInfo.InvariantCulture);
                if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
                {
                    ctx.Add(FieldError.Duplicate(path.Index(ci).Child("ports").Index(pi).Child("hostPort"), key), ValidationRules.HostPortConflicts);
                }
            }
        }
    }

    /// <summary>validatePodHostNetworkDeps for a Pod: with hostNetwork every regular container's hostPort must equal its containerPort.</summary>
    private static void ValidateHostNetworkDeps(Context ctx, PodSpec spec)
    {
        if (!spec.HostNetwork)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HostNetworkPorts);
        var path = SpecContainersPath;
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            var ports = spec.Containers[i].Ports;
            for (int j = 0; j < ports.Count; j++)
            {
                if (ports[j].HostPort != ports[j].Port)
                {
                    ctx.Add(FieldError.Invalid(path.Index(i).Child("ports").Index(j).Child("hostPort"), ports[j].HostPort,
                        "must match `containerPort` when `hostNetwork` is true"));
                }
            }
        }
    }
}
