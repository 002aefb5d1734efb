using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    private const string NonSidecarInitMessage = "may not be set for init containers without restartPolicy=Always";

    /// <summary>
    /// validateContainers: at least one container; per container the common checks, then the duplicate name
    /// (among regular containers only), lifecycle/probes, restartPolicy; host-port conflicts across all of them last.
    /// </summary>
    private static void ValidateContainers(Context ctx, PodSpec spec, HashSet<string> volumes, FieldPath path)
    {
        var containers = spec.Containers;
        RuleCoverage.Hit(ValidationRules.AtLeastOneContainer);
        if (containers.IsEmpty)
        {
            ctx.Add(FieldError.Required(path), ValidationRules.AtLeastOneContainer);
            return;
        }

        // Names seen so far: a scan of the earlier containers for the usual few, a set beyond (bounded cost either way).
        var names = containers.Count > SmallNameScan ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            var idx = path.Index(i);
            ValidateContainerCommon(ctx, c, spec, volumes, idx, isInit: false);

            RuleCoverage.Hit(ValidationRules.ContainerNameUnique);
            if (names is null ? NameBefore(containers, i, c.Name) : !names.Add(c.Name))
            {
                ctx.Add(FieldError.Duplicate(idx.Child("name"), c.Name), ValidationRules.ContainerNameUnique);
            }

            if (c.Lifecycle is not null)
            {
                ValidateLifecycle(ctx, c.Lifecycle, idx.Child("lifecycle"), spec.TerminationGracePeriodSeconds, spec.OS);
            }

            ValidateProbes(ctx, c, idx);

            if (ctx.ContainerRestartRules)
            {
                // KEP-5307 (1.34+): a regular container may override the pod's policy and carry rules.
                ValidateContainerRestartPolicy(ctx, c, idx);
            }
            else if (c.RestartPolicy is not null)
            {
                RuleCoverage.Hit(ValidationRules.RegularContainerRestartPolicy);
                ctx.Add(FieldError.Forbidden(idx.Child("restartPolicy"), "may not be set for non-init containers"), ValidationRules.RegularContainerRestartPolicy);
            }
        }

        CheckHostPortConflicts(ctx, containers, 0, containers.Count, path);
    }

    /// <summary>
    /// validateInitContainers: names must be unique among regular and earlier init containers (reported here,
    /// at the init container); host ports are checked per init container since they run one at a time.
    /// </summary>
    private static void ValidateInitContainers(Context ctx, PodSpec spec, HashSet<string> volumes, FieldPath path)
    {
        var inits = spec.InitContainers;
        HashSet<string>? names = null;
        if (spec.Containers.Count + inits.Count > SmallNameScan)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in spec.Containers)
            {
                names.Add(c.Name);
            }
        }

        for (int i = 0; i < inits.Count; i++)
        {
            var c = inits[i];
            var idx = path.Index(i);
            ValidateContainerCommon(ctx, c, spec, volumes, idx, isInit: true);

            bool restartAlways = false;
            if (ctx.ContainerRestartRules)
            {
                ValidateInitContainerRestartPolicy(ctx, c, idx);
                restartAlways = c.RestartPolicy == "Always";
            }
            else if (ctx.Sidecars && c.RestartPolicy is not null)
            {
                // Before ContainerRestartRules only sidecars (Always) may set it. Without the SidecarContainers
                // gate (1.28 default) the API server drops the field, so nothing is validated.
                if (c.RestartPolicy != "Always")
                {
                    ctx.Add(FieldError.NotSupported(idx.Child("restartPolicy"), GoValueText.NamedString(c.RestartPolicy, ctx.Version), "Always"), ValidationRules.ContainerRestartPolicy);
                }

                restartAlways = c.RestartPolicy == "Always";
            }

            // Taken: a regular container's name, or a non-empty name of an earlier init container.
            bool taken = names is null
                ? NameBefore(spec.Containers, spec.Containers.Count, c.Name) || (c.Name.Length > 0 && NameBefore(inits, i, c.Name))
                : names.Contains(c.Name);
            if (taken)
            {
                ctx.Add(FieldError.Duplicate(idx.Child("name"), c.Name), ValidationRules.ContainerNameUnique);
            }
            else if (c.Name.Length > 0)
            {
                names?.Add(c.Name);
            }

            CheckHostPortConflicts(ctx, inits, i, i + 1, path);

            if (restartAlways)
            {
                if (c.Lifecycle is not null)
                {
                    ValidateLifecycle(ctx, c.Lifecycle, idx.Child("lifecycle"), spec.TerminationGracePeriodSeconds, spec.OS);
                }

                ValidateProbes(ctx, c, idx);
            }
            else
            {
                using var _ = ctx.Rule(ValidationRules.InitProbesAndLifecycle);
                if (c.Lifecycle is not null)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("lifecycle"), NonSidecarInitMessage));
                }

                if (c.LivenessProbe is not null)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("livenessProbe"), NonSidecarInitMessage));
                }

                if (c.ReadinessProbe is not null)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("readinessProbe"), NonSidecarInitMessage));
                }

                if (c.StartupProbe is not null)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("startupProbe"), NonSidecarInitMessage));
                }
            }

            // 1.28–1.32 (gate on; off, the create strategy drops the field): any resizePolicy on an init container is
            // refused whole. 1.32 skips it under AllowSidecarResizePolicy, which a create never sets; 1.33 sets it from the gate.
            if (ctx.InPlaceResize && ctx.Version < InitResizePolicyAllowedSince && !c.ResizePolicy.IsEmpty)
            {
                ctx.Add(FieldError.Invalid(idx.Child("resizePolicy"), GoValues.ResizePolicies(c.ResizePolicy, ctx.Version), "must not be set for init containers"), ValidationRules.ResizePolicy);
            }

            // 1.36+: a non-sidecar init container may not ask for a restart on resize (VAL-044); the option that
            // exempts one is for pods that already have it, never set on a create.
            if (!restartAlways && ctx.InPlaceResize && ctx.Version >= ResizeWordingSince)
            {
                for (int j = 0; j < c.ResizePolicy.Count; j++)
                {
                    if (c.ResizePolicy[j].RestartPolicy == "RestartContainer")
                    {
                        ctx.Add(FieldError.Invalid(idx.Child("resizePolicy").Index(j).Child("restartPolicy"), GoValueText.NamedString("RestartContainer", ctx.Version), "must not be set to 'RestartContainer' for non-sidecar initContainers"), ValidationRules.ResizePolicy);
                    }
                }
            }
        }
    }

    /// <summary>The three probes of a container (regular or sidecar), in upstream order; an unset probe builds no path.</summary>
    private static void ValidateProbes(Context ctx, Container c, FieldPath idx)
    {
        if (c.LivenessProbe is not null)
        {
            ValidateProbe(ctx, c.LivenessProbe, idx.Child("livenessProbe"), ProbeKind.Liveness);
        }

        if (c.ReadinessProbe is not null)
        {
            ValidateProbe(ctx, c.ReadinessProbe, idx.Child("readinessProbe"), ProbeKind.Readiness);
        }

        if (c.StartupProbe is not null)
        {
            ValidateProbe(ctx, c.StartupProbe, idx.Child("startupProbe"), ProbeKind.Startup);
        }
    }

    /// <summary>
    /// The first release whose create lets an init container carry resizePolicy (AllowSidecarResizePolicy from the gate):
    /// validateInitContainers in the validation.go vendored by ceph/ceph-csi (v1.28.0 cd9cbbb8b7 … v1.31.0 248d57d237, no
    /// option) and openshift-kni/scheduler-plugins (v1.32.5 694896ee75, the option; 0c967825a v1.33.3, set from the gate); the
    /// create's util.go sets the option from InPlacePodVerticalScaling from v1.33.3 (openshift/openshift-apiserver cd1ea2cd7;
    /// at v1.32.1, 3c98e7c6d, only an old pod sets it).
    /// </summary>
    private static readonly KubernetesVersion InitResizePolicyAllowedSince = new(1, 33);

    /// <summary>
    /// The first release whose validateResizePolicy refuses a restarting policy in a pod with restartPolicy Never (absent from
    /// v1.28.0's validation.go, ceph/ceph-csi cd9cbbb8b7; present from v1.29.0, a6f7fef301).
    /// </summary>
    private static readonly KubernetesVersion ResizePolicyNeverCheckSince = new(1, 29);

    /// <summary>The release whose validateResizePolicy says "pod `restartPolicy`" and checks non-sidecar init containers (VAL-044).</summary>
    private static readonly KubernetesVersion ResizeWordingSince = new(1, 36);

    /// <summary>Up to this many containers, names are checked for uniqueness by scanning instead of with a set.</summary>
    private const int SmallNameScan = 16;

    /// <summary>Whether one of the first <paramref name="count"/> containers has this name.</summary>
    private static bool NameBefore(ValueList<Container> containers, int count, string name)
    {
        for (int k = 0; k < count; k++)
        {
            if (string.Equals(containers[k].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// validateEphemeralContainers: common checks, a name unique across all three lists, an existing
    /// non-ephemeral target, and the fields an ephemeral container may not set.
    /// </summary>
    private static void ValidateEphemeralContainers(Context ctx, PodSpec spec, HashSet<string> volumes, FieldPath path)
    {
        var ephemerals = spec.EphemeralContainers;
        if (ephemerals.IsEmpty)
        {
            return;
        }

        var other = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in spec.Containers)
        {
            other.Add(c.Name);
        }

        foreach (var c in spec.InitContainers)
        {
            other.Add(c.Name);
        }

        var all = new HashSet<string>(other, StringComparer.Ordinal);
        for (int i = 0; i < ephemerals.Count; i++)
        {
            var c = ephemerals[i];
            var idx = path.Index(i);
            ValidateContainerCommon(ctx, c, spec, volumes, idx, isInit: false);
            ValidateContainerOnlyForPod(ctx, c, idx);

            if (!all.Add(c.Name))
            {
                ctx.Add(FieldError.Duplicate(idx.Child("name"), c.Name), ValidationRules.ContainerNameUnique);
            }

            if (c.TargetContainerName.Length != 0 && !other.Contains(c.TargetContainerName))
            {
                ctx.Add(FieldError.NotFound(idx.Child("targetContainerName"), c.TargetContainerName), ValidationRules.ContainerNameUnique);
            }

            // validateFieldAllowList, in the struct's field order. "Set" is reflect.DeepEqual with the zero value, so an
            // explicit empty list (`ports: []`, a non-nil slice; the *GivenEmpty marks) is set too.
            using var _ = ctx.Rule(ValidationRules.EphemeralContainers);
            const string notForEphemeral = "cannot be set for an Ephemeral Container";
            if (!c.Ports.IsEmpty || c.PortsGivenEmpty)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("ports"), notForEphemeral));
            }

            // Go compares the whole struct with its zero value (reflect.DeepEqual): claims, even `claims: []`, and an empty
            // but non-nil `limits: {}` / `requests: {}` set it too.
            if (c.Resources.IsSetInGo())
            {
                ctx.Add(FieldError.Forbidden(idx.Child("resources"), notForEphemeral));
            }

            if (!c.ResizePolicy.IsEmpty || c.ResizePolicyGivenEmpty)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("resizePolicy"), notForEphemeral));
            }

            if (c.RestartPolicy is not null)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("restartPolicy"), notForEphemeral));
            }

            if (!c.RestartPolicyRules.IsEmpty || c.RestartPolicyRulesGivenEmpty)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("restartPolicyRules"), notForEphemeral));
            }

            if (c.LivenessProbe is not null)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("livenessProbe"), notForEphemeral));
            }

            if (c.ReadinessProbe is not null)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("readinessProbe"), notForEphemeral));
            }

            if (c.StartupProbe is not null)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("startupProbe"), notForEphemeral));
            }

            if (c.Lifecycle is not null)
            {
                ctx.Add(FieldError.Forbidden(idx.Child("lifecycle"), notForEphemeral));
            }

            for (int m = 0; m < c.VolumeMounts.Count; m++)
            {
                var vm = c.VolumeMounts[m];
                if (vm.SubPath.Length != 0)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("volumeMounts").Index(m).Child("subPath"), notForEphemeral));
                }

                if (vm.SubPathExpr.Length != 0)
                {
                    ctx.Add(FieldError.Forbidden(idx.Child("volumeMounts").Index(m).Child("subPathExpr"), notForEphemeral));
                }
            }
        }
    }

    /// <summary>validateContainerCommon, in upstream order: name, image, terminationMessagePolicy, ports, env, envFrom, mounts, pull policy, resources, resizePolicy.</summary>
    /// <remarks>
    /// Hot (every container of every admitted pod): a list or field the container leaves empty costs an emptiness test,
    /// never a field path; a check whose rule scope would have been entered for an empty list still hits its rule.
    /// </remarks>
    private static void ValidateContainerCommon(Context ctx, Container c, PodSpec spec, HashSet<string> volumes, FieldPath path, bool isInit)
    {
        RuleCoverage.Hit(ValidationRules.ContainerName);
        RuleCoverage.Hit(ValidationRules.ContainerNameDots);
        RuleCoverage.Hit(ValidationRules.Image);
        RuleCoverage.Hit(ValidationRules.ContainerPolicies);
        if (c.Name.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("name")), ValidationRules.ContainerName);
        }
        else
        {
            foreach (string msg in NameRules.Dns1123Label(c.Name, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Child("name"), c.Name, msg),
                    string.Equals(msg, NameRules.DnsLabelDotsMessage, StringComparison.Ordinal) ? ValidationRules.ContainerNameDots : ValidationRules.ContainerName);
            }
        }

        if (c.Image.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("image")), ValidationRules.Image);
        }

        switch (c.TerminationMessagePolicy)
        {
            case "File":
            case "FallbackToLogsOnError":
                break;
            case "":
                ctx.Add(FieldError.Required(path.Child("terminationMessagePolicy")), ValidationRules.ContainerPolicies);
                break;
            default:
                ctx.Add(FieldError.NotSupported(path.Child("terminationMessagePolicy"), GoValueText.NamedString(c.TerminationMessagePolicy, ctx.Version), "File", "FallbackToLogsOnError"), ValidationRules.ContainerPolicies);
                break;
        }

        if (!c.Ports.IsEmpty)
        {
            ValidateContainerPorts(ctx, c.Ports, path.Child("ports"));
        }

        if (!c.Env.IsEmpty)
        {
            ValidateEnv(ctx, c.Env, path.Child("env"));
        }

        if (!c.EnvFrom.IsEmpty)
        {
            ValidateEnvFrom(ctx, c.EnvFrom, path.Child("envFrom"));
        }
        else
        {
            RuleCoverage.Hit(ValidationRules.EnvFrom);
        }

        if (!c.VolumeMounts.IsEmpty)
        {
            ValidateVolumeMounts(ctx, c, volumes, path.Child("volumeMounts"));
        }

        if (!c.VolumeDevices.IsEmpty)
        {
            ValidateVolumeDevices(ctx, c, path.Child("volumeDevices"));
        }

        switch (c.ImagePullPolicy)
        {
            case "Always":
            case "IfNotPresent":
            case "Never":
                break;
            case "":
                ctx.Add(FieldError.Required(path.Child("imagePullPolicy")), ValidationRules.ContainerPolicies);
                break;
            default:
                // sets.List order: sorted.
                ctx.Add(FieldError.NotSupported(path.Child("imagePullPolicy"), GoValueText.NamedString(c.ImagePullPolicy, ctx.Version), "Always", "IfNotPresent", "Never"), ValidationRules.ContainerPolicies);
                break;
        }

        var resources = c.Resources;
        if (!resources.Limits.IsEmpty || !resources.Requests.IsEmpty || !resources.Claims.IsEmpty)
        {
            // Empty limits and requests check (and hit) nothing, nor do empty claims.
            var resourcesPath = path.Child("resources");
            ValidateResourceRequirements(ctx, resources.Limits, resources.Requests, resourcesPath, podLevel: false);
            if (!resources.Claims.IsEmpty)
            {
                ValidateResourceClaimNames(ctx, resources.Claims, resourcesPath.Child("claims"));
            }
        }

        // Without InPlacePodVerticalScaling the API server drops resizePolicy before validation.
        if (ctx.InPlaceResize)
        {
            if (!c.ResizePolicy.IsEmpty)
            {
                ValidateResizePolicy(ctx, c.ResizePolicy, spec.RestartPolicy, path.Child("resizePolicy"));
            }
            else
            {
                RuleCoverage.Hit(ValidationRules.ResizePolicy);
            }
        }

        if (c.SecurityContext is not null)
        {
            // hostUsers is true unless set to false (and kept: UserNamespacesSupport drops it otherwise).
            ValidateContainerSecurityContext(ctx, c.SecurityContext, path.Child("securityContext"), spec.HostUsers != false || !ctx.UserNamespacesSupport);
        }

        _ = isInit;
    }

    /// <summary>
    /// validateResizePolicy: each resource once, cpu or memory, policy NotRequired or RestartContainer;
    /// with pod restartPolicy Never only NotRequired. Several errors are reported at the list path, as upstream.
    /// </summary>
    private static void ValidateResizePolicy(Context ctx, ValueList<ContainerResizePolicy> policies, string podRestartPolicy, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.ResizePolicy);
        HashSet<string>? seen = null;
        for (int i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(p.ResourceName))
            {
                ctx.Add(FieldError.Duplicate(path.Index(i), GoValueText.ResourceName(p.ResourceName, ctx.Version)));
            }

            switch (p.ResourceName)
            {
                case "cpu":
                case "memory":
                    break;
                case "":
                    ctx.Add(FieldError.Required(path));
                    break;
                default:
                    ctx.Add(FieldError.NotSupported(path, GoValueText.ResourceName(p.ResourceName, ctx.Version), "cpu", "memory"));
                    break;
            }

            switch (p.RestartPolicy)
            {
                case "NotRequired":
                case "RestartContainer":
                    break;
                case "":
                    ctx.Add(FieldError.Required(path));
                    break;
                default:
                    ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(p.RestartPolicy, ctx.Version), "NotRequired", "RestartContainer"));
                    break;
            }

            if (podRestartPolicy == "Never" && p.RestartPolicy != "NotRequired" && ctx.Version >= ResizePolicyNeverCheckSince)
            {
                ctx.Add(FieldError.Invalid(path, GoValueText.NamedString(p.RestartPolicy, ctx.Version), ctx.Version >= ResizeWordingSince
                    ? "must be 'NotRequired' when pod `restartPolicy` is 'Never'"
                    : "must be 'NotRequired' when `restartPolicy` is 'Never'"));
            }
        }
    }

    /// <summary>validateContainerOnlyForPod: the image may not carry leading or trailing whitespace.</summary>
    private static void ValidateContainersOnlyForPod(Context ctx, ValueList<Container> containers, FieldPath path)
    {
        for (int i = 0; i < containers.Count; i++)
        {
            ValidateContainerOnlyForPod(ctx, containers[i], path.Index(i));
        }
    }

    private static void ValidateContainerOnlyForPod(Context ctx, Container c, FieldPath path)
    {
        string image = c.Image;
        if (image.Length != 0 && (char.IsWhiteSpace(image[0]) || char.IsWhiteSpace(image[^1])))
        {
            ctx.Add(FieldError.Invalid(path.Child("image"), image, "must not have leading or trailing whitespace"), ValidationRules.Image);
        }
    }
}
