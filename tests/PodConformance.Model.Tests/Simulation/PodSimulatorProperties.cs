using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>Invariants of every simulated life (spec/simulator.md, PHASE/PRINT/BACKOFF rules), over generated scenarios.</summary>
public class PodSimulatorProperties
{
    private static SimulationResult Simulate(ScenarioCase c) => PodSimulator.Run([c.Pod], c.Scenario, Profile.Default);

    [Property(Replay = "(20261130,1)", MaxTest = 60)]
    public Property RestartPolicy_Always_never_yields_Succeeded_unless_deleted() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var pod = c.Pod with { Spec = c.Pod.Spec with { RestartPolicy = "Always" } };
            var r = PodSimulator.Run([pod], c.Scenario, Profile.Default);
            // A pod being deleted is the exception: once its containers stop, the kubelet makes it terminal
            // (PHASE-009), Succeeded if they all exited 0 — so only pods not being deleted are checked.
            return r.Timeline.All(s => s.Pod.Status?.Phase != "Succeeded" || s.Pod.Metadata.DeletionTimestamp is not null).Label("PHASE-010");
        });

    [Property(Replay = "(20261130,3)", MaxTest = 60)]
    public Property READY_numerator_never_exceeds_the_denominator() =>
        Prop.ForAll(ScenarioGen.CaseArb, c => Simulate(c).Timeline.All(s =>
        {
            var row = PodPrinter.Row(s.Pod, s.Time);
            return row.ReadyContainers <= row.TotalContainers;
        }).Label("PRINT-002"));

    [Property(Replay = "(20261130,5)", MaxTest = 60)]
    public Property A_terminal_phase_never_changes() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            string? terminal = null;
            foreach (var s in Simulate(c).Timeline)
            {
                string phase = s.Pod.Status?.Phase ?? "";
                if (terminal is not null && phase != terminal)
                {
                    return false.Label($"PHASE-017: {terminal} became {phase}");
                }

                if (phase is "Succeeded" or "Failed")
                {
                    terminal = phase;
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(20261130,7)", MaxTest = 60)]
    public Property Restart_counts_never_decrease() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var last = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in Simulate(c).Timeline)
            {
                foreach (var cs in (s.Pod.Status?.InitContainerStatuses ?? default).Concat(s.Pod.Status?.ContainerStatuses ?? default))
                {
                    if (last.TryGetValue(cs.Name, out int before) && cs.RestartCount < before)
                    {
                        return false.Label($"{cs.Name}: {before} → {cs.RestartCount}");
                    }

                    last[cs.Name] = cs.RestartCount;
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(20261130,9)", MaxTest = 60)]
    public Property Waits_between_restarts_are_capped_by_the_backoff_maximum() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
        {
            var r = Simulate(c);
            foreach (var name in c.Pod.Spec.Containers.Select(x => x.Name))
            {
                DateTimeOffset? finished = null;
                foreach (var e in r.EventsFor(c.Pod.Metadata.Name).Where(e => e.FieldPath == "spec.containers{" + name + "}"))
                {
                    if (e.Reason == "Started" && finished is { } f && e.FirstTimestamp - f > TimeSpan.FromSeconds(300 + 10 + 1))
                    {
                        return false.Label($"BACKOFF-002: {name} waited {(e.FirstTimestamp - f).TotalSeconds}s");
                    }
                }

                foreach (var s in r.For(c.Pod.Metadata.Name))
                {
                    var cs = s.Pod.Status?.ContainerStatuses.FirstOrDefault(x => x.Name == name);
                    if (cs?.State.Terminated is { } t)
                    {
                        finished = t.FinishedAt;
                    }
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(20261130,11)", MaxTest = 40)]
    public Property Simulation_is_deterministic() =>
        Prop.ForAll(ScenarioGen.CaseArb, c =>
            SimulationViews.Watch(Simulate(c), wide: true) == SimulationViews.Watch(Simulate(c), wide: true));
}
