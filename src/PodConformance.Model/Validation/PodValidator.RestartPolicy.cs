using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    /// <summary>Upstream caps the rules per container (KEP-5307).</summary>
    private const int MaxRestartRules = 20;

    /// <summary>Upstream caps the exit codes per rule (the API documents "At most 255 elements").</summary>
    private const int MaxExitCodes = 255;

    /// <summary>
    /// Container-level restartPolicy and restartPolicyRules under ContainerRestartRules (1.34 alpha, 1.35 beta):
    /// Always/OnFailure/Never on any container, rules need an explicit policy, action Restart (plus
    /// RestartAllContainers with its own gate), exitCodes required with operator In or NotIn.
    /// Messages are the model's best reading of KEP-5307 and are marked unverified in spec VAL-041.
    /// </summary>
    private static void ValidateContainerRestartPolicy(Context ctx, Container c, FieldPath path)
    {
        var policyPath = path.Child("restartPolicy");
        if (c.RestartPolicy is null)
        {
            if (!c.RestartPolicyRules.IsEmpty)
            {
                ctx.Add(FieldError.Required(policyPath, "must specify restartPolicy when restart rules are used"));
            }
        }
        else if (c.RestartPolicy is not ("Always" or "OnFailure" or "Never"))
        {
            ctx.Add(FieldError.NotSupported(policyPath, c.RestartPolicy, "Always", "OnFailure", "Never"));
        }

        var rulesPath = path.Child("restartPolicyRules");
        if (c.RestartPolicyRules.Count > MaxRestartRules)
        {
            ctx.Add(FieldError.TooMany(rulesPath, c.RestartPolicyRules.Count, MaxRestartRules));
        }

        for (int i = 0; i < c.RestartPolicyRules.Count; i++)
        {
            var rule = c.RestartPolicyRules[i];
            var rulePath = rulesPath.Index(i);
            bool actionOk = rule.Action == "Restart" || (ctx.RestartAllContainers && rule.Action == "RestartAllContainers");
            if (!actionOk)
            {
                if (ctx.RestartAllContainers)
                {
                    ctx.Add(FieldError.NotSupported(rulePath.Child("action"), rule.Action, "Restart", "RestartAllContainers"));
                }
                else
                {
                    ctx.Add(FieldError.NotSupported(rulePath.Child("action"), rule.Action, "Restart"));
                }
            }

            if (rule.ExitCodes is null)
            {
                ctx.Add(FieldError.Required(rulePath.Child("exitCodes"), "must be specified"));
                continue;
            }

            var exitPath = rulePath.Child("exitCodes");
            if (rule.ExitCodes.Operator is not ("In" or "NotIn"))
            {
                ctx.Add(FieldError.NotSupported(exitPath.Child("operator"), rule.ExitCodes.Operator, "In", "NotIn"));
            }

            if (rule.ExitCodes.Values.Count > MaxExitCodes)
            {
                ctx.Add(FieldError.TooMany(exitPath.Child("values"), rule.ExitCodes.Values.Count, MaxExitCodes));
            }
        }
    }

    private enum ProbeKind { Liveness, Readiness, Startup }

    /// <summary>validateLivenessProbe / validateReadinessProbe / validateStartupProbe on a defaulted probe.</summary>
    private static void ValidateProbe(Context ctx, Probe? probe, FieldPath path, ProbeKind kind)
    {
        if (probe is null)
        {
            return;
        }

        ValidateHandler(ctx, probe.Handler, path, allowSleep: false, allowGrpc: true);
        NonNegative(ctx, probe.InitialDelaySeconds, path.Child("initialDelaySeconds"));
        NonNegative(ctx, probe.TimeoutSeconds, path.Child("timeoutSeconds"));
        NonNegative(ctx, probe.PeriodSeconds, path.Child("periodSeconds"));
        NonNegative(ctx, probe.SuccessThreshold, path.Child("successThreshold"));
        NonNegative(ctx, probe.FailureThreshold, path.Child("failureThreshold"));
        if (probe.TerminationGracePeriodSeconds is long tgp && tgp <= 0)
        {
            ctx.Add(FieldError.Invalid(path.Child("terminationGracePeriodSeconds"), tgp, "must be greater than 0"));
        }

        switch (kind)
        {
            case ProbeKind.Liveness:
            case ProbeKind.Startup:
                if (probe.SuccessThreshold != 1)
                {
                    ctx.Add(FieldError.Invalid(path.Child("successThreshold"), probe.SuccessThreshold, "must be 1"));
                }

                break;
            case ProbeKind.Readiness:
                if (probe.TerminationGracePeriodSeconds is long r)
                {
                    ctx.Add(FieldError.Invalid(path.Child("terminationGracePeriodSeconds"), r, "must not be set for readinessProbes"));
                }

                break;
        }
    }

    private static void NonNegative(Context ctx, int value, FieldPath path)
    {
        if (value < 0)
        {
            ctx.Add(FieldError.Invalid(path, (long)value, "must be greater than or equal to 0"));
        }
    }

    private static void ValidateLifecycle(Context ctx, Api.Lifecycle lifecycle, FieldPath path)
    {
        if (lifecycle.PostStart is not null)
        {
            ValidateHandler(ctx, lifecycle.PostStart, path.Child("postStart"), allowSleep: true, allowGrpc: false);
        }

        if (lifecycle.PreStop is not null)
        {
            ValidateHandler(ctx, lifecycle.PreStop, path.Child("preStop"), allowSleep: true, allowGrpc: false);
        }
    }

    /// <summary>validateHandler: exactly one action, in the order exec, httpGet, tcpSocket, grpc, sleep.</summary>
    private static void ValidateHandler(Context ctx, ProbeHandler h, FieldPath path, bool allowSleep, bool allowGrpc)
    {
        int count = 0;
        if (h.ExecCommand is { } cmd)
        {
            count++;
            if (cmd.IsEmpty)
            {
                ctx.Add(FieldError.Required(path.Child("exec").Child("command")));
            }
        }

        if (h.HttpGet is { } http)
        {
            if (count++ > 0)
            {
                ctx.Add(FieldError.Forbidden(path.Child("httpGet"), "may not specify more than 1 handler type"));
            }
            else
            {
                var hp = path.Child("httpGet");
                if (http.Path.Length == 0)
                {
                    ctx.Add(FieldError.Required(hp.Child("path")));
                }

                ValidatePortNumOrName(ctx, http.Port, hp.Child("port"));
                if (http.Scheme is not ("HTTP" or "HTTPS"))
                {
                    ctx.Add(FieldError.NotSupported(hp.Child("scheme"), http.Scheme, "HTTP", "HTTPS"));
                }
            }
        }

        if (h.TcpSocketPort is { } tcp)
        {
            if (count++ > 0)
            {
                ctx.Add(FieldError.Forbidden(path.Child("tcpSocket"), "may not specify more than 1 handler type"));
            }
            else
            {
                ValidatePortNumOrName(ctx, tcp, path.Child("tcpSocket").Child("port"));
            }
        }

        if (allowGrpc && h.GrpcPort is int grpc)
        {
            if (count++ > 0)
            {
                ctx.Add(FieldError.Forbidden(path.Child("grpc"), "may not specify more than 1 handler type"));
            }
            else
            {
                ValidatePortNumOrName(ctx, IntOrString.FromInt(grpc), path.Child("grpc").Child("port"));
            }
        }

        if (allowSleep && h.SleepSeconds is not null && count++ > 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("sleep"), "may not specify more than 1 handler type"));
        }

        if (count == 0)
        {
            ctx.Add(FieldError.Required(path, "must specify a handler type"));
        }
    }

    private static void ValidatePortNumOrName(Context ctx, IntOrString port, FieldPath path)
    {
        if (port.IsString)
        {
            foreach (string msg in NameRules.PortName(port.StringValue!))
            {
                ctx.Add(FieldError.Invalid(path, port.StringValue, msg));
            }
        }
        else if (NameRules.PortNumber(port.IntValue) is { } msg)
        {
            ctx.Add(FieldError.Invalid(path, port.IntValue, msg));
        }
    }
}
