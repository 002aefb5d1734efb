using PodConformance.Model.Collections;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Profiles;

/// <summary>
/// The gates the model knows and their history per release. Source: kubernetes/kubernetes
/// <c>pkg/features/kube_features.go</c> (<c>defaultVersionedKubernetesFeatureGates</c>), rows copied as written there
/// (the first row may predate <see cref="KubernetesVersion.Oldest"/>); see spec/profiles.md for the copy checked.
/// </summary>
public static class FeatureGateCatalog
{
    private static FeatureGateStage S(int minor, FeatureStage stage, bool on, bool locked = false) =>
        new(new KubernetesVersion(1, minor), stage, on, locked);

    public static ValueList<FeatureGate> All { get; } = ValueList.Of(
        new FeatureGate(SidecarContainers, ValueList.Of(
            S(28, FeatureStage.Alpha, false), S(29, FeatureStage.Beta, true), S(33, FeatureStage.GA, true, locked: true))),
        new FeatureGate(PodLevelResources, ValueList.Of(
            S(32, FeatureStage.Alpha, false), S(34, FeatureStage.Beta, true))),
        new FeatureGate(ContainerRestartRules, ValueList.Of(
            S(34, FeatureStage.Alpha, false), S(35, FeatureStage.Beta, true))),
        new FeatureGate(RestartAllContainersOnContainerExits, ValueList.Of(
            S(35, FeatureStage.Alpha, false))),
        new FeatureGate(PodReadyToStartContainersCondition, ValueList.Of(
            S(28, FeatureStage.Alpha, false), S(29, FeatureStage.Beta, true))),
        new FeatureGate(KubeletCrashLoopBackOffMax, ValueList.Of(
            S(32, FeatureStage.Alpha, false), S(35, FeatureStage.Beta, true))),
        new FeatureGate(ReduceDefaultCrashLoopBackOffDecay, ValueList.Of(
            S(33, FeatureStage.Alpha, false))),
        new FeatureGate(RelaxedEnvironmentVariableValidation, ValueList.Of(
            S(30, FeatureStage.Alpha, false), S(32, FeatureStage.Beta, true), S(34, FeatureStage.GA, true, locked: true))),
        new FeatureGate(InPlacePodVerticalScaling, ValueList.Of(
            S(27, FeatureStage.Alpha, false), S(33, FeatureStage.Beta, true), S(35, FeatureStage.GA, true, locked: true))),
        new FeatureGate(EnvFiles, ValueList.Of(
            S(34, FeatureStage.Alpha, false), S(35, FeatureStage.Beta, true))));

    public static FeatureGate? Find(string name)
    {
        foreach (var gate in All)
        {
            if (string.Equals(gate.Name, name, StringComparison.Ordinal))
            {
                return gate;
            }
        }

        return null;
    }
}
