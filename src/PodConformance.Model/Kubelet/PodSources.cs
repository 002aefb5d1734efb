using PodConformance.Model.Api;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// The kubelet's pod sources (pkg/kubelet/types: <c>FileSource</c> <c>file</c>, <c>HTTPSource</c> <c>http</c>,
/// <c>ApiserverSource</c> <c>api</c>). The kubelet annotates every pod a source delivers with that source's name,
/// overwriting whatever <c>kubernetes.io/config.source</c> the pod carried (pkg/kubelet/config/config.go,
/// <c>podStorage.merge</c>'s <c>updatePodsFunc</c>: "Annotate the pod with the source before any comparison", read at
/// kubernetes/kubernetes 00a3928bde544dbb4fd046bb78439178ec37fb5a). <c>kubetypes.IsStaticPod</c> reads that annotation on
/// the kubelet's copy, so a pod created through the API server is never static there, whatever its author wrote; only
/// a pod from a file or URL source is. This is why a created pod must pass through <see cref="FromApiServer"/> before
/// a kubelet rule (OOM-008) reads its source.
/// </summary>
public static class PodSources
{
    public const string Annotation = "kubernetes.io/config.source";
    public const string File = "file";
    public const string Http = "http";
    public const string ApiServer = "api";

    /// <summary>The sources <c>GetValidatedSources</c> knows, in its order (<c>*</c> expands to these).</summary>
    public static IReadOnlyList<string> All { get; } = [File, Http, ApiServer];

    /// <summary>The kubelet's copy of <paramref name="pod"/> received from <paramref name="source"/>: the annotation set to it.</summary>
    public static Pod AsReceivedFrom(Pod pod, string source)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.SetItem(Annotation, source) } };
    }

    /// <summary>The kubelet's copy of a pod it watched on the API server: source <c>api</c>, so never static.</summary>
    public static Pod FromApiServer(Pod pod) => AsReceivedFrom(pod, ApiServer);

    /// <summary>
    /// <c>kubetypes.IsStaticPod</c>: the source annotation is present and is not <c>api</c>. The one reading of it; the phase
    /// (PHASE-009), env (ENV-002) and OOM (OOM-008) rules call it.
    /// </summary>
    public static bool IsStatic(ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Annotations.TryGetValue(Annotation, out string? source) && !string.Equals(source, ApiServer, StringComparison.Ordinal);
    }
}
