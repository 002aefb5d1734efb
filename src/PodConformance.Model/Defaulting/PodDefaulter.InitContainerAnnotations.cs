using PodConformance.Model.Api;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>
    /// The pre-1.8 init-container annotations (pkg/apis/core/v1 conversion.go <c>initContainerAnnotations</c>), in the order
    /// <c>explain</c> lists their removal. Kubernetes removes them so that old kubelets, which honoured them over
    /// <c>spec.initContainers</c>, never see them.
    /// </summary>
    private static readonly string[] InitContainerAnnotationKeys =
    [
        "pod.alpha.kubernetes.io/init-container-statuses",
        "pod.alpha.kubernetes.io/init-containers",
        "pod.beta.kubernetes.io/init-container-statuses",
        "pod.beta.kubernetes.io/init-containers",
    ];

    /// <summary>
    /// DEF-023: <c>Convert_v1_Pod_To_core_Pod</c> drops the legacy init-container annotations when the request is decoded,
    /// after the versioned defaults, so neither the admission plugins nor validation see them and the stored pod lacks them.
    /// </summary>
    private static Pod DropInitContainerAnnotations(Pod pod, ChangeLog log)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty)
        {
            return pod;
        }

        var kept = annotations;
        foreach (string key in InitContainerAnnotationKeys)
        {
            if (kept.ContainsKey(key))
            {
                kept = kept.Remove(key);
                log.Add(DefaultingRules.InitContainerAnnotations, $"metadata.annotations[{key}]", "(removed: legacy init-container annotation)");
            }
        }

        return kept.IsSameAs(annotations) ? pod : pod with { Metadata = pod.Metadata with { Annotations = kept } };
    }
}
