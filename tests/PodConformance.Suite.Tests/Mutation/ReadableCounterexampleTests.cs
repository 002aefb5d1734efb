using PodConformance.Generators;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Issue 10 item 5: a counterexample shrinks to what a person reads — the containers and fields the bent rule needs,
/// short names, no volumes, env, ports, labels or resources it does not read, at most the one scenario step it needs —
/// checked on the shape mutants at the default seed, whose unshrunk cases are the largest the suite draws.
/// </summary>
public class ReadableCounterexampleTests(ITestOutputHelper output)
{
    /// <summary>Each shape mutant with the most containers its shrunk counterexample may keep (the rule reads that many).</summary>
    public static TheoryData<string, int> ShapeMutants => new()
    {
        { "cond-ready-ignores-gates", 1 },
        { "backoff-cap-10m", 1 },
        { "backoff-never-resets", 1 },
        { "kill-sidecars-first", 2 },
        { "phase-deleted-stays-running", 1 },
    };

    [Theory]
    [MemberData(nameof(ShapeMutants))]
    public void A_shape_mutant_shrinks_to_a_readable_case(string id, int maxContainers)
    {
        var mutant = Mutants.Find(id);
        var kill = MutantRuns.Run(mutant, RunOptions.DefaultSeed, mutant.Adapter());
        Assert.NotNull(kill);
        var c = Assert.IsType<PodCase>(kill.Result.Counterexample?.Shrunk);
        output.WriteLine($"{id}: {kill.Original.Text} (size {kill.Original.Size}) → {kill.Shrunk.Text} (size {kill.Shrunk.Size})");
        output.WriteLine(c.Pod.ToString());
        output.WriteLine(c.Scenario.ToString());

        var spec = c.Pod.Spec;
        var containers = spec.InitContainers.Concat(spec.Containers).ToList();
        Assert.InRange(containers.Count, 1, maxContainers);
        Assert.True(kill.Shrunk.Size <= (1000 * maxContainers) + 60, $"{id}: shrunk size {kill.Shrunk.Size}");
        Assert.Empty(spec.Volumes);
        Assert.Empty(c.Pod.Metadata.Labels);
        Assert.True(spec.ReadinessGates.Count <= 1, "readiness gates: " + spec.ReadinessGates.Count);
        foreach (var container in containers)
        {
            Assert.True(container.Name.Length <= 2, "container name " + container.Name);
            Assert.Empty(container.Env);
            Assert.Empty(container.Ports);
            Assert.Empty(container.VolumeMounts);
            Assert.True(container.Resources.Requests.IsEmpty && container.Resources.Limits.IsEmpty, container.Name + " keeps resources");
        }

        Assert.True(c.Scenario.Steps.Count <= 1, "steps: " + c.Scenario.Steps.Count);
        Assert.True(c.Scenario.Pods.Values.Sum(p => p.Containers.Count) <= maxContainers, "scripted containers");
        Assert.True(ScenarioShrinker.Size(new ScenarioCase(c.Pod, c.Scenario)) < ScenarioShrinker.Size(ToScenarioCase(kill.Result.Counterexample!.Original)));
    }

    private static ScenarioCase ToScenarioCase(ConformanceCase c) => c is PodCase p ? new ScenarioCase(p.Pod, p.Scenario) : throw new ArgumentException(c.GetType().Name);
}
