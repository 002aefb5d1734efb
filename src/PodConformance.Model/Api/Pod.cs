namespace PodConformance.Model.Api;

/// <summary>
/// A Pod as the model sees it: the v1 API object reduced to the fields whose semantics are modelled.
/// Field names follow the API; Go zero values are C# defaults, Go pointers are nullable.
/// </summary>
public sealed record Pod
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Pod";

    public ObjectMeta Metadata { get; init; } = new();

    public PodSpec Spec { get; init; } = new();

    /// <summary>Null when the manifest carried no status (a manifest to create, not an object read back).</summary>
    public PodStatus? Status { get; init; }
}
