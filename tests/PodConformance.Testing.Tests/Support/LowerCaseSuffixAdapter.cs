using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Testing.Tests.Support;

/// <summary>
/// The model with a deliberate bug (binary suffixes printed in lower case, <c>1536mi</c>) and no lifecycle capability:
/// a stand-in for a real adapter with a known deviation and a layer it does not simulate.
/// </summary>
internal sealed class LowerCaseSuffixAdapter : IConformanceAdapter
{
    public string Name => "lower-case-suffixes";

    public Capability Capabilities => Capability.Quantity | Capability.Admission | Capability.Qos | Capability.OomScore;

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        var o = ModelAdapter.Run(testCase, profile);
        return ValueTask.FromResult(o.Quantity is { Ok: true } q ? o with { Quantity = q with { String = Lower(q.String), Canonical = Lower(q.Canonical) } } : o);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Lower(string text)
    {
        foreach (string suffix in (string[])["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"])
        {
            text = text.Replace(suffix, suffix.ToLowerInvariant(), StringComparison.Ordinal);
        }

        return text;
    }
}
