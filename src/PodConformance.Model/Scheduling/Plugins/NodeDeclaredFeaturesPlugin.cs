using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// NodeDeclaredFeatures (SCHED-018): PreFilter infers the features the pod needs (SCHED-019) and skips a pod that needs
/// none, or every pod while the gate is off; Filter rejects, unresolvable, a node whose declared features (SCHED-020)
/// lack one of them. The reason text changed between releases: 1.35 names the missing features, 1.36 and 1.37 give
/// <c>errReasonUnsatisfiedRequirements</c> (the plugin checks <c>IsSubset</c> and computes no difference).
/// </summary>
public sealed class NodeDeclaredFeaturesPlugin : IFilterPlugin
{
    public const string PluginName = "NodeDeclaredFeatures";

    /// <summary>1.35: this prefix, then the unsatisfied features joined by <c>", "</c>.</summary>
    public const string ErrReasonPrefix135 = "node declared features check failed - unsatisfied requirements: ";

    /// <summary>1.36+ (1.36 inferred, SCHED-018): <c>errReasonUnsatisfiedRequirements</c>, the same for any missing feature.</summary>
    public const string ErrReasonUnsatisfiedRequirements = "node(s) didn't match Pod's required features";

    private static readonly KubernetesVersion V136 = new(1, 36);

    public static NodeDeclaredFeaturesPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.DeclaredFeatures;

    public FilterStatus? PreFilter(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!pod.Profile.IsEnabled(FeatureGateNames.NodeDeclaredFeatures))
        {
            return FilterStatus.Skip(PluginName);
        }

        pod.RequiredFeatures = DeclaredFeatures.InferForScheduling(pod.Spec, pod.Profile.Version);
        if (pod.RequiredFeatures.IsEmpty)
        {
            return FilterStatus.Skip(PluginName);
        }

        RuleCoverage.Hit(SchedulingRules.FeatureInference);
        return null;
    }

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var declared = DeclaredFeatures.Of(node.Node, pod.Profile);
        RuleCoverage.Hit(SchedulingRules.KubeletDeclaration, node.Node.DeclaredFeatures is null ? "discovered by the kubelet" : "given");
        List<string>? missing = null;
        foreach (string feature in pod.RequiredFeatures)
        {
            if (!Contains(declared, feature))
            {
                (missing ??= []).Add(feature);
            }
        }

        return missing is null ? null : FilterStatus.Unresolvable(PluginName, Reason(missing, pod.Profile.Version));
    }

    /// <summary>The per-node reason of <paramref name="release"/> for the unsatisfied features (named only by 1.35).</summary>
    public static string Reason(IReadOnlyList<string> missing, KubernetesVersion release)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return release >= V136 ? ErrReasonUnsatisfiedRequirements : ErrReasonPrefix135 + string.Join(", ", missing);
    }

    private static bool Contains(ValueList<string> declared, string feature)
    {
        foreach (string d in declared)
        {
            if (string.Equals(d, feature, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
