using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>The Pod object and its ObjectMeta.</summary>
internal sealed partial class PodMapper
{
    /// <summary>
    /// Maps a Pod mapping. <paramref name="path"/> is "" for a document and <c>items[i]</c> for a list item, so
    /// that paths stay unambiguous in lists. apiVersion and kind are checked by the caller.
    /// </summary>
    public Pod ReadPod(ManifestNode node, string path, SchemaField self)
    {
        var pod = new Pod();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "apiVersion": pod = pod with { ApiVersion = Str(value, p, field) }; break;
                case "kind": pod = pod with { Kind = Str(value, p, field) }; break;
                case "metadata": pod = pod with { Metadata = ReadObjectMeta(value, p, field) }; break;
                case "spec": pod = pod with { Spec = ReadPodSpec(value, p, field) }; break;
                case "status": pod = pod with { Status = ReadPodStatus(value, p, field) }; break;
            }
        }

        return pod;
    }

    public ObjectMeta ReadObjectMeta(ManifestNode node, string path, SchemaField self)
    {
        var meta = new ObjectMeta();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": meta = meta with { Name = Str(value, p, field) }; break;
                case "generateName": meta = meta with { GenerateName = Str(value, p, field) }; break;
                case "namespace": meta = meta with { Namespace = Str(value, p, field) }; break;
                case "uid": meta = meta with { Uid = Str(value, p, field) }; break;
                case "creationTimestamp": meta = meta with { CreationTimestamp = Time(value, p, field) }; break;
                case "deletionTimestamp": meta = meta with { DeletionTimestamp = Time(value, p, field) }; break;
                case "deletionGracePeriodSeconds": meta = meta with { DeletionGracePeriodSeconds = Int64(value, p, field) }; break;
                case "labels": meta = meta with { Labels = StringMap(value, p, field) }; break;
                case "annotations": meta = meta with { Annotations = StringMap(value, p, field) }; break;
                default: ReadGenerated(ref meta, key, value, p, field); break;
            }
        }

        return meta;
    }
}
