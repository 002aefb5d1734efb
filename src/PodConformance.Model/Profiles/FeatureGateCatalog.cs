using System.Collections.Frozen;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>
/// Every feature gate a kube-apiserver, kubelet or scheduler of 1.28–1.37 registers (as far as the copies of
/// Kubernetes' source read for spec/gates/feature-gates.json show), with its history per release and the gate
/// dependencies. The data is generated from that source by spec/gates/extract_feature_gates.py and embedded;
/// see spec/profiles.md for how each row was established and which ones are unverified.
/// </summary>
/// <remarks>
/// Built once, on first use, so a run that never asks about a gate does not pay for it. The gates the model gives an
/// effect to are the names in <see cref="FeatureGateNames"/>; the rest are known so that <c>--feature-gates</c> accepts
/// and locks them exactly as the release would, with no modelled effect yet.
/// </remarks>
public static partial class FeatureGateCatalog
{
    /// <summary>component-base's global toggles: a value for every alpha (beta) gate not set explicitly.</summary>
    public const string AllAlpha = nameof(AllAlpha);

    /// <inheritdoc cref="AllAlpha"/>
    public const string AllBeta = nameof(AllBeta);

    private static readonly Lazy<Data> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All gates, ordered by name (ordinal).</summary>
    public static ValueList<FeatureGate> All => Loaded.Value.Gates;

    /// <summary>Gate dependencies, ordered by dependent gate (ordinal).</summary>
    public static ValueList<FeatureGateDependency> Dependencies => Loaded.Value.Dependencies;

    public static FeatureGate? Find(string name) =>
        Loaded.Value.ByName.TryGetValue(name, out var gate) ? gate : null;

    private sealed record Data(
        ValueList<FeatureGate> Gates,
        FrozenDictionary<string, FeatureGate> ByName,
        ValueList<FeatureGateDependency> Dependencies);
}
