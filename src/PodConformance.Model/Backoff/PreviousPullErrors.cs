using System.Diagnostics.CodeAnalysis;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Backoff;

/// <summary>
/// BACKOFF-007, 1.32+: the image manager's <c>prevPullErrMsg</c> (pkg/kubelet/images/image_manager.go, kubernetes#127918):
/// a failed pull stores <c>"&lt;err&gt;: &lt;msg&gt;"</c> under the back-off key and a pull skipped by the back-off appends it
/// to the waiting message, so a user in ImagePullBackOff still sees why the last pull failed. Kept per node, as the
/// kubelet keeps it in memory; an attempted pull forgets the key first. Before 1.32 there is no such map.
/// </summary>
public sealed class PreviousPullErrors
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    /// <summary>The first release whose kubelet appends the last pull error (CHANGELOG-1.32.md, v1.32.0, #127918).</summary>
    public static KubernetesVersion Since { get; } = new(1, 32);

    /// <summary>A map for <paramref name="profile"/>'s kubelet, or null where the release has none.</summary>
    public static PreviousPullErrors? For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Version >= Since ? new PreviousPullErrors() : null;
    }

    /// <summary>The stored text for a back-off key, if the last pull under it failed.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out string? text) => _byKey.TryGetValue(key, out text);

    /// <summary><c>m.prevPullErrMsg.Delete(backOffKey)</c>: a pull is attempted.</summary>
    public void Forget(string key) => _byKey.Remove(key);

    /// <summary><c>m.prevPullErrMsg.Store(backOffKey, fmt.Sprintf("%s: %s", err, msg))</c> after a failed pull.</summary>
    public void Remember(string key, string text) => _byKey[key] = text;
}
