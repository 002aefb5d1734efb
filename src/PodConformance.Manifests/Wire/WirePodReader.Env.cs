using System.Text.Json;
using PodConformance.Model.Api;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Mapping/PodMapper.Env.cs.</summary>
static partial class WirePodReader
{
    private static bool ReadEnvVar(ref Utf8JsonReader r, out EnvVar value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "", v = "";
        EnvVarSource? from = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("name"u8)) { ok = TakeString(ref r, out name); bit = 0; }
            else if (key.SequenceEqual("value"u8)) { ok = TakeString(ref r, out v); bit = 1; }
            else if (key.SequenceEqual("valueFrom"u8)) { ok = ReadEnvVarSource(ref r, out var s); from = s; bit = 2; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new EnvVar { Name = name, Value = v, ValueFrom = from };
        return AtEnd(ref r);
    }

    private static bool ReadEnvVarSource(ref Utf8JsonReader r, out EnvVarSource value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        ObjectFieldSelector? fieldRef = null;
        ResourceFieldSelector? resourceFieldRef = null;
        KeySelector? configMapKeyRef = null, secretKeyRef = null;
        var extra = default(EnvVarSourceWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            KeySelector k;
            if (key.SequenceEqual("fieldRef"u8)) { ok = ReadObjectFieldSelector(ref r, out var f); fieldRef = f; bit = 0; }
            else if (key.SequenceEqual("resourceFieldRef"u8)) { ok = ReadResourceFieldSelector(ref r, out var f); resourceFieldRef = f; bit = 1; }
            else if (key.SequenceEqual("configMapKeyRef"u8)) { ok = ReadKeySelector(ref r, out k); configMapKeyRef = k; bit = 2; }
            else if (key.SequenceEqual("secretKeyRef"u8)) { ok = ReadKeySelector(ref r, out k); secretKeyRef = k; bit = 3; }
            else if (extra.TryReadEnvVarSource(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new EnvVarSource { FieldRef = fieldRef, ResourceFieldRef = resourceFieldRef, ConfigMapKeyRef = configMapKeyRef, SecretKeyRef = secretKeyRef });
        return AtEnd(ref r);
    }

    private static bool ReadObjectFieldSelector(ref Utf8JsonReader r, out ObjectFieldSelector value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string apiVersion = "", fieldPath = "";
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("apiVersion"u8)) { ok = TakeString(ref r, out apiVersion); bit = 0; }
            else if (key.SequenceEqual("fieldPath"u8)) { ok = TakeString(ref r, out fieldPath); bit = 1; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ObjectFieldSelector { ApiVersion = apiVersion, FieldPath = fieldPath };
        return AtEnd(ref r);
    }

    private static bool ReadResourceFieldSelector(ref Utf8JsonReader r, out ResourceFieldSelector value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string containerName = "", resource = "";
        Quantity? divisor = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("containerName"u8)) { ok = TakeString(ref r, out containerName); bit = 0; }
            else if (key.SequenceEqual("resource"u8)) { ok = TakeString(ref r, out resource); bit = 1; }
            else if (key.SequenceEqual("divisor"u8)) { ok = TakeQuantity(ref r, out var q); divisor = q; bit = 2; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new ResourceFieldSelector { ContainerName = containerName, Resource = resource, Divisor = divisor };
        return AtEnd(ref r);
    }

    /// <summary>ConfigMapKeySelector and SecretKeySelector (the same fields).</summary>
    private static bool ReadKeySelector(ref Utf8JsonReader r, out KeySelector value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "", k = "";
        bool? optional = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("name"u8)) { ok = TakeString(ref r, out name); bit = 0; }
            else if (key.SequenceEqual("key"u8)) { ok = TakeString(ref r, out k); bit = 1; }
            else if (key.SequenceEqual("optional"u8)) { ok = TakeBool(ref r, out bool o); optional = o; bit = 2; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new KeySelector { Name = name, Key = k, Optional = optional };
        return AtEnd(ref r);
    }

    private static bool ReadEnvFromSource(ref Utf8JsonReader r, out EnvFromSource value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string prefix = "";
        ObjectReference? configMapRef = null, secretRef = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            ObjectReference o;
            if (key.SequenceEqual("prefix"u8)) { ok = TakeString(ref r, out prefix); bit = 0; }
            else if (key.SequenceEqual("configMapRef"u8)) { ok = ReadEnvSource(ref r, out o); configMapRef = o; bit = 1; }
            else if (key.SequenceEqual("secretRef"u8)) { ok = ReadEnvSource(ref r, out o); secretRef = o; bit = 2; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new EnvFromSource { Prefix = prefix, ConfigMapRef = configMapRef, SecretRef = secretRef };
        return AtEnd(ref r);
    }

    /// <summary>ConfigMapEnvSource and SecretEnvSource: name and optional, nothing else.</summary>
    private static bool ReadEnvSource(ref Utf8JsonReader r, out ObjectReference value)
    {
        var none = default(ObjectReferenceWireFields);
        return ReadObjectReference(ref r, out value, "name"u8, ref none, ObjectReferenceKind.EnvSource);
    }

    private enum ObjectReferenceKind
    {
        EnvSource,
        ConfigMapVolume,
        SecretVolume,
    }

    /// <summary>A name (under <paramref name="nameField"/>) and optional; the volume sources' other fields are generated.</summary>
    private static bool ReadObjectReference(ref Utf8JsonReader r, out ObjectReference value, ReadOnlySpan<byte> nameField, ref ObjectReferenceWireFields extra, ObjectReferenceKind kind)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string name = "";
        bool? optional = null;
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual(nameField)) { ok = TakeString(ref r, out name); bit = 0; }
            else if (key.SequenceEqual("optional"u8)) { ok = TakeBool(ref r, out bool o); optional = o; bit = 1; }
            else if (kind == ObjectReferenceKind.ConfigMapVolume && extra.TryReadConfigMapVolumeSource(key, ref r)) { continue; }
            else if (kind == ObjectReferenceKind.SecretVolume && extra.TryReadSecretVolumeSource(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new ObjectReference { Name = name, Optional = optional });
        return AtEnd(ref r);
    }
}
