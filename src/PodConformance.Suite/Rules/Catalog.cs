namespace PodConformance.Suite.Rules;

/// <summary>
/// The property catalogue: every spec rule is checked by at least one property here, or is listed in
/// <see cref="NotObservable"/> with the reason no adapter can observe it. Partial files hold one area each.
/// </summary>
public static partial class Catalog
{
    /// <summary>Timing properties compare offsets exactly unless an adapter sets a tolerance.</summary>
    public static TimeSpan DefaultTolerance => TimeSpan.Zero;

    private static readonly Lazy<IReadOnlyList<ConformanceProperty>> Default = new(() => Create(DefaultTolerance));

    /// <summary>All properties with exact timing comparison.</summary>
    public static IReadOnlyList<ConformanceProperty> All => Default.Value;

    /// <summary>All properties, timing ones comparing offsets within <paramref name="tolerance"/>.</summary>
    public static IReadOnlyList<ConformanceProperty> Create(TimeSpan tolerance) =>
        [.. Quantity(), .. Admission(), .. Lifecycle(tolerance), .. Oom(), .. Env(), .. Eviction(), .. Scheduling(), .. Config(), .. Hostname()];

    /// <summary>Spec rules no adapter can observe (implementation qualities, library-only API, renderings of our own), with why.</summary>
    public static IReadOnlyDictionary<string, string> NotObservable { get; } = BuildNotObservable();

    /// <summary>
    /// Whole spec areas that describe podconf's own machinery rather than Kubernetes behaviour, so no property
    /// over an adapter's observations can check them; each names where it is tested instead.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OutOfScopeAreas { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PROTO-"] = "the adapter protocol is podconf's transport to adapters, not Pod behaviour; tests/PodConformance.Adapters.Process.Tests check it",
        ["CLUSTER-"] = "how the cluster adapter renders scenarios and stays safe is the adapter's own design; tests/PodConformance.Adapters.Cluster.Tests check it",
        ["SCHEMA-"] = "decoding a manifest happens before any adapter sees a Pod (cases carry model objects, not manifests); tests/PodConformance.Manifests.Tests/Schema check it against kubernetes/api's round-trip fixtures",
        ["WARN-"] = "create warnings are not part of the admission observation shape (accepted, errors, qosClass, defaults); tests/PodConformance.Model.Tests/Warnings and the security vectors check them",
        ["SCN-"] = "reading a scenario file is podconf's own input layer, before any adapter is handed the parsed scenario; tests/PodConformance.Manifests.Tests/Scenarios and the simulate CLI tests check it",
        ["MANI-"] = "reading YAML/JSON text (limits, positions, escaping) is podconf's own input layer, before any adapter sees a Pod; tests/PodConformance.Manifests.Tests (Parsing, Reading, the fuzz test) check it",
    };

    /// <summary>The reason a spec rule is exempt from property coverage, or null.</summary>
    public static string? ExemptionFor(string id)
    {
        if (NotObservable.TryGetValue(id, out string? why))
        {
            return why;
        }

        if (AdmissionExemption(id) is { } admission)
        {
            return admission;
        }

        foreach (var (prefix, reason) in OutOfScopeAreas)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }

    public static ConformanceProperty? Find(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
