using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

public enum FeatureStage { Alpha, Beta, GA, Deprecated }

/// <summary>
/// How a gate's row for a release was established (spec/profiles.md PROF-004; spec/gates/README.md):
/// the first three are read from a copy of Kubernetes' source that records that release, the others are inferred.
/// </summary>
public enum GateRowBasis
{
    /// <summary>A release-branch copy of that release lists the gate.</summary>
    ReleaseCopy,

    /// <summary>A versioned copy from a later release records the row in force at that release.</summary>
    LaterRecord,

    /// <summary>A versioned copy taken during that release's own development.</summary>
    DevCopy,

    /// <summary>An unversioned copy from a later cycle; its single row stands in for this release (unverified).</summary>
    LaterDev,

    /// <summary>Carried forward from the newest older copy (unverified).</summary>
    Carried,

    /// <summary>Named by a <c>+featureGate=</c> tag in k8s.io/api at that release, listed by no copy (unverified).</summary>
    ApiTag,

    /// <summary>Known only from other Kubernetes code or docs (unverified; see the evidence in the data).</summary>
    Secondary,
}

/// <summary>One row of a gate's history: from <see cref="Since"/> on, the gate has this stage, default and lock.</summary>
public sealed record FeatureGateStage(KubernetesVersion Since, FeatureStage Stage, bool Default, bool Locked)
{
    /// <summary>The copy of the source the row was read from: an id of spec/gates/sources.json.</summary>
    public string Source { get; init; } = "";

    public GateRowBasis Basis { get; init; } = GateRowBasis.ReleaseCopy;

    /// <summary>True when a copy of the source records this state for the releases of the row.</summary>
    public bool Verified => Basis is GateRowBasis.ReleaseCopy or GateRowBasis.LaterRecord or GateRowBasis.DevCopy;
}

/// <summary>
/// A feature gate a Kubernetes 1.28–1.37 binary registers, with its history as spec/gates/feature-gates.json records it.
/// Before its first row, and from <see cref="AbsentFrom"/> on, the gate does not exist in that release.
/// </summary>
public sealed record FeatureGate(string Name, ValueList<FeatureGateStage> History, KubernetesVersion? AbsentFrom = null)
{
    public FeatureGateStage? StageAt(KubernetesVersion version)
    {
        if (AbsentFrom is { } gone && version >= gone)
        {
            return null;
        }

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

    /// <summary>
    /// The value a release from <see cref="AbsentFrom"/> on keeps for a gate removed while locked to its default: the
    /// gate's checks went with it and its locked path stayed (PROF-002). False for a gate not removed, removed unlocked,
    /// or for a release where the gate still exists.
    /// </summary>
    public bool RemovedLockedOn(KubernetesVersion version)
    {
        if (AbsentFrom is not { } gone || version < gone || gone.Minor == 0)
        {
            return false;
        }

        var last = StageAt(new KubernetesVersion(gone.Major, gone.Minor - 1));
        return last is { Locked: true, Default: true };
    }
}

/// <summary>
/// <c>AddDependencies</c>: from <see cref="Since"/> on (until <see cref="Until"/>, when set), enabling <see cref="Gate"/> requires every gate of
/// <see cref="DependsOn"/> (sorted, as component-base sorts them) to be enabled too.
/// </summary>
public sealed record FeatureGateDependency(string Gate, ValueList<string> DependsOn, KubernetesVersion Since, string Source)
{
    /// <summary>The first release the entry no longer applies to (a later copy changed or dropped it), or null.</summary>
    public KubernetesVersion? Until { get; init; }
}
