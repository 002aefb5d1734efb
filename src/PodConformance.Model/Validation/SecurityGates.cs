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
    private static readonly KubernetesVersion AppArmorGatesRemovedSince = new(1, 33);

    /// <summary>The <c>appArmorProfile</c> fields survive dropDisabledFields (1.30+ with AppArmor and AppArmorFields on).</summary>
    public static bool AppArmorFieldsKept(Profile profile) =>
        profile.Version >= AppArmorGatesRemovedSince
        || (profile.Version >= AppArmorFieldsSince
            && profile.IsEnabled(AppArmorGate)
            && profile.IsEnabled(AppArmorFieldsGate));

    /// <summary>The AppArmor annotations survive dropDisabledFields (AppArmor on; GA-removed from 1.33).</summary>
    public static bool AppArmorAnnotationsKept(Profile profile) =>
        profile.Version >= AppArmorGatesRemovedSince || profile.IsEnabled(AppArmorGate);
}
