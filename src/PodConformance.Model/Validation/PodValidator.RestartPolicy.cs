using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    /// <summary>Upstream caps the rules per container (KEP-5307).</summary>
    private const int MaxRestartRules = 20;

    /// <summary>Upstream caps the exit codes per rule (the API documents "At most 255 elements").</summary>
    private const int MaxExitCodes = 255;

    /// <summary>
    /// The first release whose validateContainerRestartPolicy reports the two limits as <c>field.TooMany</c> and lists the
    /// actions the option allows (v1.36.3, OpenShift's fork as carried by openshift/microshift ab25d114; U37 the same); the
    /// release copies v1.34.1, v1.35.0 and v1.35.7 still call <c>field.TooLong(path, list, max)</c> and pass the set
    /// without RestartAllContainers to the NotSupported.
    /// </summary>
    private static readonly KubernetesVersion RestartRuleLimitsTooManySince = new(1, 36);

    /// <summary>From 1.36 a bad action's NotSupported lists <c>sets.List(allowedActions)</c>, the set the option allows.</summary>
    private static readonly KubernetesVersion BadActionListsAllowedSetSince = new(1, 36);

    /// <summary>
    /// Container-level restartPolicy and restartPolicyRules under ContainerRestartRules (1.34 alpha, 1.35 beta), as
    /// validateContainerRestartPolicy at v1.34.1 and v1.35.0 (spec VAL-041): a policy outside Always/Never/OnFailure is
    /// NotSupported with <c>sets.List</c> of the set (sorted: "Always", "Never", "OnFailure"); rules need an explicit
    /// policy; at most 20 rules and 255 exit codes (TooLong before 1.36, TooMany from 1.36); the action must be Restart
    /// (or RestartAllContainers with that option), and a bad one lists the allowed set — before 1.36 only "Restart" even
    /// when the option allows RestartAllContainers (1.35 passes the set without it); exitCodes required, operator In or
    /// NotIn.
    /// </summary>
    private static void ValidateContainerRestartPolicy(Context ctx, Container c, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.ContainerRestartPolicy);
        if (c.RestartPolicy is null)
        {
            if (!c.RestartPolicyRules.IsEmpty)
            {
                ctx.Add(FieldError.Required(path.Child("restartPolicy"), "must specify restartPolicy when restart rules are used"));
            }
        }
        else if (c.RestartPolicy is not ("Always" or "OnFailure" or "Never"))
        {
            ctx.Add(FieldError.NotSupported(path.Child("restartPolicy"), GoValueText.NamedString(c.RestartPolicy, ctx.Version), "Always", "Never", "OnFailure"));
        }

        if (c.RestartPolicyRules.IsEmpty)
        {
            // Most containers: nothing below can fail, and no path is built.
            return;
        }

        var rulesPath = path.Child("restartPolicyRules");
        bool tooMany = ctx.Version >= RestartRuleLimitsTooManySince;
        if (c.RestartPolicyRules.Count > MaxRestartRules)
        {
            ctx.Add(tooMany ? FieldError.TooMany(rulesPath, c.RestartPolicyRules.Count, MaxRestartRules) : FieldError.TooLong(rulesPath, MaxRestartRules));
        }

        for (int i = 0; i < c.RestartPolicyRules.Count; i++)
        {
            var rule = c.RestartPolicyRules[i];
            var rulePath = rulesPath.Index(i);
            bool actionOk = rule.Action == "Restart" || (ctx.RestartAllContainers && rule.Action == "RestartAllContainers");
            if (!actionOk)
            {
                var action = GoValueText.NamedString(rule.Action, ctx.Version);
                ctx.Add(ctx.RestartAllContainers && ctx.Version >= BadActionListsAllowedSetSince
                    ? FieldError.NotSupported(rulePath.Child("action"), action, "Restart", "RestartAllContainers")
                    : FieldError.NotSupported(rulePath.Child("action"), action, "Restart"));
            }

            if (rule.ExitCodes is null)
            {
                ctx.Add(FieldError.Required(rulePath.Child("exitCodes"), "must be specified"));
                continue;
            }

            var exitPath = rulePath.Child("exitCodes");
            if (rule.ExitCodes.Operator is not ("In" or "NotIn"))
            {
                ctx.Add(FieldError.NotSupported(exitPath.Child("operator"), GoValueText.NamedString(rule.ExitCodes.Operator, ctx.Version), "In", "NotIn"));
            }

            if (rule.ExitCodes.Values.Count > MaxExitCodes)
            {
                var valuesPath = exitPath.Child("values");
                ctx.Add(tooMany ? FieldError.TooMany(valuesPath, rule.ExitCodes.Values.Count, MaxExitCodes) : FieldError.TooLong(valuesPath, MaxExitCodes));
            }
        }
    }

    /// <summary>validateInitContainerRestartPolicy's ContainerRestartRules branch (1.35: required-policy check added).</summary>
    private static readonly KubernetesVersion InitRestartRulesRequirePolicySince = new(1, 35);

    /// <summary>
    /// validateInitContainerRestartPolicy with ContainerRestartRules on (VAL-041): no policy → nothing, but from 1.35 rules
    /// without a policy are Required; a sidecar (Always) may carry rules only with RestartAllContainers (1.35+ option),
    /// else they are Forbidden; any other policy is checked as a regular container's.
    /// </summary>
    private static void ValidateInitContainerRestartPolicy(Context ctx, Container c, FieldPath path)
    {
        if (c.RestartPolicy is null)
        {
            if (!c.RestartPolicyRules.IsEmpty && ctx.Version >= InitRestartRulesRequirePolicySince)
            {
                ctx.Add(FieldError.Required(path.Child("restartPolicy"), "must specify restartPolicy when restart rules are used"), ValidationRules.ContainerRestartPolicy);
            }

            return;
        }

        if (c.RestartPolicy == "Always" && !ctx.RestartAllContainers)
        {
            if (!c.RestartPolicyRules.IsEmpty)
            {
                ctx.Add(FieldError.Forbidden(path.Child("restartPolicyRules"), "restartPolicyRules are not allowed for init containers with restart policy Always"), ValidationRules.ContainerRestartPolicy);
            }

            return;
        }

        ValidateContainerRestartPolicy(ctx, c, path);
    }

    private enum ProbeKind { Liveness, Readiness, Startup }

    /// <summary>validateLivenessProbe / validateReadinessProbe / validateStartupProbe on a defaulted probe.</summary>
    private static void ValidateProbe(Context ctx, Probe? probe, FieldPath path, ProbeKind kind)
    {
        if (probe is null)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.ProbeAndHandlerFields);

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

    /// <summary>validateLifecycle: postStart, preStop, then (1.33+) stopSignal (VAL-048).</summary>
    private static void ValidateLifecycle(Context ctx, Lifecycle lifecycle, FieldPath path, long? gracePeriod, PodOS? os)
    {
        using var _ = ctx.Rule(ValidationRules.ProbeAndHandlerFields);
        if (lifecycle.PostStart is not null)
        {
            ValidateHandler(ctx, lifecycle.PostStart, path.Child("postStart"), allowSleep: true, allowGrpc: false, gracePeriod);
        }

        if (lifecycle.PreStop is not null)
        {
            ValidateHandler(ctx, lifecycle.PreStop, path.Child("preStop"), allowSleep: true, allowGrpc: false, gracePeriod);
        }

        if (lifecycle.StopSignal is { } stopSignal)
        {
            ValidateStopSignal(ctx, stopSignal, os, path.Child("stopSignal"));
        }
    }

    /// <summary>validateHandler: exactly one action, in the order exec, httpGet, tcpSocket, grpc, sleep.</summary>
    private static void ValidateHandler(Context ctx, ProbeHandler h, FieldPath path, bool allowSleep, bool allowGrpc, long? gracePeriod = null)
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
                    ctx.Add(FieldError.NotSupported(hp.Child("scheme"), GoValueText.NamedString(http.Scheme, ctx.Version), "HTTP", "HTTPS"));
                }

                ValidateHttpHeaderNames(ctx, http.HTTPHeaders, hp.Child("httpHeaders"));
                // Without H2CContainerProbe the field has been dropped before validation (ADM-096).
                if (http.Protocol is { } protocol)
                {
                    ValidateHttpGetProtocol(ctx, protocol, http, hp);
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
                // Without GRPCContainerProbeTLS the field has been dropped before validation (ADM-096).
                if (h.GrpcMode is { } mode)
                {
                    using var _ = ctx.Rule(ValidationRules.GrpcMode);
                    if (Array.IndexOf(GrpcProbeModes, mode) < 0)
                    {
                        ctx.Add(FieldError.NotSupported(path.Child("grpc").Child("mode"), GoValues.NamedString(mode, ctx.Version), GrpcProbeModes));
                    }
                }
            }
        }

        // With PodLifecycleSleepAction off (1.29 default) the create strategy drops the sleep action, so it is no handler.
        if (allowSleep && h.SleepSeconds is long sleep && !GateRegisteredAndOff(ctx, FeatureGateNames.PodLifecycleSleepAction))
        {
            if (count++ > 0)
            {
                ctx.Add(FieldError.Forbidden(path.Child("sleep"), "may not specify more than 1 handler type"));
            }
            else
            {
                ValidateSleepAction(ctx, sleep, gracePeriod, path.Child("sleep"));
            }
        }

        if (count == 0)
        {
            ctx.Add(FieldError.Required(path, "must specify a handler type"));
        }
    }

    /// <summary>supportedHTTPProtocols and supportedGRPCProbeModes as sets.List prints them (sorted).</summary>
    private static readonly string[] HttpProtocols = ["HTTP1", "HTTP2"];

    private static readonly string[] GrpcProbeModes = ["Plaintext", "TLS"];

    /// <summary>
    /// The protocol part of validateHTTPGetAction (VAL-707), after the header names: not HTTP1/HTTP2 → NotSupported;
    /// else HTTP2 needs scheme HTTP (h2c only) and an empty host — the first failing of these three, one error at most.
    /// </summary>
    private static void ValidateHttpGetProtocol(Context ctx, string protocol, HttpGetAction http, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.HttpGetProtocol);
        if (Array.IndexOf(HttpProtocols, protocol) < 0)
        {
            ctx.Add(FieldError.NotSupported(path.Child("protocol"), GoValues.NamedString(protocol, ctx.Version), HttpProtocols));
        }
        else if (protocol == "HTTP2" && http.Scheme != "HTTP")
        {
            ctx.Add(FieldError.Invalid(path.Child("protocol"), GoValues.NamedString(protocol, ctx.Version), "is only supported with HTTP (H2C)"));
        }
        else if (protocol == "HTTP2" && http.Host.Length > 0)
        {
            ctx.Add(FieldError.Invalid(path.Child("host"), http.Host, "must be empty when `protocol` is \"HTTP2\""));
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

    /// <summary>The release from which validateSleepAction takes PodValidationOptions and names the zero-sleep gate.</summary>
    private static readonly KubernetesVersion SleepZeroOptionSince = new(1, 32);

    /// <summary>
    /// validateSleepAction (VAL-047), with the pod's grace period (defaulted to 30 on create): 1–grace seconds, or 0–grace
    /// when PodLifecycleSleepActionAllowZero is on (AllowPodLifecycleSleepActionZeroValue on create); from 1.32 the
    /// message without the option also names the option.
    /// </summary>
    private static void ValidateSleepAction(Context ctx, long seconds, long? gracePeriod, FieldPath path)
    {
        if (gracePeriod is not long grace)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.SleepAction);
        string grace10 = grace.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bool allowZero = ctx.Version >= SleepZeroOptionSince && ctx.Profile.IsEnabled(FeatureGateNames.PodLifecycleSleepActionAllowZero);
        if (allowZero)
        {
            if (seconds < 0 || seconds > grace)
            {
                ctx.Add(FieldError.Invalid(path, seconds, "must be non-negative and less than terminationGracePeriodSeconds (" + grace10 + ")"));
            }
        }
        else if (seconds <= 0 || seconds > grace)
        {
            string detail = "must be greater than 0 and less than terminationGracePeriodSeconds (" + grace10 + ")";
            if (ctx.Version >= SleepZeroOptionSince)
            {
                detail += ". Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.";
            }

            ctx.Add(FieldError.Invalid(path, seconds, detail));
        }
    }

    /// <summary>
    /// validateHTTPGetAction's last check (VAL-046): each header name matches <c>[-A-Za-z0-9]+</c> (apimachinery
    /// IsHTTPHeaderName), reported at the unindexed <c>httpHeaders</c>.
    /// </summary>
    private static void ValidateHttpHeaderNames(Context ctx, ValueList<HTTPHeader> headers, FieldPath path)
    {
        if (headers.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HttpHeaderNames);
        for (int i = 0; i < headers.Count; i++)
        {
            string name = headers[i].Name;
            if (!IsHttpHeaderName(name))
            {
                ctx.Add(FieldError.Invalid(path, name,
                    "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
            }
        }
    }

    private static bool IsHttpHeaderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c == '-' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The gate is registered in the profile's release and off: the create strategy drops its fields.</summary>
    private static bool GateRegisteredAndOff(Context ctx, string gate) =>
        ctx.Profile.IsGateOff(gate);
}
