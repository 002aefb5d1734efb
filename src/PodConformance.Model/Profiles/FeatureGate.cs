using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

public enum FeatureStage { Alpha, Beta, GA, Deprecated }

/// <summary>One row of a gate's history: from this version on, the gate has this stage and default.</summary>
public sealed record FeatureGateStage(KubernetesVersion Since, FeatureStage Stage, bool Default, bool Locked);

/// <summary>
/// A feature gate the model knows, with its history as in kubernetes <c>pkg/features/kube_features.go</c>
/// (versioned specs). Before its first stage the gate does not exist in that release.
/// </summary>
public sealed record FeatureGate(string Name, ValueList<FeatureGateStage> History)
{
    public FeatureGateStage? StageAt(KubernetesVersion version)
    {
        FeatureGateStage? current = null;
        foreach (var stage in History)
        {
            if (stage.Since <= version)
            {
                current = stage;
            }
        }

        return current;
    }
}
