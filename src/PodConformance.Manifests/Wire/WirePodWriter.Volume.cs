using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of the volume part of Writing/PodTree.Spec.cs: the four hand-written sources and downward API files.</summary>
static partial class WirePodWriter
{
    private static void Hand(Utf8JsonWriter w, Volume x, VolumeField f)
    {
        switch (f)
        {
            case VolumeField.Name: StrAlways(w, "name"u8, x.Name); break;
            case VolumeField.EmptyDir: Obj(w, "emptyDir"u8, x.EmptyDir, WriteEmptyDirVolumeSource); break;
            case VolumeField.Secret: Obj(w, "secret"u8, x.Secret, WriteSecretVolumeSource); break;
            case VolumeField.DownwardAPI:
                if (x.HasDownwardApi || !x.DownwardApiItems.IsEmpty)
                {
                    w.WriteStartObject("downwardAPI"u8);
                    Items(w, "items"u8, x.DownwardApiItems, WriteDownwardAPIVolumeFile);
                    WriteVolumeRestDownwardApi(w, x);
                    w.WriteEndObject();
                }

                break;
            case VolumeField.ConfigMap: Obj(w, "configMap"u8, x.ConfigMap, WriteConfigMapVolumeSource); break;
            default: throw Unknown(f);
        }
    }

    private static void Hand(Utf8JsonWriter w, EmptyDirVolumeSource x, EmptyDirVolumeSourceField f)
    {
        switch (f)
        {
            case EmptyDirVolumeSourceField.Medium: Str(w, "medium"u8, x.Medium); break;
            case EmptyDirVolumeSourceField.SizeLimit: QuantityPointer(w, "sizeLimit"u8, x.SizeLimit); break;
            default: throw Unknown(f);
        }
    }

    /// <summary>The name of a ConfigMap or Secret a volume or <c>envFrom</c> refers to (<c>secretName</c> in a Secret volume).</summary>
    private static void Hand(Utf8JsonWriter w, ObjectReference x, ObjectReferenceField f)
    {
        switch (f)
        {
            case ObjectReferenceField.Name: Str(w, "name"u8, x.Name); break;
            case ObjectReferenceField.SecretName: Str(w, "secretName"u8, x.Name); break;
            case ObjectReferenceField.Optional: Bool(w, "optional"u8, x.Optional); break;
            default: throw Unknown(f);
        }
    }

    private static void Hand(Utf8JsonWriter w, DownwardApiVolumeFile x, DownwardApiVolumeFileField f)
    {
        switch (f)
        {
            case DownwardApiVolumeFileField.Path: StrAlways(w, "path"u8, x.Path); break;
            case DownwardApiVolumeFileField.FieldRef: Obj(w, "fieldRef"u8, x.FieldRef, WriteObjectFieldSelector); break;
            case DownwardApiVolumeFileField.ResourceFieldRef: Obj(w, "resourceFieldRef"u8, x.ResourceFieldRef, WriteResourceFieldSelector); break;
            default: throw Unknown(f);
        }
    }
}
