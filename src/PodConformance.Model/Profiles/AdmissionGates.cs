namespace PodConformance.Model.Profiles;

/// <summary>
/// The gate answers the admission path (defaulting and validation) needs for every pod, worked out once per profile: a
/// field read each instead of a probe of the profile's gate memo (about a dozen per pod; issue 12's hot path). Each
/// member is exactly <see cref="Profile.IsEnabled"/> of its gate; gates asked only for fields a pod sets stay with
/// <see cref="Profile.IsEnabled"/>.
/// </summary>
internal sealed class AdmissionGates
{
    public AdmissionGates(Profile profile)
    {
        SidecarContainers = profile.IsEnabled(FeatureGateNames.SidecarContainers);
        PodLevelResources = profile.IsEnabled(FeatureGateNames.PodLevelResources);
        PodLevelResourcesFixDefaulting = profile.IsEnabled(FeatureGateNames.PodLevelResourcesFixDefaulting);
        ContainerRestartRules = profile.IsEnabled(FeatureGateNames.ContainerRestartRules);
        RestartAllContainersOnContainerExits = profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits);
        RelaxedEnvironmentVariableValidation = profile.IsEnabled(FeatureGateNames.RelaxedEnvironmentVariableValidation);
        InPlacePodVerticalScaling = profile.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling);
        H2CContainerProbe = profile.IsEnabled(FeatureGateNames.H2CContainerProbe);
    }

    public bool SidecarContainers { get; }

    public bool PodLevelResources { get; }

    public bool PodLevelResourcesFixDefaulting { get; }

    public bool ContainerRestartRules { get; }

    public bool RestartAllContainersOnContainerExits { get; }

    public bool RelaxedEnvironmentVariableValidation { get; }

    public bool InPlacePodVerticalScaling { get; }

    public bool H2CContainerProbe { get; }
}
