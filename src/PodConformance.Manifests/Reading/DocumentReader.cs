using System.Collections.Immutable;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Sorts one document's objects: Pods are mapped, lists are opened, anything else is kept as an other object.
/// A Pod with any error is left out, as the API server would reject it; its diagnostics remain.
/// </summary>
internal sealed class DocumentReader(
    PodMapper mapper,
    ImmutableArray<LoadedPod>.Builder pods,
    ImmutableArray<ManifestObject>.Builder others,
    int document,
    bool detectFragments = false,
    ManifestFragment? fragment = null)
{
    /// <summary>Lists met while reading a list, read after its other items (kubectl's breadth-first order).</summary>
    private Queue<(ManifestNode Items, string Path, string Kind, string ApiVersion)>? _queue;

    /// <summary>Reads one object; <paramref name="defaultKind"/> is the kind of items that omit it (a PodList's items are Pods).</summary>
    public void ReadObject(ManifestNode node, string path, int item, string? defaultKind, string? defaultApiVersion)
    {
        if (node is ManifestSequence sequence)
        {
            for (int i = 0; i < sequence.Items.Length; i++)
            {
                ReadObject(sequence.Items[i], PodMapper.Index(path, i), i, defaultKind, defaultApiVersion);
            }

            return;
        }

        if (node is not ManifestMapping mapping)
        {
            mapper.Error(node.Position, path, $"expected an object (a mapping), got {node.Describe()}");
            return;
        }

        string kind = mapping.GetString("kind");
        string apiVersion = mapping.GetString("apiVersion");
        if (kind.Length == 0)
        {
            kind = defaultKind ?? "";
        }

        if (apiVersion.Length == 0)
        {
            apiVersion = defaultApiVersion ?? "";
        }

        if (kind.Length == 0)
        {
            // MANI-052: a kind-less document is the fragment chosen (--fragment), else the one its fields show.
            if (path.Length == 0 && (fragment ?? (detectFragments ? Fragments.Detect(mapping, mapper.Schema) : null)) is { } read)
            {
                pods.Add(Fragments.Read(mapper, mapping, read, document));
                return;
            }

            mapper.Error(mapping.Position, path, "Object 'Kind' is missing");
            return;
        }

        // MANI-054: kubectl maps kinds exactly, so a kind podconf reads in another case is kubectl's NoKindMatchError, not
        // some other object to pass over.
        if (KnownKindIgnoringCase(kind) is { } known && !string.Equals(known, kind, StringComparison.Ordinal))
        {
            mapper.Error(mapping.Get("kind")?.Position ?? mapping.Position, PodMapper.Child(path, "kind"),
                $"no matches for kind \"{kind}\" in version \"{apiVersion}\" (kinds are case-sensitive: \"{known}\")");
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && mapping.Get("items") is { } items)
        {
            if (_queue is { } queue)
            {
                // Inside a list: kubectl flattens nested lists breadth first (cli-runtime FlattenListVisitor).
                queue.Enqueue((items, PodMapper.Child(path, "items"), kind, apiVersion));
                return;
            }

            _queue = new Queue<(ManifestNode, string, string, string)>();
            _queue.Enqueue((items, PodMapper.Child(path, "items"), kind, apiVersion));
            while (_queue.TryDequeue(out var list))
            {
                ReadList(list.Item1, list.Item2, list.Item3, list.Item4);
            }

            _queue = null;
            return;
        }

        if (kind == "Pod")
        {
            ReadPod(mapping, path, item, apiVersion);
            return;
        }

        if (WorkloadTemplates.PathOf(kind) is { } templatePath)
        {
            ReadTemplate(mapping, path, item, kind, apiVersion, templatePath);
            return;
        }

        var metadata = mapping.Get("metadata") as ManifestMapping;
        others.Add(new ManifestObject(
            apiVersion,
            kind,
            metadata?.GetString("name") ?? "",
            metadata?.GetString("namespace") ?? "",
            mapping,
            mapper.File,
            document,
            item) { IsJson = mapper.IsJson });
    }

    /// <summary>The kinds read as pods or lists of them, for MANI-054's check.</summary>
    private static readonly string[] KnownKinds = ["Pod", "List", "PodList", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController", "CronJob"];

    private static string? KnownKindIgnoringCase(string kind)
    {
        foreach (string known in KnownKinds)
        {
            if (string.Equals(known, kind, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    private void ReadList(ManifestNode items, string path, string kind, string apiVersion)
    {
        if (items is not ManifestSequence sequence)
        {
            if (items is not ManifestScalar { IsNull: true })
            {
                mapper.Error(items.Position, path, $"expected a list, got {items.Describe()}");
            }

            return;
        }

        // Items of a typed list (PodList, ConfigMapList) may omit kind; those of a plain List may not.
        string? itemKind = kind == "List" ? null : kind[..^"List".Length];
        for (int i = 0; i < sequence.Items.Length; i++)
        {
            ReadObject(sequence.Items[i], PodMapper.Index(path, i), i, itemKind, kind == "List" ? null : apiVersion);
        }
    }

    /// <summary>
    /// A workload's pod template as a Pod: the template's metadata and spec, named and placed as the workload (the
    /// controller names its pods after it), every diagnostic at the template's real path.
    /// </summary>
    private void ReadTemplate(ManifestMapping mapping, string path, int item, string kind, string apiVersion, string templatePath)
    {
        int before = mapper.ErrorCount;
        int mark = mapper.Diagnostics.Count;
        mapper.BeginObject(path);
        ManifestNode? node = mapping;
        string at = path;
        foreach (string step in templatePath.Split('.'))
        {
            at = PodMapper.Child(at, step);
            node = (node as ManifestMapping)?.Get(step);
        }

        var metadata = mapping.Get("metadata") as ManifestMapping;
        string name = metadata?.GetString("name") ?? "";
        string ns = metadata?.GetString("namespace") ?? "";
        if (node is not ManifestMapping template)
        {
            mapper.Error(mapping.Position, at, $"{kind} {name} has no pod template at {templatePath}");
            return;
        }

        var meta = template.Get("metadata") is { } m ? mapper.ReadObjectMeta(m, PodMapper.Child(at, "metadata"), mapper.Schema.ValueOf("ObjectMeta")) : new Model.Api.ObjectMeta();
        var spec = template.Get("spec") is { } sp ? mapper.ReadPodSpec(sp, PodMapper.Child(at, "spec"), mapper.Schema.ValueOf("PodSpec")) : new Model.Api.PodSpec();
        var pod = new Model.Api.Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = meta with { Name = meta.Name.Length == 0 ? name : meta.Name, Namespace = meta.Namespace.Length == 0 ? ns : meta.Namespace },
            Spec = spec,
        };
        if (mapper.ErrorCount == before)
        {
            pods.Add(new LoadedPod(pod, mapper.File, document, item, mapping.Position)
            {
                Template = new PodTemplateSource(kind, apiVersion, name, ns, templatePath),
                UnknownFields = mapper.UnknownFieldsSince(mark),
            });
        }
    }

    private void ReadPod(ManifestMapping mapping, string path, int item, string apiVersion)
    {
        int before = mapper.ErrorCount;
        int mark = mapper.Diagnostics.Count;
        if (apiVersion.Length == 0)
        {
            mapper.Warning(mapping.Position, path, "apiVersion is not set; assuming v1");
        }
        else if (apiVersion != "v1")
        {
            mapper.Error(mapping.Get("apiVersion")?.Position ?? mapping.Position, PodMapper.Child(path, "apiVersion"), $"no kind \"Pod\" is registered for version \"{apiVersion}\"");
        }

        mapper.BeginObject(path);
        var pod = mapper.ReadPod(mapping, path, mapper.Schema.RootField) with { ApiVersion = "v1", Kind = "Pod" };
        if (mapper.ErrorCount == before)
        {
            pods.Add(new LoadedPod(pod, mapper.File, document, item, mapping.Position) { UnknownFields = mapper.UnknownFieldsSince(mark) });
        }
    }
}
