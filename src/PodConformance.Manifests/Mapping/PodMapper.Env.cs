using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>env, envFrom and the selectors shared with downward API volumes.</summary>
internal sealed partial class PodMapper
{
    public EnvVar ReadEnvVar(ManifestNode node, string path, SchemaField self)
    {
        var env = new EnvVar();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": env = env with { Name = Str(value, p, field) }; break;
                case "value": env = env with { Value = Str(value, p, field) }; break;
                case "valueFrom": env = env with { ValueFrom = IsNull(value) ? null : ReadEnvVarSource(value, p, field) }; break;
            }
        }

        return env;
    }

    private EnvVarSource ReadEnvVarSource(ManifestNode node, string path, SchemaField self)
    {
        var source = new EnvVarSource();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            bool isNull = IsNull(value);
            switch (key.Value)
            {
                case "fieldRef": source = source with { FieldRef = isNull ? null : ReadFieldSelector(value, p, field) }; break;
                case "resourceFieldRef": source = source with { ResourceFieldRef = isNull ? null : ReadResourceFieldSelector(value, p, field) }; break;
                case "configMapKeyRef": source = source with { ConfigMapKeyRef = isNull ? null : ReadKeySelector(value, p, field) }; break;
                case "secretKeyRef": source = source with { SecretKeyRef = isNull ? null : ReadKeySelector(value, p, field) }; break;
                default: ReadGenerated(ref source, key, value, p, field); break;
            }
        }

        return source;
    }

    private ObjectFieldSelector ReadFieldSelector(ManifestNode node, string path, SchemaField self)
    {
        var s = new ObjectFieldSelector();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "apiVersion": s = s with { ApiVersion = Str(value, p, field) }; break;
                case "fieldPath": s = s with { FieldPath = Str(value, p, field) }; break;
            }
        }

        return s;
    }

    private ResourceFieldSelector ReadResourceFieldSelector(ManifestNode node, string path, SchemaField self)
    {
        var s = new ResourceFieldSelector();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "containerName": s = s with { ContainerName = Str(value, p, field) }; break;
                case "resource": s = s with { Resource = Str(value, p, field) }; break;
                case "divisor": s = s with { Divisor = QuantityValue(value, p, field) }; break;
            }
        }

        return s;
    }

    private KeySelector ReadKeySelector(ManifestNode node, string path, SchemaField self)
    {
        var s = new KeySelector();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "name": s = s with { Name = Str(value, p, field) }; break;
                case "key": s = s with { Key = Str(value, p, field) }; break;
                case "optional": s = s with { Optional = Bool(value, p, field) }; break;
            }
        }

        return s;
    }

    private EnvFromSource ReadEnvFromSource(ManifestNode node, string path, SchemaField self)
    {
        var s = new EnvFromSource();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "prefix": s = s with { Prefix = Str(value, p, field) }; break;
                case "configMapRef": s = s with { ConfigMapRef = IsNull(value) ? null : ReadObjectReference(value, p, field, "name") }; break;
                case "secretRef": s = s with { SecretRef = IsNull(value) ? null : ReadObjectReference(value, p, field, "name") }; break;
            }
        }

        return s;
    }

    /// <summary>
    /// A name plus <c>optional</c>: configMapRef/secretRef (name under "name") and the configMap/secret volume
    /// sources (the secret's is "secretName"), whose other fields (items, defaultMode) are generated.
    /// </summary>
    private ObjectReference ReadObjectReference(
        ManifestNode node,
        string path,
        SchemaField self,
        string nameField)
    {
        var r = new ObjectReference();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            if (key.Value == nameField)
            {
                r = r with { Name = Str(value, p, field) };
            }
            else if (key.Value == "optional")
            {
                r = r with { Optional = Bool(value, p, field) };
            }
            else
            {
                ReadGenerated(ref r, key, value, p, field);
            }
        }

        return r;
    }
}
