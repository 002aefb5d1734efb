namespace PodConformance.Model.Validation;

/// <summary>
/// Spec rule IDs of spec/validation.md. <see cref="PodValidator"/> stamps one of them on every
/// <see cref="FieldError"/> it produces (<see cref="FieldError.Rule"/>): the rule whose check produced the text.
/// Where a rule only routes to others (overhead, downwardAPI volume files) the error carries the inner check's ID.
/// </summary>
public static class ValidationRules
{
    /// <summary>How an error prints (FieldError.ToString); never stamped on an error.</summary>
    public const string ErrorText = "VAL-001";

    /// <summary>How a field path prints (FieldPath.ToString); never stamped on an error.</summary>
    public const string PathText = "VAL-002";

    public const string ObjectMeta = "VAL-003";
    public const string PodAnnotations = "VAL-004";

    public const string AtLeastOneContainer = "VAL-010";
    public const string ContainerName = "VAL-011";
    public const string ContainerNameDots = "VAL-012";
    public const string ContainerNameUnique = "VAL-013";
    public const string Image = "VAL-014";
    public const string ContainerPolicies = "VAL-015";
    public const string EphemeralContainers = "VAL-016";

    public const string PortName = "VAL-020";
    public const string PortNumbersAndProtocol = "VAL-021";
    public const string HostPortConflicts = "VAL-022";
    public const string HostNetworkPorts = "VAL-023";

    public const string ResourceNames = "VAL-030";
    public const string ResourceQuantities = "VAL-031";
    public const string RequestsWithinLimits = "VAL-032";
    public const string NonOvercommittable = "VAL-033";
    public const string HugePages = "VAL-034";
    public const string Overhead = "VAL-035";
    public const string PodLevelResources = "VAL-036";
    public const string PodLevelConsistency = "VAL-037";

    public const string PodPolicies = "VAL-040";
    public const string ContainerRestartPolicy = "VAL-041";
    public const string RegularContainerRestartPolicy = "VAL-042";
    public const string InitProbesAndLifecycle = "VAL-043";
    public const string ResizePolicy = "VAL-044";
    public const string ProbeAndHandlerFields = "VAL-045";
    public const string HttpHeaderNames = "VAL-046";
    public const string SleepAction = "VAL-047";

    /// <summary>Container-area fields reported as not checked (none left since session 7: VAL-048, 312, 707, 708); never stamped.</summary>
    public const string UncheckedContainerFields = "VAL-049";

    public const string EnvName = "VAL-050";
    public const string EnvValueFrom = "VAL-051";
    public const string FieldRef = "VAL-052";
    public const string ResourceFieldRef = "VAL-053";
    public const string KeyRef = "VAL-054";
    public const string EnvFrom = "VAL-055";
    public const string EnvFileKeyRef = "VAL-056";

    public const string VolumesAndMounts = "VAL-060";
    public const string DownwardApiVolumeFiles = "VAL-061";

    // Volumes, mounts and devices (VAL-6xx).
    public const string VolumeSourceOneOf = "VAL-600";
    public const string EmptyDirSource = "VAL-601";
    public const string HostPathSource = "VAL-602";
    public const string GitRepoSource = "VAL-603";
    public const string DiskPartitionSources = "VAL-604";
    public const string SecretConfigMapSources = "VAL-605";
    public const string KeyToPath = "VAL-606";
    public const string NfsSource = "VAL-607";
    public const string IscsiSource = "VAL-608";
    public const string GlusterfsSource = "VAL-609";
    public const string PvcSource = "VAL-610";
    public const string RbdSource = "VAL-611";
    public const string FlexVolumeSource = "VAL-612";
    public const string CinderSource = "VAL-613";
    public const string CephFsSource = "VAL-614";
    public const string FlockerSource = "VAL-615";
    public const string FcSource = "VAL-616";
    public const string AzureFileSource = "VAL-617";
    public const string VsphereSource = "VAL-618";
    public const string QuobyteSource = "VAL-619";
    public const string AzureDiskSource = "VAL-620";
    public const string PhotonSource = "VAL-621";
    public const string PortworxSource = "VAL-622";
    public const string ScaleIoSource = "VAL-623";
    public const string StorageOsSource = "VAL-624";
    public const string CsiSource = "VAL-625";
    public const string ProjectedSource = "VAL-626";
    public const string ProjectedKeyToPathSources = "VAL-627";
    public const string ServiceAccountTokenProjection = "VAL-629";
    public const string ClusterTrustBundleProjection = "VAL-630";

