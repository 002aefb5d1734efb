namespace PodConformance.Manifests.Reading;

/// <summary>
/// What a manifest fragment is the body of. Tutorials show fragments (<c>env:</c>, <c>resources:</c>,
/// <c>containers:</c>) rather than whole Pods; reading them as such lets those snippets be checked too.
/// </summary>
public enum ManifestFragment
{
    /// <summary>The fields of a PodSpec (<c>containers:</c>, <c>volumes:</c>…) without apiVersion/kind/spec.</summary>
    PodSpec,

    /// <summary>The fields of one Container (<c>env:</c>, <c>resources:</c>…).</summary>
    Container,
}
