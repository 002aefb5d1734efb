using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Turns a model Pod into an output tree in core/v1 field order and casing, with Go's omitempty rules, so the
/// YAML and JSON writers only have to print it. Field order and "always" flags follow the json tags in
/// kubernetes/api core/v1/types.go.
/// </summary>
internal static partial class PodTree
{
    public static ManifestMapping Build(Pod pod) =>
        new TreeBuilder()
            .Str("apiVersion", pod.ApiVersion)
            .Str("kind", pod.Kind)
            .Node("metadata", ObjectMeta(pod.Metadata))
            .Node("spec", PodSpec(pod.Spec))
            .Node("status", pod.Status is null ? null : PodStatus(pod.Status))
            .Build();

    private static ManifestMapping WriteObjectMeta(ObjectMeta m) => ObjectMeta(m);

    private static ManifestMapping ObjectMeta(ObjectMeta m) =>
        WriteGenerated(new TreeBuilder()
            .Str("name", m.Name)
            .Str("generateName", m.GenerateName)
            .Str("namespace", m.Namespace)
            .Str("uid", m.Uid)
            .Time("creationTimestamp", m.CreationTimestamp)
            .TimePointer("deletionTimestamp", m.DeletionTimestamp)
            .Int("deletionGracePeriodSeconds", m.DeletionGracePeriodSeconds)
            .StringMap("labels", m.Labels)
            .StringMap("annotations", m.Annotations), m)
            .Build(GoFieldOrder.ObjectMeta);

    private static ManifestScalar IntOrStr(IntOrString value) =>
        value.IsString
            ? TreeBuilder.String(value.StringValue!)
            : new ManifestScalar(value.ToString(), ScalarKind.Int);
}
