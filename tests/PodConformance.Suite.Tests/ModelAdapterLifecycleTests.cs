using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests;

/// <summary>
/// The model adapter's lifecycle facet runs the simulator from the create its admission facet already ran
/// (<c>PodSimulator.RunCreated</c>). Here it is compared with the simulator creating the pod itself
/// (<see cref="PodSimulator.Run(IReadOnlyList{Model.Api.Pod}, Scenario, Profile, DateTimeOffset?, SimulatorRules?)"/>, the
/// path it replaced): every sample and event equal, on the default run's cases of every property that compares
/// lifecycles and on cases of every pod property at another fixed seed. Both paths create with the case's admission
/// objects (its RuntimeClasses, which set overhead and scheduling constraints).
/// </summary>
public sealed class ModelAdapterLifecycleTests
{
    [Fact]
    public void The_default_runs_lifecycle_cases_observe_what_a_simulation_of_its_own_create_observes()
    {
        int compared = Compare(p => (p.Needs & Capability.Lifecycle) != 0, RunOptions.DefaultSeed, RunOptions.DefaultCount);
        Assert.True(compared >= 300, compared + " accepted pods compared");
    }

    [Fact]
    public void Generated_pod_cases_of_every_property_observe_the_same_lifecycle_both_ways()
    {
        int compared = Compare(_ => true, 7, 25);
        Assert.True(compared >= 200, compared + " accepted pods compared");
    }

    /// <summary>How many accepted pod cases of the chosen properties were compared (each must agree).</summary>
    private static int Compare(Func<ConformanceProperty, bool> which, ulong seed, int count)
    {
        var profile = Profile.Default;
        int compared = 0;
        foreach (var property in Catalog.All)
        {
            if (!which(property) || !property.AppliesTo(profile))
            {
                continue;
            }

            var gen = property.Cases(profile);
            for (int i = 0; i < count; i++)
            {
                if (SuiteRunner.CaseAt(gen, seed, i, count) is not PodCase p)
                {
                    break;
                }

                var caseProfile = p.ProfileFor(profile);
                var observed = ModelAdapter.ObservePod(p, caseProfile);
                if (observed.Admission?.Accepted != true)
                {
                    continue;
                }

                var own = LifecycleObserver.FromSimulation(PodSimulator.Run([p.Pod], p.SimulatedScenario(), caseProfile, p.AdmissionObjects()), p.Pod.Metadata.Name);
                Assert.True(own.Equals(observed.Lifecycle), property.Id + " case " + i + ": the lifecycle differs");
                compared++;
            }
        }

        return compared;
    }
}
