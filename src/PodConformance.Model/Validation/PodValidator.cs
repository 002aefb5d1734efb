using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// Create-time validation of a Pod as the API server runs it (<c>ValidatePodCreate</c> in
/// kubernetes <c>pkg/apis/core/validation/validation.go</c>), restricted to the fields the model knows.
/// The pod must already be defaulted: validating an undefaulted pod reports Required for the fields
/// defaulting fills (imagePullPolicy, terminationMessagePolicy, restartPolicy, dnsPolicy…), as upstream does.
/// </summary>
/// <remarks>
/// Errors come in Kubernetes' append order. Where upstream iterates a Go map (resource lists, labels) its order
/// is random; the model uses ordinal key order instead. See spec/validation.md.
/// </remarks>
public static partial class PodValidator
{
    private static readonly FieldPath MetadataPath = FieldPath.Root("metadata");
    private static readonly FieldPath SpecPath = FieldPath.Root("spec");

    public static ValidationResult Validate(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        var ctx = new Context(profile);

        ValidateObjectMeta(ctx, pod.Metadata);
        ValidateSecurityAnnotations(ctx, pod);
        ValidatePodSpec(ctx, pod.Spec);

        // validateContainersOnlyForPod: checks a Pod (not a template) gets after its spec.
        ValidateContainersOnlyForPod(ctx, pod.Spec.Containers, SpecPath.Child("containers"));
        ValidateContainersOnlyForPod(ctx, pod.Spec.InitContainers, SpecPath.Child("initContainers"));

        // ValidatePodCreate's own checks.
        if (!pod.Spec.EphemeralContainers.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("ephemeralContainers"), "cannot be set on create"), ValidationRules.EphemeralContainers);
        }

        if (pod.Spec.NodeName.Length != 0 && !pod.Spec.SchedulingGates.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("nodeName"), "cannot be set until all schedulingGates have been cleared"), ValidationRules.PodSpecFields);
        }

        ValidateSecurityAnnotationsMatchFields(ctx, pod);

        return ctx.Result();
    }

    /// <summary>The profile's answers, resolved once per call, and the growing error list.</summary>
    private sealed class Context(Profile profile)
    {
        private List<FieldError>? _errors;

        public KubernetesVersion Version { get; } = profile.Version;

        public bool Sidecars { get; } = profile.IsEnabled(FeatureGateNames.SidecarContainers);

        public bool PodLevelResources { get; } = profile.IsEnabled(FeatureGateNames.PodLevelResources);

        public bool ContainerRestartRules { get; } = profile.IsEnabled(FeatureGateNames.ContainerRestartRules);

        public bool RestartAllContainers { get; } = profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits);

        public bool RelaxedEnvNames { get; } = profile.IsEnabled(FeatureGateNames.RelaxedEnvironmentVariableValidation);

        public bool InPlaceResize { get; } = profile.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling);

        // Security gates (PodValidator.Security*.cs): resolved on first use, so pods without these fields pay nothing.
        private bool? _userNamespaces;
        private bool? _userNamespacesHostNetwork;
        private bool? _procMountType;
        private bool? _supplementalGroupsPolicy;
        private bool? _seLinuxChangePolicy;
        private bool? _seLinuxMount;
        private bool? _appArmorFields;

        public bool UserNamespacesSupport => _userNamespaces ??= profile.IsEnabled(FeatureGateNames.UserNamespacesSupport);

        public bool UserNamespacesHostNetworkSupport => _userNamespacesHostNetwork ??= profile.IsEnabled(FeatureGateNames.UserNamespacesHostNetworkSupport);

        public bool ProcMountType => _procMountType ??= profile.IsEnabled(FeatureGateNames.ProcMountType);

        public bool SupplementalGroupsPolicy => _supplementalGroupsPolicy ??= profile.IsEnabled(FeatureGateNames.SupplementalGroupsPolicy);

        public bool SELinuxChangePolicy => _seLinuxChangePolicy ??= profile.IsEnabled(FeatureGateNames.SELinuxChangePolicy);

        public bool SELinuxMount => _seLinuxMount ??= profile.IsEnabled(FeatureGateNames.SELinuxMount);

        /// <summary>The AppArmor fields are kept (1.30+, both AppArmor gates on; the gates are gone, GA, from 1.33).</summary>
        public bool AppArmorFields => _appArmorFields ??= SecurityGates.AppArmorFieldsKept(profile);

        private bool? _appArmorAnnotations;

        public bool AppArmorAnnotations => _appArmorAnnotations ??= SecurityGates.AppArmorAnnotationsKept(profile);

        public int Count => _errors?.Count ?? 0;

        /// <summary>The spec rule stamped on errors added without an explicit one (see <see cref="Rule"/>).</summary>
        public string CurrentRule { get; private set; } = "";

        /// <summary>
        /// Makes <paramref name="rule"/> the current rule until the returned scope is disposed, which restores the
        /// enclosing one: <c>using var _ = ctx.Rule(ValidationRules.X);</c> at the top of the method that owns rule X.
        /// </summary>
        public RuleScope Rule(string rule)
        {
            var scope = new RuleScope(this, CurrentRule);
            CurrentRule = rule;
            return scope;
        }

        /// <summary>Adds the error under the current rule.</summary>
        public void Add(FieldError error) => Add(error, CurrentRule);

        /// <summary>Adds the error under <paramref name="rule"/>, for a check inside a method that owns another rule.</summary>
        public void Add(FieldError error, string rule) => (_errors ??= []).Add(error with { Rule = rule });

        public readonly struct RuleScope(Context ctx, string previous) : IDisposable
        {
            public void Dispose() => ctx.CurrentRule = previous;
        }

        public ValidationResult Result() => _errors is null ? ValidationResult.Valid : new ValidationResult(new ValueList<FieldError>(_errors));
    }

    /// <summary>ValidateObjectMeta for a namespaced object whose name is a DNS subdomain.</summary>
    private static void ValidateObjectMeta(Context ctx, ObjectMeta meta)
    {
        using var _ = ctx.Rule(ValidationRules.ObjectMeta);
        if (meta.GenerateName.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(meta.GenerateName, prefix: true))
            {
                ctx.Add(FieldError.Invalid(MetadataPath.Child("generateName"), meta.GenerateName, msg));
            }
        }

        if (meta.Name.Length == 0)
        {
            ctx.Add(FieldError.Required(MetadataPath.Child("name"), "name or generateName is required"));
        }
        else
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(meta.Name, prefix: false))
            {
                ctx.Add(FieldError.Invalid(MetadataPath.Child("name"), meta.Name, msg));
            }
        }

        // The API server fills an empty namespace from the request before validating, so an empty one is
        // the model's "not known yet", not an error (VAL-003).
        if (meta.Namespace.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsLabel(meta.Namespace, prefix: false, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(MetadataPath.Child("namespace"), meta.Namespace, msg));
            }
        }

        var labelsPath = MetadataPath.Child("labels");
        foreach (var (key, value) in meta.Labels)
        {
            foreach (string msg in NameRules.QualifiedName(key))
            {
                ctx.Add(FieldError.Invalid(labelsPath, key, msg));
            }

            foreach (string msg in NameRules.LabelValue(value))
            {
                ctx.Add(FieldError.Invalid(labelsPath.Key(key), value, msg));
            }
        }

        var annotationsPath = MetadataPath.Child("annotations");
        long total = 0;
        foreach (var (key, value) in meta.Annotations)
        {
            foreach (string msg in NameRules.QualifiedName(key.ToLowerInvariant()))
            {
                ctx.Add(FieldError.Invalid(annotationsPath, key, msg));
            }

            total += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value);
        }

        const int totalAnnotationSizeLimit = 256 * 1024;
        if (total > totalAnnotationSizeLimit)
        {
            ctx.Add(FieldError.TooLong(annotationsPath, totalAnnotationSizeLimit));
        }
    }

    /// <summary>ValidatePodSpec, in upstream order, for the fields the model has.</summary>
    private static void ValidatePodSpec(Context ctx, PodSpec spec)
    {
        if (spec.TerminationGracePeriodSeconds is null)
        {
            ctx.Add(FieldError.Required(SpecPath.Child("terminationGracePeriodSeconds")), ValidationRules.PodSpecFields);
        }

        var volumeNames = ValidateVolumes(ctx, spec.Volumes, SpecPath.Child("volumes"));

        ValidateContainers(ctx, spec, volumeNames, SpecPath.Child("containers"));
        ValidateInitContainers(ctx, spec, volumeNames, SpecPath.Child("initContainers"));
        ValidateEphemeralContainers(ctx, spec, volumeNames, SpecPath.Child("ephemeralContainers"));

        // A disabled gate makes the API server drop spec.resources before validation.
        if (ctx.PodLevelResources && spec.Resources is not null)
        {
            ValidatePodResources(ctx, spec, SpecPath.Child("resources"));
        }

        ValidateHostNetworkDeps(ctx, spec);
        ValidateRestartPolicy(ctx, spec.RestartPolicy, SpecPath.Child("restartPolicy"));
        ValidateDnsPolicy(ctx, spec.DnsPolicy, SpecPath.Child("dnsPolicy"));
        ValidatePodSpecFields(ctx, spec);

        if (!spec.Overhead.IsEmpty)
        {
            // validateOverhead (VAL-035) reuses the container rules on a limits-only requirement, so its errors
            // carry the rule of the check that failed (VAL-030/031/034).
            ValidateResourceRequirements(ctx, spec.Overhead, ValueMap<Quantities.Quantity>.Empty, SpecPath.Child("overhead"), podLevel: false);
        }

        ValidateOs(ctx, spec);
    }

    /// <summary>The plain fields of ValidatePodSpec (VAL-070), at their place in upstream's order.</summary>
    private static void ValidatePodSpecFields(Context ctx, PodSpec spec)
    {
        using var _ = ctx.Rule(ValidationRules.PodSpecFields);
        var nodeSelectorPath = SpecPath.Child("nodeSelector");
        foreach (var (key, value) in spec.NodeSelector)
        {
            foreach (string msg in NameRules.QualifiedName(key))
            {
                ctx.Add(FieldError.Invalid(nodeSelectorPath, key, msg));
            }

            foreach (string msg in NameRules.LabelValue(value))
            {
                ctx.Add(FieldError.Invalid(nodeSelectorPath.Key(key), value, msg));
            }
        }

        ValidatePodSecurityContext(ctx, spec);

        var gatesPath = SpecPath.Child("schedulingGates");
        var seenGates = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < spec.SchedulingGates.Count; i++)
        {
            string name = spec.SchedulingGates[i].Name;
            foreach (string msg in NameRules.QualifiedName(name))
            {
                ctx.Add(FieldError.Invalid(gatesPath.Index(i), name, msg));
            }

            if (!seenGates.Add(name))
            {
                ctx.Add(FieldError.Duplicate(gatesPath.Index(i), name));
            }
        }

        ValidateWindowsHostProcessPod(ctx, spec);
        ValidateHostUsers(ctx, spec);

        if (spec.ServiceAccountName.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(spec.ServiceAccountName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("serviceAccountName"), spec.ServiceAccountName, msg));
            }
        }

        if (spec.NodeName.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(spec.NodeName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("nodeName"), spec.NodeName, msg));
            }
        }

        if (spec.ActiveDeadlineSeconds is long deadline && (deadline < 1 || deadline > int.MaxValue))
        {
            ctx.Add(FieldError.Invalid(SpecPath.Child("activeDeadlineSeconds"), deadline, NameRules.InclusiveRangeError(1, int.MaxValue)));
        }

        if (spec.PriorityClassName.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(spec.PriorityClassName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("priorityClassName"), spec.PriorityClassName, msg));
            }
        }
    }

    private static void ValidateRestartPolicy(Context ctx, string policy, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.PodPolicies);
        switch (policy)
        {
            case "Always":
            case "OnFailure":
            case "Never":
                break;
            case "":
                ctx.Add(FieldError.Required(path));
                break;
            default:
                ctx.Add(FieldError.NotSupported(path, policy, "Always", "OnFailure", "Never"));
                break;
        }
    }

    private static void ValidateDnsPolicy(Context ctx, string policy, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.PodPolicies);
        switch (policy)
        {
            case "ClusterFirstWithHostNet":
            case "ClusterFirst":
            case "Default":
            case "None":
                break;
            case "":
                ctx.Add(FieldError.Required(path));
                break;
            default:
                ctx.Add(FieldError.NotSupported(path, policy, "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"));
                break;
        }
    }

    /// <summary>
    /// ValidateVolumes for the modelled sources: the source's own errors first, then the name (Required, DNS label,
    /// unique). A volume with any error is not registered, so mounts of it report Not found, as upstream.
    /// </summary>
    private static HashSet<string> ValidateVolumes(Context ctx, ValueList<Volume> volumes, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.VolumesAndMounts);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < volumes.Count; i++)
        {
            var v = volumes[i];
            var idx = path.Index(i);
            var namePath = idx.Child("name");
            int before = ctx.Count;
            if (v.SourceKind.Length == 0)
            {
                ctx.Add(FieldError.Required(idx, "must specify a volume type"));
            }
            else if (string.Equals(v.SourceKind, "downwardAPI", StringComparison.Ordinal))
            {
                ValidateDownwardApiVolumeItems(ctx, v.DownwardApiItems, idx.Child("downwardAPI"));
            }

            if (v.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(namePath));
            }
            else
            {
                foreach (string msg in NameRules.Dns1123Label(v.Name, ctx.Version))
                {
                    ctx.Add(FieldError.Invalid(namePath, v.Name, msg));
                }
            }

            if (names.Contains(v.Name))
            {
                ctx.Add(FieldError.Duplicate(namePath, v.Name));
            }

            if (ctx.Count == before)
            {
                names.Add(v.Name);
            }
        }

        return names;
    }
}
