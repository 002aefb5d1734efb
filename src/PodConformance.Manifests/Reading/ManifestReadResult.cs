using System.Collections.Immutable;

namespace PodConformance.Manifests.Reading;

/// <summary>Everything one read produced. Reading never throws; problems are <see cref="Diagnostics"/>.</summary>
public sealed record ManifestReadResult(
    ImmutableArray<LoadedPod> Pods,
    ImmutableArray<ManifestObject> OtherObjects,
    ImmutableArray<ManifestDiagnostic> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public IEnumerable<ManifestDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<ManifestDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
