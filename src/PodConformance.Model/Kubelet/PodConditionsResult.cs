using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Kubelet;

/// <summary>The pod's conditions as the kubelet writes them, with the spec rules (COND-…) that produced them.</summary>
public sealed record PodConditionsResult(ValueList<PodCondition> Conditions, ValueList<string> Rules)
{
    /// <summary>The first condition of this type, as podutil.GetPodConditionFromList finds it; null when absent.</summary>
    public PodCondition? Find(string type) => PodConditionsGenerator.Find(Conditions.AsSpan(), type);
}
