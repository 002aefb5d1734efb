namespace PodConformance.Model.Profiles;

/// <summary>
/// Names of the Kubernetes feature gates that change modelled semantics. spec/profiles.md's gate table marks exactly these
/// as wired; every other gate of <see cref="FeatureGateCatalog"/> is known with no modelled effect yet.
/// </summary>
public static class FeatureGateNames
{
    public const string SidecarContainers = nameof(SidecarContainers);
    public const string PodLevelResources = nameof(PodLevelResources);
    public const string ContainerRestartRules = nameof(ContainerRestartRules);
    public const string RestartAllContainersOnContainerExits = nameof(RestartAllContainersOnContainerExits);
    public const string PodReadyToStartContainersCondition = nameof(PodReadyToStartContainersCondition);
    public const string KubeletCrashLoopBackOffMax = nameof(KubeletCrashLoopBackOffMax);
    public const string ReduceDefaultCrashLoopBackOffDecay = nameof(ReduceDefaultCrashLoopBackOffDecay);
    public const string RelaxedEnvironmentVariableValidation = nameof(RelaxedEnvironmentVariableValidation);
    public const string InPlacePodVerticalScaling = nameof(InPlacePodVerticalScaling);
    public const string EnvFiles = nameof(EnvFiles);
    public const string KubeletEnsureSecretPulledImages = nameof(KubeletEnsureSecretPulledImages);
    public const string UserNamespacesSupport = nameof(UserNamespacesSupport);
    public const string UserNamespacesHostNetworkSupport = nameof(UserNamespacesHostNetworkSupport);
    public const string ProcMountType = nameof(ProcMountType);
    public const string SupplementalGroupsPolicy = nameof(SupplementalGroupsPolicy);
    public const string SELinuxChangePolicy = nameof(SELinuxChangePolicy);
    public const string SELinuxMount = nameof(SELinuxMount);
}
