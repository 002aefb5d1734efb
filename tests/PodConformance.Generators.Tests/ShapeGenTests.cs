using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

/// <summary>The shapes that matter (issue 10 item 2): each shape is what it says, valid, and shrinks.</summary>
public sealed class ShapeGenTests
{
    private static readonly Arbitrary<ScenarioCase> Shapes = Arb.From(ShapeGen.Case, ScenarioShrinker.Shrink);

    [Property(Replay = "(5101,37)", MaxTest = 200)]
    public Property Shapes_are_admitted_and_script_only_their_own_pod_and_containers() =>
        Prop.ForAll(Shapes, c =>
        {
            var names = c.Pod.Spec.InitContainers.Concat(c.Pod.Spec.Containers).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            return PodGen.IsAdmitted(c.Pod, Profile.Default)
                && c.Scenario.Pods.Keys.All(k => k == c.Pod.Metadata.Name)
                && c.Scenario.Pods.Values.All(p => p.Containers.Keys.All(names.Contains))
                && c.Scenario.Steps.All(s => s.Pod == c.Pod.Metadata.Name && !PodConditionNames.IsOwnedByKubelet(s.SetCondition?.Type ?? s.RemoveCondition ?? ""))
                && c.Scenario.Steps.Zip(c.Scenario.Steps.Skip(1)).All(p => p.First.At < p.Second.At);
        });

    [Fact]
    public void Each_shape_appears_with_what_makes_it_matter()
    {
        var cases = Seeds.Sample(ShapeGen.Case, ReplaySeed.Of(5102), 300);
        Assert.Contains(cases, c => !c.Pod.Spec.ReadinessGates.IsEmpty && c.Scenario.Steps.Any(s => s.SetCondition is { Status: "True" }));
        Assert.Contains(cases, c => c.Scenario.Steps.Any(s => s.RemoveCondition is not null));
        Assert.Contains(cases, c => c.Scenario.Until >= TimeSpan.FromMinutes(15) && c.Scenario.Pods.Values.Any(p => p.Containers.Values.Any(s => s.Runs.Count == 1 && s.Runs[0].ExitCode is > 0)));
        Assert.Contains(cases, c => c.Scenario.Pods.Values.Any(p => p.Containers.Values.Any(s => s.Runs.Any(r => r.After > TimeSpan.FromMinutes(10)))));
        Assert.Contains(cases, c => c.Pod.Spec.InitContainers.Any(i => i.IsSidecarPolicy) && c.Scenario.Pods.Values.Any(p => p.DeleteAfter is not null));
        Assert.Contains(cases, c => c.Pod.Spec.TerminationGracePeriodSeconds == 0 && c.Scenario.Pods.Values.Any(p => p.DeleteAfter is not null));
        Assert.Contains(cases, c => c.Pod.Spec.Containers.Any(k => k.ImagePullPolicy == "Never"));
        Assert.Contains(cases, c => !c.Scenario.Images.Missing.IsEmpty);
    }

    /// <summary>The shapes P-LIFE-TIMING draws beside <see cref="ShapeGen.Case"/>: admitted, and scripted as their doc comments say.</summary>
    [Fact]
    public void Init_restarts_and_never_pulled_images_are_admitted_and_what_they_say()
    {
        foreach (var c in Seeds.Sample(ShapeGen.InitRestarts(), ReplaySeed.Of(5105), 100))
        {
            Assert.True(PodGen.IsAdmitted(c.Pod, Profile.Default), c.Pod.ToString());
            Assert.Contains(c.Pod.Spec.RestartPolicy, new[] { "Always", "OnFailure" });
            var script = Assert.Single(Assert.Single(c.Scenario.Pods.Values).Containers);
            var init = c.Pod.Spec.InitContainers.Single(i => i.Name == script.Key);
            Assert.Null(init.RestartPolicy);
            Assert.InRange(script.Value.Runs.Count, 2, 4);
            Assert.All(script.Value.Runs.Take(script.Value.Runs.Count - 1), r => Assert.True(r.ExitCode > 0));
            Assert.Equal(0, script.Value.Runs[^1].ExitCode);
        }

        foreach (var c in Seeds.Sample(ShapeGen.NeverPulled(), ReplaySeed.Of(5106), 50))
        {
            Assert.True(PodGen.IsAdmitted(c.Pod, Profile.Default), c.Pod.ToString());
            Assert.Single(c.Pod.Spec.Containers, k => k.ImagePullPolicy == "Never");
            Assert.Empty(c.Scenario.Images.Missing);
        }
    }

