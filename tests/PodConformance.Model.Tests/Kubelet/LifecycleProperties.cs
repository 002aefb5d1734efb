using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>Phase and condition invariants (spec/phase.md, spec/conditions.md) with fixed, replayable seeds.</summary>
public class LifecycleProperties
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Phase(Pod pod, Profile profile, bool terminal, bool initialized) =>
        PodPhaseCalculator.GetPhase(pod.Spec, pod.Status!.InitContainerStatuses.AsSpan(), pod.Status.ContainerStatuses.AsSpan(), terminal, initialized, profile);

    [Property(Replay = "(20260301,1)", MaxTest = 300)]
    public Property RestartPolicy_Always_without_per_container_policies_never_yields_Succeeded() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: false)), Arb.From(LifecycleGen.Profiles), Arb.From(Gen.Elements(true, false)), (pod, profile, initialized) =>
        {
            var spec = pod.Spec with { RestartPolicy = "Always" };
            var p = pod with { Spec = spec };
            string phase = Phase(p, profile, terminal: false, initialized);
            return (phase != PodPhases.Succeeded).Label($"PHASE-010/011: got {phase} under {profile}");
        });

    [Property(Replay = "(20260301,3)", MaxTest = 300)]
    public Property GetPhase_never_returns_Unknown() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: true)), Arb.From(LifecycleGen.Profiles), Arb.From(Gen.Elements(true, false)), (pod, profile, flag) =>
        {
            string phase = Phase(pod, profile, terminal: flag, initialized: !flag);
            var explained = PodPhaseCalculator.Explain(pod.Spec, pod.Status!.InitContainerStatuses.AsSpan(), pod.Status.ContainerStatuses.AsSpan(), flag, !flag, profile);
            return (phase is PodPhases.Pending or PodPhases.Running or PodPhases.Succeeded or PodPhases.Failed && explained.Phase == phase)
                .Label($"PHASE-012: got {phase}, explain {explained.Phase}");
        });

    [Property(Replay = "(20260301,5)", MaxTest = 300)]
    public Property A_stored_terminal_phase_never_changes() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: true)), Arb.From(LifecycleGen.Profiles), Arb.From(Gen.Elements(PodPhases.Succeeded, PodPhases.Failed)), (pod, profile, stored) =>
        {
            var p = pod with { Status = pod.Status! with { Phase = stored } };
            var d = PodPhaseCalculator.DerivePhase(p, profile);
            return (d.Phase == stored).Label($"PHASE-017: stored {stored}, derived {d.Phase}");
        });

    [Property(Replay = "(20260301,7)", MaxTest = 300)]
    public Property Ready_True_implies_ContainersReady_True() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: true)), Arb.From(LifecycleGen.Profiles), Arb.From(Gen.Elements(true, false)), (pod, profile, sandbox) =>
        {
            string phase = PodPhaseCalculator.DerivePhase(pod, profile).Phase;
            var result = PodConditionsGenerator.Generate(pod, phase, sandbox, profile, Now);
            bool ready = result.Find(PodConditionNames.Ready)!.Status == "True";
            bool containersReady = result.Find(PodConditionNames.ContainersReady)!.Status == "True";
            return (!ready || containersReady).Label("COND-005");
        });

    [Property(Replay = "(20260301,9)", MaxTest = 300)]
    public Property With_no_init_containers_Initialized_is_True() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: true)), Arb.From(LifecycleGen.Profiles), (pod, profile) =>
        {
            var p = pod with { Spec = pod.Spec with { InitContainers = default }, Status = pod.Status! with { InitContainerStatuses = default } };
            string phase = PodPhaseCalculator.DerivePhase(p, profile).Phase;
            var initialized = PodConditionsGenerator.Generate(p, phase, true, profile, Now).Find(PodConditionNames.Initialized)!;
            return (initialized.Status == "True").Label($"COND-003: {initialized.Status} {initialized.Reason} {initialized.Message}");
        });

    [Property(Replay = "(20260301,11)", MaxTest = 300)]
    public Property Kubelet_conditions_come_last_in_fixed_order_and_once() =>
        Prop.ForAll(Arb.From(LifecycleGen.Pods(perContainerPolicies: true)), Arb.From(LifecycleGen.Profiles), (pod, profile) =>
        {
            var result = PodConditionsGenerator.Generate(pod, PodPhaseCalculator.DerivePhase(pod, profile).Phase, true, profile, Now);
            var types = result.Conditions.Select(c => c.Type).Where(PodConditionNames.IsOwnedByKubelet).ToArray();
            string[] expected = profile.IsEnabled(FeatureGateNames.PodReadyToStartContainersCondition)
                ? ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
                : ["Initialized", "Ready", "ContainersReady", "PodScheduled"];
            return types.SequenceEqual(expected).Label("COND-001: " + string.Join(",", types));
        });
}
