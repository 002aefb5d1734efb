using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Volumes: emptyDir, configMap, secret and downwardAPI are mapped; every other VolumeSource member only sets
/// <see cref="Volume.SourceKind"/> and is listed as not modelled.
/// </summary>
internal sealed partial class PodMapper
{
    private Volume ReadVolume(ManifestNode node, string path)
    {
        var v = new Volume();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name":
                    v = v with { Name = Str(value, p) };
                    break;
                case "emptyDir":
                    v = v with { SourceKind = key.Value, EmptyDir = ReadEmptyDir(value, p) };
                    break;
                case "configMap":
                    v = v with { SourceKind = key.Value, ConfigMap = ReadObjectReference(value, p, "name", NotModelledFields.KeyToPathVolume) };
                    break;
                case "secret":
                    v = v with { SourceKind = key.Value, Secret = ReadObjectReference(value, p, "secretName", NotModelledFields.KeyToPathVolume) };
                    break;
                case "downwardAPI":
                    v = v with { SourceKind = key.Value, DownwardApiItems = ReadDownwardApi(value, p) };
                    break;
                default:
                    if (NotModelledFields.OtherVolumeSources.Contains(key.Value))
                    {
                        v = v with { SourceKind = key.Value };
                    }

                    Other(key, path, NotModelledFields.OtherVolumeSources);
                    break;
            }
        }

        return v;
    }

    private EmptyDirVolumeSource ReadEmptyDir(ManifestNode node, string path)
    {
        var e = new EmptyDirVolumeSource();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "medium": e = e with { Medium = Str(value, p) }; break;
                case "sizeLimit": e = e with { SizeLimit = QuantityValue(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return e;
    }

    private Model.Collections.ValueList<DownwardApiVolumeFile> ReadDownwardApi(ManifestNode node, string path)
    {
        Model.Collections.ValueList<DownwardApiVolumeFile> items = default;
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "items")
            {
                items = List(value, Child(path, key.Value), ReadDownwardApiFile);
            }
            else
            {
                Other(key, path, NotModelledFields.DownwardApiVolume);
            }
        }

        return items;
    }

    private DownwardApiVolumeFile ReadDownwardApiFile(ManifestNode node, string path)
    {
        var f = new DownwardApiVolumeFile();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "path": f = f with { Path = Str(value, p) }; break;
                case "fieldRef": f = f with { FieldRef = IsNull(value) ? null : ReadFieldSelector(value, p) }; break;
                case "resourceFieldRef": f = f with { ResourceFieldRef = IsNull(value) ? null : ReadResourceFieldSelector(value, p) }; break;
                default: Other(key, path, NotModelledFields.DownwardApiVolumeFile); break;
            }
        }

        return f;
    }
}
