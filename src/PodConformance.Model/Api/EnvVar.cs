namespace PodConformance.Model.Api;

public sealed record EnvVar
{
    public string Name { get; init; } = "";

    public string Value { get; init; } = "";

    public EnvVarSource? ValueFrom { get; init; }
}

public sealed partial record EnvVarSource
{
    public ObjectFieldSelector? FieldRef { get; init; }

    public ResourceFieldSelector? ResourceFieldRef { get; init; }

    public KeySelector? ConfigMapKeyRef { get; init; }

    public KeySelector? SecretKeyRef { get; init; }
}

public sealed record ObjectFieldSelector
{
    /// <summary>Empty until defaulted (default v1).</summary>
    public string ApiVersion { get; init; } = "";

    public string FieldPath { get; init; } = "";
}

public sealed record ResourceFieldSelector
{
    public string ContainerName { get; init; } = "";

    public string Resource { get; init; } = "";

    /// <summary>Null when unset; a zero divisor behaves as 1.</summary>
    public Quantities.Quantity? Divisor { get; init; }
}

/// <summary>configMapKeyRef / secretKeyRef.</summary>
public sealed record KeySelector
{
    public string Name { get; init; } = "";

    public string Key { get; init; } = "";

    public bool? Optional { get; init; }
}

public sealed record EnvFromSource
{
    public string Prefix { get; init; } = "";

    public ObjectReference? ConfigMapRef { get; init; }

    public ObjectReference? SecretRef { get; init; }
}

/// <summary>configMapRef / secretRef of envFrom.</summary>
public sealed partial record ObjectReference
{
    public string Name { get; init; } = "";

    public bool? Optional { get; init; }
}
