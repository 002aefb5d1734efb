using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

public sealed class ScenarioGenTests
{
    private static IEnumerable<ContainerRun> Runs(Scenario s) => s.Pods.Values.SelectMany(p => p.Containers.Values).SelectMany(c => c.Runs);

    [Property(Replay = "(5001,29)", MaxTest = 200)]
    public Property Scripts_name_existing_containers_with_round_bounded_behaviour() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var names = c.Pod.Spec.InitContainers.Concat(c.Pod.Spec.Containers).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            var images = c.Pod.Spec.InitContainers.Concat(c.Pod.Spec.Containers).Select(x => x.Image).ToHashSet(StringComparer.Ordinal);
            return PodGen.IsAdmitted(c.Pod, Profile.Default)
                && c.Scenario.Pods.Keys.All(k => k == c.Pod.Metadata.Name)
                && c.Scenario.Pods.Values.All(p => p.Containers.Keys.All(names.Contains) && p.Containers.Values.All(s => s.Runs.Count is >= 1 and <= ScenarioGen.MaxRuns))
                && c.Scenario.Images.Missing.All(images.Contains)
                && Runs(c.Scenario).All(r => ScenarioGen.RoundDurations.Contains(r.After) && ScenarioGen.RoundDurations.Contains(r.ReadyAfter)
                    && (r.ExitCode is null || ScenarioGen.ExitCodes.Contains(r.ExitCode.Value)));
        });

    [Fact]
    public void Behaviours_cover_the_interesting_cases()
    {
        var cases = Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(5002), 400);
        var runs = cases.SelectMany(c => Runs(c.Scenario)).ToList();
        Assert.Contains(runs, r => r.ExitCode == 0);
        Assert.Contains(runs, r => r.ExitCode == 1);
        Assert.Contains(runs, r => r.ExitCode == 137);
        Assert.Contains(runs, r => r.ExitCode is null && r.AllocateMemory is null && r.UseCpu is null);
        Assert.Contains(runs, r => r.NeverReady);
        Assert.Contains(cases, c => !c.Scenario.Images.Missing.IsEmpty);
        Assert.Contains(cases, c => c.Scenario.Pods.IsEmpty);

        // Allocations straddle the memory limit: some above (OOM), some below.
        var allocations = cases.SelectMany(c => c.Pod.Spec.InitContainers.Concat(c.Pod.Spec.Containers)
            .SelectMany(k => c.Scenario.ScriptFor(c.Pod.Metadata.Name).Containers.TryGetValue(k.Name, out var s)
                ? s.Runs.Where(r => r.AllocateMemory is not null).Select(r => (Limit: ScenarioGen.MemoryLimit(k), Alloc: r.AllocateMemory!.Value))
                : [])).Where(a => a.Limit is { Sign: > 0 }).ToList();
        Assert.Contains(allocations, a => a.Alloc > a.Limit!.Value);
        Assert.Contains(allocations, a => a.Alloc < a.Limit!.Value);
    }

    [Property(Replay = "(5003,31)", MaxTest = 100)]
    public Property Case_shrinks_are_smaller_and_keep_the_pod_valid() =>
        Prop.ForAll(ScenarioGen.CaseArb, c => ScenarioShrinker.Shrink(c).Take(60).All(s =>
            ScenarioShrinker.Size(s) < ScenarioShrinker.Size(c) && PodGen.IsAdmitted(s.Pod, Profile.Default)));

    [Property(Replay = "(5004,33)", MaxTest = 30)]
    public Property Shrinking_anything_ends_on_no_behaviour() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var smallest = Support.ShrinkToFixpoint(c, ScenarioShrinker.Shrink, _ => true);
            return smallest.Scenario.Pods.IsEmpty && smallest.Scenario.Images.Missing.IsEmpty && smallest.Pod.Spec.Containers.Count == 1
                && smallest.Scenario.Until == ScenarioGen.Untils[0];
        });

    [Fact]
    public void A_crash_loop_shrinks_to_one_short_failing_run_and_follows_renames()
    {
        // Any case where some container exits non-zero: shrinking keeps one such run, at the shortest duration, under c0.
        static bool Crashes(ScenarioCase c) => c.Scenario.Pods.Values.Any(p => p.Containers.Any(kv =>
            c.Pod.Spec.Containers.Any(k => k.Name == kv.Key) && kv.Value.Runs.Any(r => r.ExitCode is > 0)));
        var start = Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(5005), 200).First(Crashes);
        var smallest = Support.ShrinkToFixpoint(start, ScenarioShrinker.Shrink, Crashes);
        var script = Assert.Single(Assert.Single(smallest.Scenario.Pods.Values).Containers);
        Assert.Equal("c0", script.Key);
        var run = Assert.Single(script.Value.Runs);
        Assert.Equal(TimeSpan.Zero, run.After);
        Assert.Equal(1, run.ExitCode);
    }
}