    public const string PodCertificateProjection = "VAL-631";
    public const string EphemeralSource = "VAL-632";
    public const string PvcTemplateSpec = "VAL-633";
    public const string ImageSource = "VAL-634";
    public const string VolumeMounts = "VAL-640";
    public const string MountPropagation = "VAL-641";
    public const string RecursiveReadOnly = "VAL-642";
    public const string VolumeDevices = "VAL-643";

    public const string PodSpecFields = "VAL-070";
    public const string NodeSelectorLabels = "VAL-071";
    public const string SchedulingGates = "VAL-072";
    public const string ReadinessGates = "VAL-073";
    public const string HostnameAndSubdomain = "VAL-075";
    public const string HostnameOverride = "VAL-076";
    public const string RuntimeClassName = "VAL-077";
    public const string PreemptionPolicy = "VAL-078";
    public const string WorkloadReference = "VAL-079";

    // Scheduling: affinity (VAL-300…305), tolerations (VAL-310…311), topology spread (VAL-320…323).
    public const string NodeSelectorTerms = "VAL-300";
    public const string NodeFieldSelector = "VAL-301";
    public const string WeightRange = "VAL-302";
    public const string PodAffinityTerm = "VAL-303";
    public const string MatchLabelKeys = "VAL-304";
    public const string LabelSelector = "VAL-305";
    public const string Tolerations = "VAL-310";
    public const string TolerationComparisonOperators = "VAL-311";
    public const string TopologySpread = "VAL-320";
    public const string MinDomains = "VAL-321";
    public const string NodeInclusionPolicy = "VAL-322";
    public const string TopologySpreadMatchLabelKeys = "VAL-323";

    // DNS and host names (VAL-330…332), dynamic resource claims (VAL-340…342).
    public const string DnsConfig = "VAL-330";
    public const string HostAliases = "VAL-331";
    public const string IpAddress = "VAL-332";
    public const string PodResourceClaims = "VAL-340";
    public const string PodResourceClaimSources = "VAL-341";
    public const string ContainerResourceClaims = "VAL-342";

    // Security and host settings (spec/validation.md "Security and host settings"): VAL-2xx.
    public const string SecurityIds = "VAL-200";

    /// <summary>How non-primitive bad values print (GoValueText, SecurityValueText); never stamped on an error.</summary>
    public const string BadValueText = "VAL-201";
    public const string ShareProcessNamespace = "VAL-202";
    public const string SysctlNames = "VAL-203";
    public const string SysctlHostNamespaces = "VAL-204";
    public const string FsGroupChangePolicy = "VAL-205";
    public const string SeccompField = "VAL-206";
    public const string WindowsOptions = "VAL-207";
    public const string AppArmorField = "VAL-208";
    public const string SupplementalGroupsPolicy = "VAL-209";
    public const string SELinuxChangePolicy = "VAL-210";
    public const string ContainerSecurityIds = "VAL-211";
    public const string ProcMount = "VAL-212";
    public const string PrivilegeEscalation = "VAL-213";
    public const string WindowsHostProcess = "VAL-214";
    public const string HostUsers = "VAL-215";
    public const string OsName = "VAL-216";
    public const string LinuxPod = "VAL-217";
    public const string WindowsPod = "VAL-218";
    public const string SeccompAnnotations = "VAL-219";
    public const string AppArmorAnnotations = "VAL-220";
    public const string SeccompAnnotationsMatchFields = "VAL-221";
    public const string AppArmorAnnotationsMatchFields = "VAL-222";

    // 1.36/1.37 fields read in session 6 (spec/validation.md "1.36 and 1.37 fields"): VAL-70x.
    public const string EvictionRespondersList = "VAL-700";
    public const string EvictionResponderName = "VAL-701";
    public const string EvictionResponderPriority = "VAL-702";
    public const string EvictionRespondersSchedulingGroup = "VAL-703";

    /// <summary>The 1.36/1.37 fields still reported as not checked, with the search evidence; never stamped.</summary>
    public const string UncheckedNewFields = "VAL-704";

    // 1.36/1.37 fields read from kubernetes forks in session 7 (fork9): VAL-705…709.
    public const string SchedulingGroup = "VAL-705";
    public const string BindMountOptions = "VAL-706";
    public const string HttpGetProtocol = "VAL-707";
    public const string GrpcMode = "VAL-708";
    public const string VolumeUserFields = "VAL-709";

    // Issue 9, fields modelled in session 6 (adm3): lifecycle.stopSignal, the tolerations annotation (podCertificate is VAL-631).
    public const string StopSignal = "VAL-048";
    public const string TolerationsAnnotation = "VAL-312";
}
