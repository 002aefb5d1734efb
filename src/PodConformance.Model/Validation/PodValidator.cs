using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
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

    // The fixed paths every validation passes down, built once here (after their roots: static initializers of a
    // partial class run in order only within one file): a static read instead of a child lookup per call (issue 12).
    private static readonly FieldPath LabelsPath = MetadataPath.Child("labels");
    private static readonly FieldPath AnnotationsPath = MetadataPath.Child("annotations");
    private static readonly FieldPath SpecVolumesPath = SpecPath.Child("volumes");
    private static readonly FieldPath SpecResourceClaimsPath = SpecPath.Child("resourceClaims");
    private static readonly FieldPath SpecContainersPath = SpecPath.Child("containers");
    private static readonly FieldPath SpecInitContainersPath = SpecPath.Child("initContainers");
    private static readonly FieldPath SpecEphemeralContainersPath = SpecPath.Child("ephemeralContainers");
    private static readonly FieldPath SpecRestartPolicyPath = SpecPath.Child("restartPolicy");
    private static readonly FieldPath SpecDnsPolicyPath = SpecPath.Child("dnsPolicy");
    private static readonly FieldPath SpecNodeSelectorPath = SpecPath.Child("nodeSelector");
    private static readonly FieldPath SpecAffinityPath = SpecPath.Child("affinity");
    private static readonly FieldPath SpecDnsConfigPath = SpecPath.Child("dnsConfig");
    private static readonly FieldPath SpecReadinessGatesPath = SpecPath.Child("readinessGates");
    private static readonly FieldPath SpecSchedulingGatesPath = SpecPath.Child("schedulingGates");
    private static readonly FieldPath SpecTopologySpreadPath = SpecPath.Child("topologySpreadConstraints");
    private static readonly FieldPath SpecTolerationsPath = SpecPath.Child("tolerations");
    private static readonly FieldPath SpecHostAliasesPath = SpecPath.Child("hostAliases");
    private static readonly FieldPath SpecWorkloadRefPath = SpecPath.Child("workloadRef");
    private static readonly FieldPath SpecSecurityContextPath = SpecPath.Child("securityContext");
    private static readonly FieldPath SpecSeccompProfilePath = SpecSecurityContextPath.Child("seccompProfile");
    private static readonly FieldPath SpecWindowsOptionsPath = SpecSecurityContextPath.Child("windowsOptions");
    private static readonly FieldPath SpecAppArmorProfilePath = SpecSecurityContextPath.Child("appArmorProfile");

    public static ValidationResult Validate(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        var ctx = Context.Rent(profile, pod.Metadata.Name);

        ValidateObjectMeta(ctx, pod.Metadata);
        ValidatePodSpecificAnnotations(ctx, pod);
        ValidatePodSpec(ctx, pod);

        // validateContainersOnlyForPod: checks a Pod (not a template) gets after its spec.
        ValidateContainersOnlyForPod(ctx, pod.Spec.Containers, SpecContainersPath);
        ValidateContainersOnlyForPod(ctx, pod.Spec.InitContainers, SpecInitContainersPath);

        // ValidatePodCreate's own checks.
        if (!pod.Spec.EphemeralContainers.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(SpecEphemeralContainersPath, "cannot be set on create"), ValidationRules.EphemeralContainers);
        }

        if (pod.Spec.NodeName.Length != 0 && !pod.Spec.SchedulingGates.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("nodeName"), "cannot be set until all schedulingGates have been cleared"), ValidationRules.SchedulingGates);
        }

        ValidateSecurityAnnotationsMatchFields(ctx, pod);

        // Declarative validation's enforced errors come after every handwritten one (apiserver rest/validate.go).
        ValidateEvictionResponders(ctx, pod.Spec.EvictionResponders);

        return ctx.Return();
    }

    /// <summary>The profile's answers, resolved once per call, and the growing error list.</summary>
    /// <remarks>
    /// One per thread, reused (issue 12: validating a valid pod then allocates nothing): <see cref="Rent"/> takes the
    /// thread's spare or makes one and <see cref="Start"/> sets every field; <see cref="Return"/> copies the result out
    /// (the result's lists are copies) and gives it back. A validation that throws never returns its context: the next
    /// one on the thread makes a new one.
    /// </remarks>
    private sealed class Context
    {
        [ThreadStatic]
        private static Context? t_spare;

        private List<FieldError>? _errors;

        private Context()
        {
        }

        public static Context Rent(Profile profile, string podName)
        {
            var ctx = t_spare ?? new Context();
            t_spare = null;
            ctx.Start(profile, podName);
            return ctx;
        }

        /// <summary>The result, and the context back to the thread with nothing of this call left in it.</summary>
        public ValidationResult Return()
        {
            var result = Result();
            Start(Profile.Default, "");
            t_spare = this;
            return result;
        }

        /// <summary>Every field, for a validation of a pod named <paramref name="podName"/> under <paramref name="profile"/>.</summary>
        private void Start(Profile profile, string podName)
        {
            _errors = null;
            _notChecked = null;
            Version = profile.Version;
            Profile = profile;
            _gates = profile.Admission;
            PodName = podName;
            PodClaimNames = null;
            VolumeSources = null;
            CurrentRule = "";
            _vac = null;
            _envFiles = null;
            _userNamespaces = null;
            _userNamespacesHostNetwork = null;
            _procMountType = null;
            _supplementalGroupsPolicy = null;
            _seLinuxChangePolicy = null;
            _seLinuxMount = null;
            _appArmorFields = null;
            _appArmorAnnotations = null;
        }

        public KubernetesVersion Version { get; private set; }

        public Profile Profile { get; private set; } = Profile.Default;

        /// <summary>The names of spec.resourceClaims that container <c>resources.claims</c> may reference (VAL-342).</summary>
        public HashSet<string>? PodClaimNames { get; set; }

        /// <summary>The gates asked for every pod, answered once per profile.</summary>
        private AdmissionGates _gates = Profile.Default.Admission;

        public bool Sidecars => _gates.SidecarContainers;

        public bool PodLevelResources => _gates.PodLevelResources;

        public bool ContainerRestartRules => _gates.ContainerRestartRules;

        public bool RestartAllContainers => _gates.RestartAllContainersOnContainerExits;

        public bool RelaxedEnvNames => _gates.RelaxedEnvironmentVariableValidation;

        public bool InPlaceResize => _gates.InPlacePodVerticalScaling;

        private bool? _vac;

        /// <summary>An ephemeral claim template's volumeAttributesClassName is checked only with the gate on (a validation option, not a drop).</summary>
        public bool VolumeAttributesClass => _vac ??= Profile.IsEnabled(FeatureGateNames.VolumeAttributesClass);

        private bool? _envFiles;

        /// <summary>
        /// PodValidationOptions.AllowEnvFilesValidation on a create (the EnvFiles gate, 1.34+; VAL-051): the five-source
        /// wording of the missing-source error. A gate the release lacks is off.
        /// </summary>
        public bool EnvFiles => _envFiles ??= Profile.IsEnabled(FeatureGateNames.EnvFiles);

        /// <summary>The pod's name, for the names of the PVCs its ephemeral volumes create.</summary>
        public string PodName { get; private set; } = "";

        /// <summary>The volumes registered by ValidateVolumes (no error), by name: what mounts and devices may refer to.</summary>
        public Dictionary<string, Volume>? VolumeSources { get; set; }

        // Security gates (PodValidator.Security*.cs): resolved on first use, so pods without these fields pay nothing.
        private bool? _userNamespaces;
        private bool? _userNamespacesHostNetwork;
        private bool? _procMountType;
        private bool? _supplementalGroupsPolicy;
        private bool? _seLinuxChangePolicy;
        private bool? _seLinuxMount;
        private bool? _appArmorFields;

        public bool UserNamespacesSupport => _userNamespaces ??= Profile.IsEnabled(FeatureGateNames.UserNamespacesSupport);

        public bool UserNamespacesHostNetworkSupport => _userNamespacesHostNetwork ??= Profile.IsEnabled(FeatureGateNames.UserNamespacesHostNetworkSupport);

        public bool ProcMountType => _procMountType ??= Profile.IsEnabled(FeatureGateNames.ProcMountType);

        public bool SupplementalGroupsPolicy => _supplementalGroupsPolicy ??= Profile.IsEnabled(FeatureGateNames.SupplementalGroupsPolicy);

        public bool SELinuxChangePolicy => _seLinuxChangePolicy ??= Profile.IsEnabled(FeatureGateNames.SELinuxChangePolicy);

        public bool SELinuxMount => _seLinuxMount ??= Profile.IsEnabled(FeatureGateNames.SELinuxMount);

        /// <summary>The AppArmor fields are kept (1.30+, both AppArmor gates on; the gates are gone, GA, from 1.33).</summary>
        public bool AppArmorFields => _appArmorFields ??= SecurityGates.AppArmorFieldsKept(Profile);

        private bool? _appArmorAnnotations;

        public bool AppArmorAnnotations => _appArmorAnnotations ??= SecurityGates.AppArmorAnnotationsKept(Profile);

        private List<UncheckedField>? _notChecked;

        /// <summary>Records a field the model has no rule for, so the verdict cannot say "valid" about it.</summary>
        public void NotChecked(FieldPath path, string reason) => (_notChecked ??= []).Add(new UncheckedField(path.ToString(), reason));

        public int Count => _errors?.Count ?? 0;

        /// <summary>The spec rule stamped on errors added without an explicit one (see <see cref="Rule"/>).</summary>
        public string CurrentRule { get; private set; } = "";

        /// <summary>
        /// Makes <paramref name="rule"/> the current rule until the returned scope is disposed, which restores the
        /// enclosing one: <c>using var _ = ctx.Rule(ValidationRules.X);</c> at the top of the method that owns rule X.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public RuleScope Rule(string rule)
        {
            RuleCoverage.Hit(rule);
            var scope = new RuleScope(this, CurrentRule);
            CurrentRule = rule;
            return scope;
        }

        /// <summary>Adds the error under the current rule.</summary>
        public void Add(FieldError error) => Add(error, CurrentRule);

        /// <summary>Adds the error under <paramref name="rule"/>, for a check inside a method that owns another rule.</summary>
        public void Add(FieldError error, string rule)
        {
            RuleCoverage.Hit(rule, "rejects");
            RuleCoverage.Hit(ValidationRules.ErrorText);
            RuleCoverage.Hit(ValidationRules.PathText);
            (_errors ??= []).Add(error with { Rule = rule });
        }

        public readonly struct RuleScope(Context ctx, string previous) : IDisposable
        {
            public void Dispose() => ctx.CurrentRule = previous;
        }

        private ValidationResult Result()
        {
            var result = _errors is null ? ValidationResult.Valid : new ValidationResult(new ValueList<FieldError>(_errors));
            return _notChecked is null ? result : result with { NotChecked = new ValueList<UncheckedField>(_notChecked) };
        }
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

        // v1validation.ValidateLabels reports a bad key and a bad value alike at metadata.labels, not at the key
        // (apimachinery pkg/apis/meta/v1/validation, v0.28.0 … v0.37); keys use the release's IsQualifiedName wording.
        var labelsPath = LabelsPath;
        foreach (var (key, value) in meta.Labels)
        {
            foreach (string msg in NameRules.QualifiedName(key, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(labelsPath, key, msg));
            }

            foreach (string msg in NameRules.LabelValue(value))
            {
                ctx.Add(FieldError.Invalid(labelsPath, value, msg));
            }
        }

        var annotationsPath = AnnotationsPath;
        long total = 0;
        foreach (var (key, value) in meta.Annotations)
        {
            foreach (string msg in NameRules.QualifiedName(key.ToLowerInvariant(), ctx.Version))
            {
                ctx.Add(FieldError.Invalid(annotationsPath, key, msg));
            }

            total += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value);
        }

        const int totalAnnotationSizeLimit = 256 * 1024;
        if (total > totalAnnotationSizeLimit)
        {
            ctx.Add(FieldError.TooLong(annotationsPath, totalAnnotationSizeLimit, ctx.Version));
        }
    }

    /// <summary>ValidatePodSpec, in upstream order, for the fields the model has.</summary>
    private static void ValidatePodSpec(Context ctx, Pod pod)
    {
        var spec = pod.Spec;
        if (spec.TerminationGracePeriodSeconds is null)
        {
            ctx.Add(FieldError.Required(SpecPath.Child("terminationGracePeriodSeconds")), ValidationRules.PodSpecFields);
        }

        var volumeNames = ValidateVolumes(ctx, spec.Volumes, SpecVolumesPath);
        ValidatePodResourceClaims(ctx, pod.Metadata, spec.ResourceClaims, SpecResourceClaimsPath);

        ValidateContainers(ctx, spec, volumeNames, SpecContainersPath);
        ValidateInitContainers(ctx, spec, volumeNames, SpecInitContainersPath);
        ValidateEphemeralContainers(ctx, spec, volumeNames, SpecEphemeralContainersPath);

        // A disabled gate makes the API server drop spec.resources before validation.
        if (ctx.PodLevelResources && spec.Resources is not null)
        {
            ValidatePodResources(ctx, spec, SpecPath.Child("resources"));
        }

        ValidateHostNetworkDeps(ctx, spec);
        ValidateRestartPolicy(ctx, spec.RestartPolicy, SpecRestartPolicyPath);
        ValidateDnsPolicy(ctx, spec.DnsPolicy, SpecDnsPolicyPath);
        ValidateNodeSelectorLabels(ctx, spec.NodeSelector, SpecNodeSelectorPath);
        ValidatePodSecurityContext(ctx, spec);
        ValidateAffinity(ctx, spec.Affinity, SpecAffinityPath);
        ValidatePodDnsConfig(ctx, spec.DNSConfig, spec.DnsPolicy, SpecDnsConfigPath);
        ValidateReadinessGates(ctx, spec.ReadinessGates, SpecReadinessGatesPath);
        ValidateSchedulingGates(ctx, spec.SchedulingGates, SpecSchedulingGatesPath);
        ValidateTopologySpreadConstraints(ctx, spec.TopologySpreadConstraints, SpecTopologySpreadPath);
        ValidateWindowsHostProcessPod(ctx, spec);
        ValidateHostUsers(ctx, spec);
        ValidatePodHostName(ctx, spec);
        ValidatePodSpecFields(ctx, spec);
        ValidateTolerations(ctx, spec.Tolerations, SpecTolerationsPath);
        ValidateHostAliases(ctx, spec.HostAliases, SpecHostAliasesPath);
        ValidatePodSpecClassFields(ctx, spec);

        if (!spec.Overhead.IsEmpty)
        {
            RuleCoverage.Hit(ValidationRules.Overhead);
            // validateOverhead (VAL-035) reuses the container rules on a limits-only requirement, so its errors
            // carry the rule of the check that failed (VAL-030/031/034).
            ValidateResourceRequirements(ctx, spec.Overhead, ValueMap<Quantities.Quantity>.Empty, SpecPath.Child("overhead"), podLevel: false);
        }

        ValidateOs(ctx, spec);
        ValidateWorkloadReference(ctx, spec.WorkloadRef, SpecWorkloadRefPath);
        ValidateSchedulingGroup(ctx, spec);
        ValidateFileKeyRefVolumes(ctx, spec);
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
                ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(policy, ctx.Version), "Always", "OnFailure", "Never"));
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
                ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(policy, ctx.Version), "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"));
                break;
        }
    }
}
