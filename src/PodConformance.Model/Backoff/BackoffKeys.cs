using PodConformance.Model.Api;

namespace PodConformance.Model.Backoff;

/// <summary>
/// Backoff keys as the kubelet builds them. The crash-loop key (kuberuntime getStableKey) carries the container
/// spec hash, so editing the container starts a fresh backoff; the image key is pod uid + image.
/// </summary>
public static class BackoffKeys
{
    /// <summary><c>name_namespace_uid_container_hash</c>; the hash is whatever the caller uses for the container spec.</summary>
    public static string Container(ObjectMeta pod, string containerName, string specHash)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Name + "_" + pod.Namespace + "_" + pod.Uid + "_" + containerName + "_" + specHash;
    }

    /// <summary><c>uid_image</c> (image_manager.go).</summary>
    public static string Image(string podUid, string image) => podUid + "_" + image;
}
