using System.Text;
using System.Text.Json;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Mapping/PodMapper.Volume.cs: every VolumeSource member but four is generated and sets the source kind.</summary>
static partial class WirePodReader
{
    private static bool ReadVolume(ref Utf8JsonReader r, out Volume value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "", sourceKind = "";
        EmptyDirVolumeSource? emptyDir = null;
        ObjectReference? configMap = null, secret = null;
        ValueList<DownwardApiVolumeFile> downwardApiItems = default;
        bool downwardApiPresent = false;
        var extra = default(VolumeParts);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            ObjectReference o;
            if (key.SequenceEqual("name"u8))
            {
                ok = TakeString(ref r, out name);
                bit = 0;
            }
            else if (key.SequenceEqual("emptyDir"u8))
            {
                ok = ReadEmptyDirVolumeSource(ref r, out var e);
                (emptyDir, sourceKind, bit) = (e, "emptyDir", 1);
            }
            else if (key.SequenceEqual("configMap"u8))
            {
                ok = ReadObjectReference(ref r, out o, "name"u8, ref extra.ConfigMapFields, ObjectReferenceKind.ConfigMapVolume);
                (configMap, sourceKind, bit) = (o, "configMap", 2);
            }
            else if (key.SequenceEqual("secret"u8))
            {
                ok = ReadObjectReference(ref r, out o, "secretName"u8, ref extra.SecretFields, ObjectReferenceKind.SecretVolume);
                (secret, sourceKind, bit) = (o, "secret", 3);
            }
            else if (key.SequenceEqual("downwardAPI"u8))
            {
                ok = ReadDownwardApi(ref r, ref extra.Fields, out downwardApiItems);
                (downwardApiPresent, sourceKind, bit) = (true, "downwardAPI", 4);
            }
            else if (extra.Fields.TryReadVolume(key, ref r))
            {
                // Every other member of the inline VolumeSource (never null here: a null gave up).
                sourceKind = Encoding.UTF8.GetString(key);
                continue;
            }
            else
            {
                return false;
            }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.Fields.ApplyTo(new Volume
        {
            Name = name,
            SourceKind = sourceKind,
            EmptyDir = emptyDir,
            ConfigMap = configMap,
            Secret = secret,
            DownwardApiItems = downwardApiItems,
            DownwardApiPresent = downwardApiPresent,
        });
        return AtEnd(ref r);
    }

    /// <summary>The generated fields met while one volume is read: its own and those of its configMap and secret sources.</summary>
    private struct VolumeParts
    {
        public VolumeWireFields Fields;
        public ObjectReferenceWireFields ConfigMapFields;
        public ObjectReferenceWireFields SecretFields;
    }

    private static bool ReadEmptyDirVolumeSource(ref Utf8JsonReader r, out EmptyDirVolumeSource value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string medium = "";
        Quantity? sizeLimit = null;
        var extra = default(EmptyDirVolumeSourceWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("medium"u8)) { ok = TakeString(ref r, out medium); bit = 0; }
            else if (key.SequenceEqual("sizeLimit"u8)) { ok = TakeQuantity(ref r, out var q); sizeLimit = q; bit = 1; }
            else if (extra.TryReadEmptyDirVolumeSource(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new EmptyDirVolumeSource { Medium = medium, SizeLimit = sizeLimit });
        return AtEnd(ref r);
    }

    /// <summary>downwardAPI: the model keeps its items on the volume; defaultMode is a generated field of the volume.</summary>
    private static bool ReadDownwardApi(ref Utf8JsonReader r, ref VolumeWireFields extra, out ValueList<DownwardApiVolumeFile> items)
    {
        items = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool seen = false;
        while (NextKey(ref r, out var key))
        {
            if (key.SequenceEqual("items"u8))
            {
                if (seen || !TakeList(ref r, out items, ReadDownwardAPIVolumeFile))
                {
                    return false;
                }

                seen = true;
            }
            else if (!extra.TryReadDownwardApi(key, ref r))
            {
                return false;
            }
        }

        return AtEnd(ref r);
    }

    private static bool ReadDownwardAPIVolumeFile(ref Utf8JsonReader r, out DownwardApiVolumeFile value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string path = "";
        ObjectFieldSelector? fieldRef = null;
        ResourceFieldSelector? resourceFieldRef = null;
        var extra = default(DownwardApiVolumeFileWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("path"u8)) { ok = TakeString(ref r, out path); bit = 0; }
            else if (key.SequenceEqual("fieldRef"u8)) { ok = ReadObjectFieldSelector(ref r, out var f); fieldRef = f; bit = 1; }
            else if (key.SequenceEqual("resourceFieldRef"u8)) { ok = ReadResourceFieldSelector(ref r, out var f); resourceFieldRef = f; bit = 2; }
            else if (extra.TryReadDownwardAPIVolumeFile(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new DownwardApiVolumeFile { Path = path, FieldRef = fieldRef, ResourceFieldRef = resourceFieldRef });
        return AtEnd(ref r);
    }
}
