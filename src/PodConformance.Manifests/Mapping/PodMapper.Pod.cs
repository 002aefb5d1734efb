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
        var readName = meta.Name;
        var readGenerateName = meta.GenerateName;
        var readNamespace = meta.Namespace;
        var readUid = meta.Uid;
        var readCreationTimestamp = meta.CreationTimestamp;
        var readDeletionTimestamp = meta.DeletionTimestamp;
        var readDeletionGracePeriodSeconds = meta.DeletionGracePeriodSeconds;
        var readLabels = meta.Labels;
        var readAnnotations = meta.Annotations;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": readName = Str(value, p, field); break;
                case "generateName": readGenerateName = Str(value, p, field); break;
                case "namespace": readNamespace = Str(value, p, field); break;
                case "uid": readUid = Str(value, p, field); break;
                case "creationTimestamp": readCreationTimestamp = Time(value, p, field); break;
                case "deletionTimestamp": readDeletionTimestamp = Time(value, p, field); break;
                case "deletionGracePeriodSeconds": readDeletionGracePeriodSeconds = Int64(value, p, field); break;
                case "labels": readLabels = StringMap(value, p, field); break;
                case "annotations": readAnnotations = StringMap(value, p, field); break;
                default: ReadGenerated(ref meta, key, value, p, field); break;
            }
        }

        return meta with
        {
            Name = readName,
            GenerateName = readGenerateName,
            Namespace = readNamespace,
            Uid = readUid,
            CreationTimestamp = readCreationTimestamp,
            DeletionTimestamp = readDeletionTimestamp,
            DeletionGracePeriodSeconds = readDeletionGracePeriodSeconds,
            Labels = readLabels,
            Annotations = readAnnotations,
        };
    }
}
