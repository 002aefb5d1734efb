using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>env, envFrom and the selectors shared with downward API volumes.</summary>
internal sealed partial class PodMapper
{
    public EnvVar ReadEnvVar(ManifestNode node, string path)
    {
        var env = new EnvVar();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": env = env with { Name = Str(value, p) }; break;
                case "value": env = env with { Value = Str(value, p) }; break;
                case "valueFrom": env = env with { ValueFrom = IsNull(value) ? null : ReadEnvVarSource(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return env;
    }

    private EnvVarSource ReadEnvVarSource(ManifestNode node, string path)
    {
        var source = new EnvVarSource();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            bool isNull = IsNull(value);
            switch (key.Value)
            {
                case "fieldRef": source = source with { FieldRef = isNull ? null : ReadFieldSelector(value, p) }; break;
                case "resourceFieldRef": source = source with { ResourceFieldRef = isNull ? null : ReadResourceFieldSelector(value, p) }; break;
                case "configMapKeyRef": source = source with { ConfigMapKeyRef = isNull ? null : ReadKeySelector(value, p) }; break;
                case "secretKeyRef": source = source with { SecretKeyRef = isNull ? null : ReadKeySelector(value, p) }; break;
                default: Other(key, path, NotModelledFields.EnvVarSource); break;
            }
        }

        return source;
    }

    private ObjectFieldSelector ReadFieldSelector(ManifestNode node, string path)
    {
        var s = new ObjectFieldSelector();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "apiVersion": s = s with { ApiVersion = Str(value, p) }; break;
                case "fieldPath": s = s with { FieldPath = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return s;
    }

    private ResourceFieldSelector ReadResourceFieldSelector(ManifestNode node, string path)
    {
        var s = new ResourceFieldSelector();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "containerName": s = s with { ContainerName = Str(value, p) }; break;
                case "resource": s = s with { Resource = Str(value, p) }; break;
                case "divisor": s = s with { Divisor = QuantityValue(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return s;
    }

    private KeySelector ReadKeySelector(ManifestNode node, string path)
    {
        var s = new KeySelector();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": s = s with { Name = Str(value, p) }; break;
                case "key": s = s with { Key = Str(value, p) }; break;
                case "optional": s = s with { Optional = Bool(value, p) }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return s;
    }

    private EnvFromSource ReadEnvFromSource(ManifestNode node, string path)
    {
        var s = new EnvFromSource();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "prefix": s = s with { Prefix = Str(value, p) }; break;
                case "configMapRef": s = s with { ConfigMapRef = IsNull(value) ? null : ReadObjectReference(value, p, "name") }; break;
                case "secretRef": s = s with { SecretRef = IsNull(value) ? null : ReadObjectReference(value, p, "name") }; break;
                default: Other(key, path, NotModelledFields.None); break;
            }
        }

        return s;
    }

    /// <summary>
    /// A name plus <c>optional</c>: configMapRef/secretRef (name under "name") and the configMap/secret volume
    /// sources (the secret's is "secretName"), whose other fields are passed as <paramref name="notModelled"/>.
    /// </summary>
    private ObjectReference ReadObjectReference(
        ManifestNode node,
        string path,
        string nameField,
        System.Collections.Frozen.FrozenSet<string>? notModelled = null)
    {
        var r = new ObjectReference();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            if (key.Value == nameField)
            {
                r = r with { Name = Str(value, p) };
            }
            else if (key.Value == "optional")
            {
                r = r with { Optional = Bool(value, p) };
            }
            else
            {
                Other(key, path, notModelled ?? NotModelledFields.None);
            }
        }

        return r;
    }
}
