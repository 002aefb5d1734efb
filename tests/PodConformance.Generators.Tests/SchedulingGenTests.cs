using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

public sealed class SchedulingGenTests
{
    [Property(Replay = "(6001,31)", MaxTest = 200)]
    public Property Cases_are_valid_pods_on_one_to_four_numbered_nodes_with_steps_only_for_gated_pods() =>
        Prop.ForAll(SchedulingGen.CaseArb, c =>
            PodGen.IsAdmitted(c.Pod, Profile.Default)
            && c.Scenario.Nodes.Count is >= 1 and <= 4
            && c.Scenario.Nodes.Select((n, i) => n.Name == "node-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).All(x => x)
            && (c.Scenario.Steps.IsEmpty || (!c.Pod.Spec.SchedulingGates.IsEmpty && c.Scenario.Steps.All(s => s.Pod == c.Pod.Metadata.Name))));

    [Fact]
    public void Every_modelled_filter_both_passes_and_rejects_in_a_sample()
    {
        // What the model decides for 400 cases: each plugin rejects some node, some pods fit, some are gated.
        var cases = Seeds.Sample(SchedulingGen.Case, ReplaySeed.Of(6002), 400);
        var plugins = new HashSet<string>(StringComparer.Ordinal);
        int scheduled = 0, unschedulable = 0, gated = 0;
        foreach (var c in cases)
        {
            var pod = PodDefaulter.Apply(c.Pod, Profile.Default);
            var fit = SchedulerFit.Schedule(pod, c.Scenario.EffectiveNodes, null, Profile.Default);
            if (fit.Gated is not null)
            {
                gated++;
                pod = pod with { Spec = pod.Spec with { SchedulingGates = default } };
                fit = SchedulerFit.Schedule(pod, c.Scenario.EffectiveNodes, null, Profile.Default);
            }

            foreach (var r in fit.Rejections)
            {
                plugins.Add(r.Plugin);
            }

            if (fit.Scheduled)
            {
                scheduled++;
            }
            else
            {
                unschedulable++;
            }
        }

        Assert.Equal(["NodeAffinity", "NodeResourcesFit", "NodeUnschedulable", "PodTopologySpread", "TaintToleration"], plugins.Order(StringComparer.Ordinal));
        Assert.InRange(scheduled, 100, 350);
        Assert.InRange(unschedulable, 50, 300);
        Assert.InRange(gated, 50, 150);
    }

    [Fact]
    public void Shrinking_removes_one_thing_at_a_time_and_keeps_the_pod_valid()
    {
        foreach (var c in Seeds.Sample(SchedulingGen.Case, ReplaySeed.Of(6003), 50))
        {
            foreach (var s in SchedulingShrinker.Shrink(c))
            {
                Assert.True(PodGen.IsAdmitted(s.Pod, Profile.Default));
                Assert.NotEqual(c, s);
                Assert.True(s.Scenario.Nodes.Count >= 1);
            }
        }
    }

    [Theory]
    [InlineData("1.35")]
    [InlineData("1.37")]
    public void Declared_features_cases_need_the_feature_are_admitted_under_their_gates_and_vary_the_nodes(string version)
    {
        var profile = Support.ProfileFor(version);
        var gen = SchedulingGen.DeclaredFeaturesCase(profile);
        Assert.NotNull(gen);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Seeds.Sample(gen!, ReplaySeed.Of(6004), 100))
        {
            var under = profile with { Overrides = Model.Collections.ValueMap.Of([.. profile.Overrides.Select(kv => (kv.Key, kv.Value)), .. c.Gates.Select(kv => (kv.Key, kv.Value))]) };
            Assert.True(PodGen.IsAdmitted(c.Pod, under), c.Pod.ToString());
            Assert.Equal([DeclaredFeatures.RestartAllContainersOnContainerExits], DeclaredFeatures.InferForScheduling(c.Pod.Spec, profile.Version));
            foreach (var n in c.Scenario.Nodes)
            {
                seen.Add(n.DeclaredFeatures is { } d ? "[" + string.Join(",", d) + "]" : "default");
            }
        }

        Assert.Equal(SchedulingGen.Declarations.Count, seen.Count);
        Assert.Null(SchedulingGen.DeclaredFeaturesCase(Support.ProfileFor("1.34")));
    }
}
