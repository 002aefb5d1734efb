namespace PodConformance.Model.Profiles;

/// <summary>
/// Names of the Kubernetes feature gates that change modelled semantics. spec/profiles.md's gate table marks exactly these
/// as wired; every other gate of <see cref="FeatureGateCatalog"/> is known with no modelled effect yet.
/// </summary>
public static class FeatureGateNames
{
    public const string SidecarContainers = nameof(SidecarContainers);
    public const string PodLevelResources = nameof(PodLevelResources);

    /// <summary>1.37: pod-level resource defaulting moves from decoding to the create strategy (spec/defaulting.md DEF-022).</summary>
    public const string PodLevelResourcesFixDefaulting = nameof(PodLevelResourcesFixDefaulting);
    public const string ContainerRestartRules = nameof(ContainerRestartRules);
    public const string RestartAllContainersOnContainerExits = nameof(RestartAllContainersOnContainerExits);

    /// <summary>The scheduler's NodeDeclaredFeatures filter and the kubelet's status.declaredFeatures (spec/scheduling.md SCHED-018..020).</summary>
    public const string NodeDeclaredFeatures = nameof(NodeDeclaredFeatures);
    public const string PodReadyToStartContainersCondition = nameof(PodReadyToStartContainersCondition);
    public const string KubeletCrashLoopBackOffMax = nameof(KubeletCrashLoopBackOffMax);
    public const string ReduceDefaultCrashLoopBackOffDecay = nameof(ReduceDefaultCrashLoopBackOffDecay);
    public const string RelaxedEnvironmentVariableValidation = nameof(RelaxedEnvironmentVariableValidation);
    public const string InPlacePodVerticalScaling = nameof(InPlacePodVerticalScaling);
    public const string EnvFiles = nameof(EnvFiles);
    public const string KubeletEnsureSecretPulledImages = nameof(KubeletEnsureSecretPulledImages);

    // Containers and pod annotations (spec/validation.md VAL-004, VAL-047).
    public const string PodDeletionCost = nameof(PodDeletionCost);
    public const string PodLifecycleSleepAction = nameof(PodLifecycleSleepAction);
    public const string PodLifecycleSleepActionAllowZero = nameof(PodLifecycleSleepActionAllowZero);
    public const string ContainerStopSignals = nameof(ContainerStopSignals);

    // Scheduling, DNS and PodSpec fields (spec/validation.md VAL-07x, VAL-3xx; spec/defaulting.md DEF-3xx).
    public const string DynamicResourceAllocation = nameof(DynamicResourceAllocation);
    public const string EvictionRequestAPI = nameof(EvictionRequestAPI);
    public const string GenericWorkload = nameof(GenericWorkload);
    public const string HostnameOverride = nameof(HostnameOverride);
    public const string MatchLabelKeysInPodAffinity = nameof(MatchLabelKeysInPodAffinity);
    public const string MatchLabelKeysInPodTopologySpread = nameof(MatchLabelKeysInPodTopologySpread);
    public const string MatchLabelKeysInPodTopologySpreadSelectorMerge = nameof(MatchLabelKeysInPodTopologySpreadSelectorMerge);
    public const string NodeInclusionPolicyInPodTopologySpread = nameof(NodeInclusionPolicyInPodTopologySpread);
    public const string PodSchedulingReadiness = nameof(PodSchedulingReadiness);
    public const string RelaxedDNSSearchValidation = nameof(RelaxedDNSSearchValidation);
    public const string StrictIPCIDRValidation = nameof(StrictIPCIDRValidation);
    public const string TaintTolerationComparisonOperators = nameof(TaintTolerationComparisonOperators);

    // Security and host settings (spec/validation.md VAL-2xx; spec/defaulting.md DEF-2xx).
    public const string UserNamespacesSupport = nameof(UserNamespacesSupport);
    public const string UserNamespacesHostNetworkSupport = nameof(UserNamespacesHostNetworkSupport);
    public const string ProcMountType = nameof(ProcMountType);
    public const string SupplementalGroupsPolicy = nameof(SupplementalGroupsPolicy);
    public const string SELinuxChangePolicy = nameof(SELinuxChangePolicy);
    public const string SELinuxMount = nameof(SELinuxMount);

    // Volumes (spec/validation.md VAL-6xx, spec/defaulting.md DEF-4xx).
    public const string ImageVolume = nameof(ImageVolume);
    public const string RecursiveReadOnlyMounts = nameof(RecursiveReadOnlyMounts);
    public const string ClusterTrustBundleProjection = nameof(ClusterTrustBundleProjection);
    public const string PodCertificateRequest = nameof(PodCertificateRequest);
    public const string EmptyDirVolumeMode = nameof(EmptyDirVolumeMode);
    public const string VolumeAttributesClass = nameof(VolumeAttributesClass);
    public const string VolumeBindMountOptions = nameof(VolumeBindMountOptions);
    public const string AtomicWriteVolumeUserFields = nameof(AtomicWriteVolumeUserFields);

    // 1.37 probe fields (spec/validation.md VAL-707/708, spec/admission.md ADM-096).
    public const string H2CContainerProbe = nameof(H2CContainerProbe);
    public const string GRPCContainerProbeTLS = nameof(GRPCContainerProbeTLS);
}
