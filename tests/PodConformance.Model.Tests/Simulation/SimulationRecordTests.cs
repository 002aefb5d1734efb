using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>A run that keeps less (SimulationRecord) runs the same simulation: only what it keeps differs.</summary>
public class SimulationRecordTests
{
    [Property(Replay = "(20261206,1)", MaxTest = 60)]
    public Property Keeping_nothing_ends_each_pod_where_the_full_run_ends_it() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var full = PodSimulator.Run([c.Pod], c.Scenario, Profile.Default);
            var last = PodSimulator.Run([c.Pod], c.Scenario, Profile.Default, SimulationRecord.None);
            var expected = full.Timeline.IsEmpty ? null : full.For(c.Pod.Metadata.Name).Last();
            var actual = last.Timeline.IsEmpty ? null : last.Timeline[^1];
            return (last.Events.IsEmpty
                && last.Timeline.Count == (full.Timeline.IsEmpty ? 0 : 1)
                && Equals(expected, actual)).Label("last snapshot and no events");
        });

    [Fact]
    public void Keeping_events_only_gives_every_event_of_the_full_run()
    {
        var pod = Pod("crasher", "", null, C("app"));
        var scenario = Script("crasher", "app", Exit(1, 5)) with { Until = TimeSpan.FromHours(1) };
        var full = PodSimulator.Run([pod], scenario, Profile.Default);
        var events = PodSimulator.Run([pod], scenario, Profile.Default, SimulationRecord.Events);
        Assert.Equal(full.Events, events.Events);
        Assert.True(full.Events.Count > 100, "a crash-looping hour records its BackOff events: " + full.Events.Count);
        Assert.Equal(full.Timeline[^1], Assert.Single(events.Timeline));
    }
}
