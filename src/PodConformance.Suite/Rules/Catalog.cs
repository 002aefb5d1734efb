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
        [.. Quantity(), .. Admission(), .. Lifecycle(tolerance), .. Oom(), .. PendingAreas()];

    /// <summary>Spec rules no adapter can observe (implementation qualities, library-only API, renderings of our own), with why.</summary>
    public static IReadOnlyDictionary<string, string> NotObservable { get; } = BuildNotObservable();

    public static ConformanceProperty? Find(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
