using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Adapters;

/// <summary>
/// Anything that can run cases and report observations: the model, a simulator behind the process
/// protocol, a library, a cluster. Implement this to verify your own system.
/// </summary>
public interface IConformanceAdapter : IAsyncDisposable
{
    /// <summary>A short name for reports (<c>model</c>, <c>process:./sim</c>).</summary>
    string Name { get; }

    Capability Capabilities { get; }

    /// <summary>Runs one case. Implementations report their own failures in <see cref="Observation.Failure"/> rather than throwing.</summary>
    ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken);
}
