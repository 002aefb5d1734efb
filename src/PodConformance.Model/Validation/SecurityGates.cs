using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// Gate answers of the security area that are not a single <see cref="Profile.IsEnabled"/> call: the AppArmor gates
/// were removed after GA (absent, hence "off" for <see cref="Profile.IsEnabled"/>, from 1.33) although the feature is on.
/// </summary>
public static class SecurityGates
{
    private static readonly KubernetesVersion AppArmorFieldsSince = new(1, 30);

    /// <summary>
    /// Gate names kept out of <see cref="FeatureGateNames"/>, whose members must exist in the newest release: both were
    /// removed (GA) in 1.33 and matter only for 1.28–1.32 profiles that switch them off.
    /// </summary>
    private const string AppArmorGate = "AppArmor";
    private const string AppArmorFieldsGate = "AppArmorFields";

    /// <summary>
    /// The first release whose dropDisabledFields has no AppArmor drop: both gates are GA and locked on from 1.31, and the
    /// v1.31.11 (kubeedge/kubernetes v1.31.11-kubeedge1, vendored by kubeedge/kubeedge 7e0e20fc2) and v1.32.1
    /// (openshift/openshift-apiserver c596b6e88) util.go test neither gate (session 14); v1.30.7's does (kubeedge 9b280adfa).
    /// </summary>
    private static readonly KubernetesVersion AppArmorDropsRemovedSince = new(1, 31);

    /// <summary>
    /// The <c>appArmorProfile</c> fields survive dropDisabledFields: 1.30 with AppArmor and AppArmorFields on
    /// (<c>(!AppArmor || !AppArmorFields) &amp;&amp; !appArmorFieldsInUse(old)</c> drops them), and from 1.31 always (no drop).
    /// </summary>
    public static bool AppArmorFieldsKept(Profile profile) =>
        profile.Version >= AppArmorDropsRemovedSince
        || (profile.Version >= AppArmorFieldsSince
            && profile.IsEnabled(AppArmorGate)
            && profile.IsEnabled(AppArmorFieldsGate));

    /// <summary>
    /// applyAppArmorVersionSkew runs (PrepareForCreate, after dropDisabledFields): at 1.30 only with AppArmorFields on — its
    /// first statement is <c>if !Enabled(features.AppArmorFields) { return }</c>, AppArmor is not consulted (a 1.30-cycle
    /// pkg/registry/core/pod/strategy.go, fork ashierj/superdemo c1cf94e91feedf4d7b64e64bcdefc7f21f8224f3, session 15) —
    /// and from 1.31 always (both gates GA and locked; the ≈1.32 and ≈1.37 copies have no gate check). With AppArmor off
    /// and AppArmorFields on it runs on a pod the drops emptied of annotations and fields, so it changes nothing.
    /// </summary>
    public static bool AppArmorSkewRuns(Profile profile) =>
        profile.Version >= AppArmorDropsRemovedSince
        || (profile.Version >= AppArmorFieldsSince && profile.IsEnabled(AppArmorFieldsGate));

    /// <summary>The AppArmor annotations survive dropDisabledFields: AppArmor on, and from 1.31 always (no drop).</summary>
    public static bool AppArmorAnnotationsKept(Profile profile) =>
        profile.Version >= AppArmorDropsRemovedSince || profile.IsEnabled(AppArmorGate);
}
