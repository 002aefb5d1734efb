using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

/// <summary>A volume: its name, which source kind it uses, and the sources whose semantics are modelled.</summary>
public sealed partial record Volume
{
    public string Name { get; init; } = "";

    /// <summary>The API field name of the source (<c>emptyDir</c>, <c>configMap</c>, <c>hostPath</c>…); empty if none.</summary>
    public string SourceKind { get; init; } = "";

    public EmptyDirVolumeSource? EmptyDir { get; init; }

    public ObjectReference? ConfigMap { get; init; }

    /// <summary>The secret's name is <c>secretName</c> in the API.</summary>
    public ObjectReference? Secret { get; init; }

    public ValueList<DownwardApiVolumeFile> DownwardApiItems { get; init; }

    /// <summary>
    /// <c>downwardAPI</c> was given (non-null). The model keeps the downward API source's fields on the volume, so this flag
    /// is what says the source is set when another source key follows it in the manifest (<see cref="SourceKind"/> names the last).
    /// </summary>
    public bool DownwardApiPresent { get; init; }

    /// <summary>Whether the volume has a <c>downwardAPI</c> source (<see cref="DownwardApiPresent"/>, or built in code with that kind).</summary>
    public bool HasDownwardApi => DownwardApiPresent || string.Equals(SourceKind, "downwardAPI", StringComparison.Ordinal);
}

public sealed partial record EmptyDirVolumeSource
{
    public string Medium { get; init; } = "";

    public Quantities.Quantity? SizeLimit { get; init; }
}

public sealed partial record DownwardApiVolumeFile
{
    public string Path { get; init; } = "";

    public ObjectFieldSelector? FieldRef { get; init; }

    public ResourceFieldSelector? ResourceFieldRef { get; init; }
}
