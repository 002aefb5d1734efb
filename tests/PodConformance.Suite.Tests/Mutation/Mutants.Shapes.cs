using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>
    /// One mutant per shape of <see cref="Generators.ShapeGen"/> (issue 10 item 2): each bends a rule only that shape
    /// reaches often enough, so it survived the default run before the shapes were generated.
    /// </summary>
    private static IEnumerable<Mutant> Shapes()
    {
        yield return new Mutant(
            "cond-ready-ignores-gates", "conditions", ConditionRules.Ready, "Ready follows ContainersReady and ignores spec.readinessGates",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Snapshot = (pod, _) => pod.Status?.Conditions.Any(c => c.Type == "Ready" && c.Reason == PodConditionNames.ReadinessGatesNotReady) == true
                    ? WithCondition(pod, "Ready", "True")
                    : pod,
            })
        {
            Target = "P-LIFE-CONDITIONS",
        };

        yield return new Mutant(
            "backoff-cap-10m", "backoff", BackoffRules.Parameters, "crash-loop back-off doubles up to 10 minutes (Kubernetes caps it at 5m0s)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Simulator = SimulatorRules.Default with
                {
                    CrashLoopTracker = profile => new BackoffTracker(CrashLoopBackoffPolicy.For(profile).Initial, TimeSpan.FromMinutes(10), CrashLoopBackoffPolicy.KubeletExpiry),
                },
            })
        {
            Target = "P-LIFE-TIMING",
        };

        yield return new Mutant(
            "backoff-never-resets", "backoff", BackoffRules.Reset, "crash-loop back-off never starts over, even after a container ran for more than 10 minutes",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Simulator = SimulatorRules.Default with
                {
                    CrashLoopTracker = profile => new BackoffTracker(CrashLoopBackoffPolicy.For(profile).Initial, CrashLoopBackoffPolicy.For(profile).Max, TimeSpan.MaxValue),
                },
            })
        {
            Target = "P-LIFE-TIMING",
        };

        yield return new Mutant(
            "kill-sidecars-first", "sidecars", "SIM-009", "the kubelet stops a pod's containers in reverse (sidecars first, regular containers last) instead of regular containers, then sidecars last to first",
            Injection.Decorator,
            ModelPipeline.Real with { Lifecycle = KillingReversed })
        {
            Target = "P-LIFE-EVENTS",
        };

        yield return new Mutant(
            "phase-deleted-stays-running", "phase", PhaseRules.TerminalPod, "a deleted pod under restartPolicy Always stays Running once its containers stopped (Kubernetes: Succeeded or Failed)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Snapshot = (pod, _) => pod.Metadata.DeletionTimestamp is not null && pod.Spec.RestartPolicy is "Always" or "" && PodPhases.IsTerminal(pod.Status?.Phase)
                    ? pod with { Status = pod.Status! with { Phase = "Running" } }
                    : pod,
            })
        {
            Target = "P-LIFE-PHASE",
        };

        yield return new Mutant(
            "sidecars-keep-pod-alive", "sidecars", "SIM-017", "running sidecars keep a pod Running after its regular containers ended for good (Kubernetes: the kubelet kills the pod, which ends Succeeded or Failed)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Snapshot = (pod, _) => pod.Metadata.DeletionTimestamp is null && PodPhases.IsTerminal(pod.Status?.Phase) && pod.Spec.InitContainers.Any(c => c.RestartPolicy == "Always")
                    ? pod with { Status = pod.Status! with { Phase = "Running" } }
                    : pod,
            })
        {
            Target = "P-LIFE-PHASE",
        };
    }

    /// <summary>Each run of Killing events at one instant, reversed: the kubelet's stop order turned around.</summary>
    private static LifecycleObservation KillingReversed(LifecycleObservation l)
    {
        var events = l.Events.ToList();
        for (int i = 0; i < events.Count;)
        {
            int j = i;
            while (j < events.Count && events[j].Reason == "Killing" && events[j].Offset == events[i].Offset)
            {
                j++;
            }

            if (j - i > 1)
            {
                events.Reverse(i, j - i);
            }

            i = Math.Max(j, i + 1);
        }

        return l with { Events = [.. events] };
    }
}
