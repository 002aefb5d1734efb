using FsCheck;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// One feature-gated field set on purpose where its gate is registered but off, so that the create strategy drops it
/// (dropDisabledFields: DEF-201, DEF-300, DEF-409, ADM-081/087/088/092/094/096): <see cref="Apply"/> sets it, <see cref="Present"/> tells
/// whether a pod still carries it (true of the pod sent, false of the pod the API server stores).
/// </summary>
/// <param name="Gate">The gate whose being off drops the field.</param>
/// <param name="Field">The field's path in the API, as spec/api/*.json names it.</param>
/// <param name="Since">The first release whose schema has the field (and the drop is generated), so the field decodes.</param>
/// <param name="Until">The last such release (null: still there at the newest).</param>
/// <param name="Apply">Sets the field on a valid pod; may return the pod unchanged where the pod has no place for it.</param>
/// <param name="Present">Whether a pod carries the field (for the dropped image volume: the volume or a mount of its name).</param>
public sealed record GatedDrop(string Gate, string Field, KubernetesVersion Since, KubernetesVersion? Until, Func<Pod, Gen<Pod>> Apply, Func<Pod, bool> Present)
{
    private readonly string? _explain;

    /// <summary>
    /// The value <c>explain</c> shows for the drop (the model's): <c>(dropped: feature gate GATE is off)</c>, except where
    /// the strategy rewrites rather than removes (procMount becomes <c>Default</c>, DEF-201).
    /// </summary>
    public string Explain { get => _explain ?? "(dropped: feature gate " + Gate + " is off)"; init => _explain = value; }

    /// <summary>
    /// The spec rule whose drop removes the field (DEF-201, DEF-300, DEF-409, ADM-081…096), as the create logs it:
    /// <see cref="GatedDropGen.Sometimes"/> spreads its second drop over rules, so a rule with one field is not outnumbered
    /// by those with several. <c>GatedDropGenTests</c> hold it to the model's log.
    /// </summary>
    public string Rule { get; init; } = "";

    /// <summary>
    /// <see cref="Apply"/> runs even where the pod already carries the field: it also fits the field's neighbours (the
    /// SidecarContainers drop strips the probes and lifecycle of the pod's sidecars, which a plain init container may not
    /// have). False: a pod that carries the field is kept as it is.
    /// </summary>
    public bool AlwaysApply { get; init; }

    /// <summary>The release's schema has the field: it decodes (a field the release lacks is an unknown field, not a drop).</summary>
    public bool InSchema(KubernetesVersion version) => version >= Since && (Until is not { } until || version <= until);

    /// <summary>The gate is registered in the release (dropDisabledFields asks only about gates the release has).</summary>
    public bool GateRegistered(KubernetesVersion version) => FeatureGateCatalog.Find(Gate)?.StageAt(version) is not null;

    /// <summary>
    /// The run's profile drops the field as it is: the field decodes, its gate is registered and off. Every adapter that
    /// runs the profile (a cluster with those gates too) performs such a case.
    /// </summary>
    public bool DroppedUnder(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return InSchema(profile.Version) && GateRegistered(profile.Version) && !profile.IsEnabled(Gate);
    }

    /// <summary>
    /// The gate overrides a case adds to the run's profile so that the field is dropped, where the gate is on but may be
    /// turned off: registered and not locked, not named by the run's own overrides (nor decided by its AllAlpha/AllBeta),
    /// and kube-apiserver would accept the run's overrides plus <c>GATE=false</c> (FeatureGateParser: locks, dependencies; a
    /// gate that depends on this one and is on is turned off too).
    /// Null where that is not so. Such a case carries its gates (<c>PodCase.Gates</c>), which real targets decide
    /// themselves, so only the model and process adapters perform it.
    /// </summary>
    public ValueMap<bool>? SwitchOff(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return InSchema(profile.Version) ? GateSwitch.Off(profile, Gate) : null;
    }

    public override string ToString() => Field + " (" + Gate + " off)";
}
