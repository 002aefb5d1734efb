using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Podman.Report;

/// <summary>
/// Runs each distinct case once: every property of the report draws the same cases from the same seed, and
/// shrinking revisits cases, so without this each podman case (seconds of real time) would run many times.
/// It also makes the properties of one report judge one and the same podman run of a case.
/// </summary>
public sealed class CachingAdapter(IConformanceAdapter inner) : IConformanceAdapter
{
    private readonly Dictionary<ConformanceCase, Observation> _seen = [];

    public string Name => inner.Name;

    public Capability Capabilities => inner.Capabilities;

    /// <summary>Distinct cases actually run by the inner adapter.</summary>
    public int Runs => _seen.Count;

    public async ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        if (!_seen.TryGetValue(testCase, out var o))
        {
            o = await inner.RunAsync(testCase, profile, cancellationToken).ConfigureAwait(false);
            _seen[testCase] = o;
        }

        return o;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
