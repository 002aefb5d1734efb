using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Testing.Tests.Support;

/// <summary>Observes nothing, so every rule skips without running a case: cheap for checking which rule a test runs.</summary>
internal sealed class NoCapabilityAdapter : IConformanceAdapter
{
    public string Name => "nothing";

    public Capability Capabilities => Capability.None;

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a rule ran although the adapter has no capabilities");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
