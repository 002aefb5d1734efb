namespace PodConformance.Manifests.Writing;

/// <summary>How the YAML writer orders mapping keys.</summary>
public enum YamlKeyOrder
{
    /// <summary>Sorted as <c>kubectl get -o yaml</c> prints them (the default: output diffs cleanly against kubectl's).</summary>
    Kubectl,

    /// <summary>Go struct field order, as <c>kubectl get -o json</c> and the API server's JSON use.</summary>
    StructOrder,
}
