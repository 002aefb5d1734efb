using PodConformance.Model.Api;

namespace PodConformance.Model.Oom;

/// <summary>
/// kubelet types.IsCriticalPod / IsNodeCriticalPod (pkg/kubelet/types/pod_update.go): critical pods are
/// never evicted for node pressure and are admitted under pressure; only node-critical ones get −997.
/// </summary>
public static class CriticalPods
{
    /// <summary>scheduling.SystemCriticalPriority = 2 × HighestUserDefinablePriority (10^9).</summary>
    public const int SystemCriticalPriority = 2_000_000_000;

    public const string SystemNodeCritical = "system-node-critical";
    public const string SystemClusterCritical = "system-cluster-critical";
    public const string ConfigSourceAnnotation = Kubelet.PodSources.Annotation;
    public const string ConfigMirrorAnnotation = "kubernetes.io/config.mirror";

    /// <summary>The <c>config.source</c> value of pods that came from the API server (not static).</summary>
    public const string ApiserverSource = Kubelet.PodSources.ApiServer;

    /// <summary>
    /// kubetypes.IsStaticPod: it has a config source, and that source is not the API server. Read on the kubelet's copy of
    /// the pod, whose annotation the kubelet sets itself (<see cref="Kubelet.PodSources"/>): a pod as created, with its
    /// author's annotations, goes through <see cref="Kubelet.PodSources.FromApiServer"/> first, or a user-written
    /// <c>config.source: file</c> would make it critical here where the kubelet sees <c>api</c>.
    /// </summary>
    public static bool IsStaticPod(Pod pod) =>
        Kubelet.PodSources.IsStatic(pod.Metadata);

    /// <summary>A mirror pod: the annotation's presence is enough, whatever its value.</summary>
    public static bool IsMirrorPod(Pod pod) => pod.Metadata.Annotations.ContainsKey(ConfigMirrorAnnotation);

    /// <summary>Static, mirror, or priority ≥ 2 000 000 000; the class name alone does not make a pod critical.</summary>
    public static bool IsCriticalPod(Pod pod) =>
        IsStaticPod(pod) || IsMirrorPod(pod) || (pod.Spec.Priority is int p && p >= SystemCriticalPriority);

    /// <summary>Critical and of class <c>system-node-critical</c>.</summary>
    public static bool IsNodeCriticalPod(Pod pod) => IsCriticalPod(pod) && pod.Spec.PriorityClassName == SystemNodeCritical;
}
