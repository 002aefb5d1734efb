using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Limits;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>Container states and reasons, phase decisions and the restart policy, bent on snapshots or on the simulator's input.</summary>
    private static IEnumerable<Mutant> Containers()
    {
        yield return new Mutant(
            "limit-oom-reason-error", "limits", LimitRules.MemoryOverLimit, "a container killed over its memory limit is reported with reason Error, not OOMKilled",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = (pod, _) => MapStatuses(pod, c => c with { State = OomAsError(c.State), LastState = OomAsError(c.LastState) }) });

        yield return new Mutant(
            "limit-cpu-over-limit-kills", "limits", LimitRules.CpuOverLimit, "a container using more CPU than its limit is killed as over a memory limit (OOMKilled, exit 137) instead of throttled",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Simulator = Model.Simulation.SimulatorRules.Default with
                {
                    Limits = (c, memory, cpu) => ResourceLimits.Evaluate(c, memory, cpu) is { CpuThrottled: true, Killed: false } throttled
                        ? throttled with { Killed = true, Terminated = ResourceLimits.OomKilled() }
                        : ResourceLimits.Evaluate(c, memory, cpu),
                },
            });

        yield return new Mutant(
            "backoff-waiting-reason-backoff", "backoff", BackoffRules.Waiting, "a container waiting out its crash-loop back-off has reason BackOff, not CrashLoopBackOff",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = (pod, _) => MapStatuses(pod, c => WaitingReason(c, "CrashLoopBackOff", "BackOff")) });

        yield return new Mutant(
            "pull-no-errimagepull", "backoff", BackoffRules.ImagePullMessages, "a failed pull goes straight to ImagePullBackOff (ErrImagePull never shows)",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = (pod, _) => MapStatuses(pod, c => WaitingReason(c, "ErrImagePull", "ImagePullBackOff")) });

        yield return new Mutant(
            "phase-failed-init-pending", "phase", PhaseRules.FailedInitPodPolicy, "a pod whose init container failed for good stays Pending instead of Failed",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Snapshot = (pod, _) => pod.Status is { Phase: "Failed" } s && s.InitContainerStatuses.Any(c => c.State.Terminated is { ExitCode: not 0 })
                    ? pod with { Status = s with { Phase = "Pending" } }
                    : pod,
            });

        yield return new Mutant(
            "restart-never-as-onfailure", "restart", PhaseRules.ContainerShouldRestart, "restartPolicy Never restarts a failed container as OnFailure does",
            Injection.Stage,
            ModelPipeline.Real with { SimulatedPod = p => p.Spec.RestartPolicy == "Never" ? p with { Spec = p.Spec with { RestartPolicy = "OnFailure" } } : p });
    }

    private static Pod MapStatuses(Pod pod, Func<ContainerStatus, ContainerStatus> map) => pod.Status is not { } s ? pod : pod with
    {
        Status = s with { InitContainerStatuses = [.. s.InitContainerStatuses.Select(map)], ContainerStatuses = [.. s.ContainerStatuses.Select(map)] },
    };

    private static ContainerState OomAsError(ContainerState state) =>
        state.Terminated is { Reason: "OOMKilled" } t ? state with { Terminated = t with { Reason = "Error" } } : state;

    private static ContainerStatus WaitingReason(ContainerStatus c, string from, string to) =>
        c.State.Waiting is { } w && w.Reason == from ? c with { State = c.State with { Waiting = w with { Reason = to } } } : c;
}