    /// <summary>ShapeGen.StopsTogether: admitted, and nearly every run stops two or more containers at one instant (one Killing event each).</summary>
    [Fact]
    public void Stops_together_stop_several_containers_at_one_instant()
    {
        int cases = 0, together = 0;
        foreach (var c in Seeds.Sample(ShapeGen.StopsTogether(), ReplaySeed.Of(5107), 100))
        {
            cases++;
            Assert.True(PodGen.IsAdmitted(c.Pod, Profile.Default), c.Pod.ToString());
            Assert.Contains(c.Pod.Spec.InitContainers, i => i.IsSidecarPolicy);
            var killed = PodSimulator.Run([c.Pod], c.Scenario, Profile.Default).EventsFor(c.Pod.Metadata.Name).Where(e => e.Reason == "Killing").ToList();
            together += killed.GroupBy(e => e.FirstTimestamp).Any(g => g.Count() >= 2) ? 1 : 0;
        }

        Assert.True(together * 10 >= cases * 9, $"{together} of {cases} runs stop several containers at one instant");
    }

    /// <summary>ShapeGen.OutOfMemory: admitted, one container scripted to allocate; some runs OOM-kill it (exit 137), some do not.</summary>
    [Fact]
    public void Out_of_memory_cases_kill_some_containers_and_spare_others()
    {
        int killed = 0, spared = 0;
        foreach (var c in Seeds.Sample(ShapeGen.OutOfMemory(), ReplaySeed.Of(5108), 60))
        {
            Assert.True(PodGen.IsAdmitted(c.Pod, Profile.Default), c.Pod.ToString());
            var script = Assert.Single(Assert.Single(c.Scenario.Pods.Values).Containers);
            Assert.NotNull(Assert.Single(script.Value.Runs).AllocateMemory);
            var last = PodSimulator.Run([c.Pod], c.Scenario, Profile.Default).For(c.Pod.Metadata.Name).Last().Pod.Status!.ContainerStatuses.Single(s => s.Name == script.Key);
            bool oom = (last.State.Terminated ?? last.LastState.Terminated) is { Reason: "OOMKilled", ExitCode: 137 };
            killed += oom ? 1 : 0;
            spared += oom ? 0 : 1;
        }

        Assert.True(killed >= 10 && spared >= 10, $"{killed} OOM-killed, {spared} not");
    }

    [Property(Replay = "(5103,41)", MaxTest = 60)]
    public Property Shape_shrinks_are_smaller_and_keep_the_pod_valid() =>
        Prop.ForAll(Shapes, c => ScenarioShrinker.Shrink(c).Take(60).All(s =>
            ScenarioShrinker.Size(s) < ScenarioShrinker.Size(c) && PodGen.IsAdmitted(s.Pod, Profile.Default)));

    [Fact]
    public void Steps_shrink_away_and_earlier_and_gates_and_unused_volumes_go()
    {
        var c = Seeds.Sample(ShapeGen.ReadinessGates(), ReplaySeed.Of(5104), 50).First(x => x.Scenario.Steps.Count > 1 && x.Pod.Spec.ReadinessGates.Count > 1);
        var shrinks = ScenarioShrinker.Shrink(c).ToList();
        Assert.Contains(shrinks, s => s.Scenario.Steps.Count == c.Scenario.Steps.Count - 1);
        Assert.Contains(shrinks, s => s.Scenario.Steps.Count == c.Scenario.Steps.Count && s.Scenario.Steps[0].At < c.Scenario.Steps[0].At);
        Assert.Contains(shrinks, s => s.Pod.Spec.ReadinessGates.Count == c.Pod.Spec.ReadinessGates.Count - 1);

        var smallest = Support.ShrinkToFixpoint(c, ScenarioShrinker.Shrink, _ => true);
        Assert.Empty(smallest.Scenario.Steps);
        Assert.Empty(smallest.Pod.Spec.ReadinessGates);
        Assert.Empty(smallest.Pod.Spec.Volumes);
    }
}
