using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;

namespace PodConformance.Generators.Tests;

/// <summary>
/// Size matters in every generator: at the smallest size each count sits at its floor, at the largest the samples
/// reach the cap (or, where the cap is a product of several draws, at least the stated threshold). The runner grows
/// the size from 1 to 100 over a run, so a run sees both ends.
/// </summary>
public sealed class GeneratorSizeTests
{
    private const int Samples = 400;

    private static int MostIn(Pod pod, Func<Container, int> count) =>
        pod.Spec.InitContainers.Concat(pod.Spec.Containers).Select(count).DefaultIfEmpty(0).Max();

    /// <summary>Name → (measure of one sample, the most it may be at size 1, the least its maximum must be at size 100).</summary>
    private static readonly Dictionary<string, (Gen<int> Measure, int AtSmallest, int AtLargest)> Measures = new(StringComparer.Ordinal)
    {
        ["containers"] = (PodGen.Valid.Select(p => p.Spec.Containers.Count), 1, PodGen.MaxContainers),
        ["init containers"] = (PodGen.Valid.Select(p => p.Spec.InitContainers.Count), 0, PodGen.MaxInitContainers),
        ["sidecars"] = (PodGen.Valid.Select(p => p.Spec.InitContainers.Count(c => c.IsSidecarPolicy)), 0, 2),
        ["env entries of a container"] = (PodGen.Valid.Select(p => MostIn(p, c => c.Env.Count)), 1, ContainerGen.MaxEnv),
        ["ports of a container"] = (PodGen.Valid.Select(p => MostIn(p, c => c.Ports.Count)), 1, ContainerGen.MaxPorts),
        ["volumes"] = (PodGen.Valid.Select(p => p.Spec.Volumes.Count), 0, VolumeGen.MaxVolumes),
        ["labels"] = (PodGen.Valid.Select(p => p.Metadata.Labels.Count), 0, PodGen.LabelPool.Count),
        ["valid quantity text length"] = (QuantityGen.ValidText.Select(t => t.Length), 16, 30),
        ["hostile quantity text length"] = (QuantityGen.HostileText.Select(t => t.Length), 100, 1000),
        ["runs of a container script"] = (ScenarioGen.Case.Select(c => c.Scenario.Pods.Values.SelectMany(p => p.Containers.Values).Select(s => s.Runs.Count).DefaultIfEmpty(0).Max()), 1, ScenarioGen.MaxRuns),
        // At size 1 a container has one variable, plus the two of the Secret-derived pair some containers end with.
        ["env vars of a container (env cases)"] = (EnvGen.Case.Select(c => MostIn(c.Pod, k => k.Env.Count)), 3, EnvGen.MaxVars),
        ["envFrom sources of a container"] = (EnvGen.Case.Select(c => MostIn(c.Pod, k => k.EnvFrom.Count)), 1, EnvGen.MaxEnvFrom),
        ["pods of an eviction episode"] = (EvictionGen.Case.Select(c => c.Pods.Count), 2, EvictionGen.MaxPods),
    };

    public static TheoryData<string> Names => [.. Measures.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Grows_from_its_floor_at_size_1_to_its_cap_at_size_100(string name)
    {
        var (measure, atSmallest, atLargest) = Measures[name];
        int smallest = Seeds.Sample(measure, ReplaySeed.Of(7001), Samples, size: 1).Max();
        int largest = Seeds.Sample(measure, ReplaySeed.Of(7002), Samples, size: 100).Max();
        Assert.True(smallest <= atSmallest, $"{name}: up to {smallest} at size 1, expected at most {atSmallest}");
        Assert.True(largest >= atLargest, $"{name}: at most {largest} at size 100, expected to reach {atLargest}");
    }

    [Fact]
    public void Unround_resource_quantities_appear_only_at_larger_sizes()
    {
        long[] table = [0, 1, 100, 250, 500, 1000, 1500, 2000, 4000];
        bool Round(Model.Quantities.Quantity q) => table.Contains(q.MilliValue());
        Assert.All(Seeds.Sample(QuantityGen.Cpu, ReplaySeed.Of(7003), Samples, size: 1), q => Assert.True(Round(q), q.ToString()));
        Assert.Contains(Seeds.Sample(QuantityGen.Cpu, ReplaySeed.Of(7004), Samples, size: 100), q => !Round(q));
    }

    [Theory]
    [InlineData(1, 1, 6, 1)]
    [InlineData(50, 1, 6, 4)]
    [InlineData(99, 1, 6, 6)]
    [InlineData(100, 1, 6, 6)]
    [InlineData(1, 19, 5000, 69)]
    [InlineData(0, 0, 4, 0)]
    [InlineData(250, 0, 4, 4)]
    public void Upto_is_linear_in_the_size_and_rounds_half_up(int size, int low, int high, int expected) =>
        Assert.Equal(expected, GenSequence.Upto(size, low, high));
}
