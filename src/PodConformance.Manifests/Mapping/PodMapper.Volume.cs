using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Volumes: emptyDir, configMap, secret and downwardAPI have hand-written readers; every other VolumeSource
/// member sets <see cref="Volume.SourceKind"/> and is read by the generated reader.
/// </summary>
internal sealed partial class PodMapper
{
    private Volume ReadVolume(ManifestNode node, string path, SchemaField self)
    {
        var v = new Volume();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name":
                    v = v with { Name = Str(value, p, field) };
                    break;
                case "emptyDir":
                    // An explicit null leaves Go's pointer nil: no source, so SourceKind is not set either.
                    v = IsNull(value) ? v with { EmptyDir = null } : v with { SourceKind = key.Value, EmptyDir = ReadEmptyDir(value, p, field) };
                    break;
                case "configMap":
                    v = IsNull(value) ? v with { ConfigMap = null } : v with { SourceKind = key.Value, ConfigMap = ReadObjectReference(value, p, field, "name") };
                    break;
                case "secret":
                    v = IsNull(value) ? v with { Secret = null } : v with { SourceKind = key.Value, Secret = ReadObjectReference(value, p, field, "secretName") };
                    break;
                case "downwardAPI":
                    if (IsNull(value))
                    {
                        v = v with { DownwardApiPresent = false, DownwardApiItems = default, DownwardApiDefaultMode = null, DownwardApiDefaultUser = null };
                        break;
                    }

                    v = v with { SourceKind = key.Value, DownwardApiPresent = true };
                    ReadDownwardApi(value, p, field, ref v);
                    break;
                default:
                    // Every other member of the inline VolumeSource (a null value leaves it unset, as in Go).
                    if (!IsNull(value))
                    {
                        v = v with { SourceKind = key.Value };
                    }

                    ReadGenerated(ref v, key, value, p, field);
                    break;
            }
        }

        return v;
    }

    private EmptyDirVolumeSource ReadEmptyDir(ManifestNode node, string path, SchemaField self)
    {
        var e = new EmptyDirVolumeSource();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "medium": e = e with { Medium = Str(value, p, field) }; break;
                case "sizeLimit": e = e with { SizeLimit = QuantityValue(value, p, field) }; break;
                default: ReadGenerated(ref e, key, value, p, field); break;
            }
        }

        return e;
    }

    /// <summary>The model keeps downwardAPI.items on the volume; defaultMode is read by the generated reader.</summary>
    private void ReadDownwardApi(ManifestNode node, string path, SchemaField self, ref Volume v)
    {
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            if (key.Value == "items")
            {
                v = v with { DownwardApiItems = StructList(value, p, field, ReadDownwardApiVolumeFile) };
            }
            else
            {
                ReadGeneratedDownwardApi(ref v, key, value, p, field);
            }
        }
    }

    private DownwardApiVolumeFile ReadDownwardApiVolumeFile(ManifestNode node, string path, SchemaField self)
    {
        var f = new DownwardApiVolumeFile();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "path": f = f with { Path = Str(value, p, field) }; break;
                case "fieldRef": f = f with { FieldRef = IsNull(value) ? null : ReadFieldSelector(value, p, field) }; break;
                case "resourceFieldRef": f = f with { ResourceFieldRef = IsNull(value) ? null : ReadResourceFieldSelector(value, p, field) }; break;
                default: ReadGenerated(ref f, key, value, p, field); break;
            }
        }

        return f;
    }
}
