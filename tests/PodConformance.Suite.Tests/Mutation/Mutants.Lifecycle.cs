using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Events;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    private static IEnumerable<Mutant> Lifecycle()
    {
        yield return new Mutant(
            "phase-always-succeeds", "phase", PhaseRules.AllStoppedPodPolicy, "restartPolicy Always with every container exited 0 → Succeeded",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = AlwaysMaySucceed });

        yield return new Mutant(
            "restart-onfailure-on-success", "restart", PhaseRules.ContainerShouldRestart, "restartPolicy OnFailure also restarts a container that exited 0",
            Injection.Stage,
            ModelPipeline.Real with { SimulatedPod = p => p.Spec.RestartPolicy == "OnFailure" ? p with { Spec = p.Spec with { RestartPolicy = "Always" } } : p })
        {
            Target = "P-LIFE-RESTARTS",
        };

        yield return new Mutant(
            "backoff-no-doubling", "backoff", BackoffRules.Doubling, "crash-loop backoff stays at its first delay instead of doubling",
            Injection.Decorator,
            ModelPipeline.Real with { Lifecycle = BackoffWithoutDoubling });

        yield return new Mutant(
            "print-ready-counts-init", "printer", PrintRules.Ready, "READY counts regular init containers like sidecars",
            Injection.Stage,
            ModelPipeline.Real with { Sample = (pod, s) => s with { Ready = PodPrinter.Row(AsSidecars(pod), DateTimeOffset.UnixEpoch).Ready } });

        yield return new Mutant(
            "print-phase-not-waiting-reason", "printer", PrintRules.ContainerReason, "STATUS shows the phase instead of the first container's waiting reason",
            Injection.Stage,
            ModelPipeline.Real with { Sample = (pod, s) => s with { Status = PodPrinter.Row(WithoutWaitingReasons(pod), DateTimeOffset.UnixEpoch).Status } });

        yield return new Mutant(
            "event-created-old-message", "events", EventRules.Created, "Created events say \"Created container X\" (the 1.28–1.30 text) in every release",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.Created && e.FieldPath is { } path
                    ? e with { Message = EventCatalog.Created(Profile.For(new KubernetesVersion(1, 30)), new ContainerRef(NameIn(path)), e.FirstTimestamp).Message }
                    : e,
            });
    }

    /// <summary>getPhase run on the snapshot as if the policy were Never and crash-looping containers had stayed exited; only a Succeeded answer is taken.</summary>
    private static Pod AlwaysMaySucceed(Pod pod, Profile profile)
    {
        if (pod.Status is not { } status || pod.Spec.RestartPolicy != "Always" || status.ContainerStatuses.IsEmpty)
        {
            return pod;
        }

        static ContainerStatus Exited(ContainerStatus c) => c.State.Terminated is null && c.LastState.Terminated is { } last
            ? c with { State = new ContainerState { Terminated = last } }
            : c;

        var bent = pod with
        {
            Spec = pod.Spec with { RestartPolicy = "Never" },
            Status = status with { ContainerStatuses = [.. status.ContainerStatuses.Select(Exited)] },
        };
        return PodPhaseCalculator.DerivePhase(bent, profile).Phase == "Succeeded" ? pod with { Status = status with { Phase = "Succeeded" } } : pod;
    }

    /// <summary>
    /// The simulator's backoff tracker has no seam, so the timeline is bent instead: every later wait in
    /// CrashLoopBackOff of a container is cut to its first one, and the samples after it move earlier.
    /// </summary>
    private static LifecycleObservation BackoffWithoutDoubling(LifecycleObservation l)
    {
        var first = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var waitingSince = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var shift = TimeSpan.Zero;
        var samples = new List<StatusSample>(l.Samples.Count);
        foreach (var s in l.Samples)
        {
            foreach (var c in s.Containers)
            {
                if (c.State == "waiting" && c.Reason == "CrashLoopBackOff")
                {
                    waitingSince.TryAdd(c.Name, s.Offset);
                }
                else if (waitingSince.Remove(c.Name, out var since))
                {
                    var wait = s.Offset - since;
                    if (!first.TryGetValue(c.Name, out var initial))
                    {
                        first[c.Name] = wait;
                    }
                    else if (wait > initial)
                    {
                        shift += wait - initial;
                    }
                }
            }

            samples.Add(s with { Offset = s.Offset - shift });
        }

        return l with { Samples = [.. samples] };
    }

    /// <summary>The pod with regular init containers given restartPolicy Always, so the printer counts them.</summary>
    private static Pod AsSidecars(Pod pod) =>
        pod with { Spec = pod.Spec with { InitContainers = [.. pod.Spec.InitContainers.Select(c => c with { RestartPolicy = "Always" })] } };

    private static Pod WithoutWaitingReasons(Pod pod) => pod.Status is not { } status ? pod : pod with
    {
        Status = status with
        {
            ContainerStatuses = [.. status.ContainerStatuses.Select(c => c.State.Waiting is { } w ? c with { State = c.State with { Waiting = w with { Reason = "" } } } : c)],
        },
    };

    /// <summary><c>spec.containers{app}</c> → <c>app</c>.</summary>
    private static string NameIn(string fieldPath)
    {
        int open = fieldPath.IndexOf('{', StringComparison.Ordinal);
        return open < 0 ? fieldPath : fieldPath[(open + 1)..].TrimEnd('}');
    }
}
