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
            case VolumeField.EmptyDir:
                if (x.EmptyDir is { } emptyDir)
                {
                    w.WritePropertyName("emptyDir"u8);
                    WriteEmptyDirVolumeSource(w, emptyDir);
                }

                break;
            case VolumeField.Secret:
                if (x.Secret is { } secret)
                {
                    w.WritePropertyName("secret"u8);
                    WriteSecretVolumeSource(w, secret);
                }

                break;
            case VolumeField.DownwardAPI:
                if (x.HasDownwardApi || !x.DownwardApiItems.IsEmpty)
                {
                    w.WriteStartObject("downwardAPI"u8);
                    Items(w, "items"u8, x.DownwardApiItems, WriteDownwardAPIVolumeFile);
                    WriteVolumeRestDownwardApi(w, x);
                    w.WriteEndObject();
                }

                break;
            case VolumeField.ConfigMap:
                if (x.ConfigMap is { } configMap)
                {
                    w.WritePropertyName("configMap"u8);
                    WriteConfigMapVolumeSource(w, configMap);
                }

                break;
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
            case DownwardApiVolumeFileField.FieldRef:
                if (x.FieldRef is { } fieldRef)
                {
                    w.WritePropertyName("fieldRef"u8);
                    WriteObjectFieldSelector(w, fieldRef);
                }

                break;
            case DownwardApiVolumeFileField.ResourceFieldRef:
                if (x.ResourceFieldRef is { } resourceFieldRef)
                {
                    w.WritePropertyName("resourceFieldRef"u8);
                    WriteResourceFieldSelector(w, resourceFieldRef);
                }

                break;
            default: throw Unknown(f);
        }
    }
}
