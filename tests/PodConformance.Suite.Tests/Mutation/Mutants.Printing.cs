using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Scheduling;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>kubectl cells, event texts, the scheduler and back-off timing.</summary>
    private static IEnumerable<Mutant> Printing()
    {
        yield return new Mutant(
            "print-restarts-regular-only", "printer", PrintRules.Restarts, "RESTARTS counts only regular containers (sidecar and init restarts left out)",
            Injection.Stage,
            ModelPipeline.Real with { Sample = (pod, s) => s with { Restarts = PodPrinter.Row(WithoutInitRestarts(pod), DateTimeOffset.UnixEpoch).Restarts } });

        yield return new Mutant(
            "print-no-terminating", "printer", PrintRules.Terminating, "STATUS of a pod being deleted shows its phase or reason, never Terminating",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Sample = (pod, s) => pod.Metadata.DeletionTimestamp is null ? s
                    : s with { Status = PodPrinter.Row(pod with { Metadata = pod.Metadata with { DeletionTimestamp = null } }, DateTimeOffset.UnixEpoch).Status },
            });
    }

    private static IEnumerable<Mutant> Events()
    {
        yield return new Mutant(
            "event-scheduled-without-namespace", "events", EventRules.Scheduled, "Scheduled says \"Successfully assigned pod to node\" without the namespace",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.Scheduled ? e with { Message = e.Message.Replace("assigned default/", "assigned ", StringComparison.Ordinal) } : e,
            });

        yield return new Mutant(
            "event-backoff-spelling", "events", EventRules.BackOffRestart, "the restart back-off event says \"Backoff restarting…\" (not Kubernetes' \"Back-off\")",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.BackOff ? e with { Message = e.Message.Replace("Back-off restarting", "Backoff restarting", StringComparison.Ordinal) } : e,
            });

        yield return new Mutant(
            "event-pulled-without-timing", "events", EventRules.Pulled, "Pulled says only \"Successfully pulled image X\" (no duration, no size)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.Pulled && e.Message.IndexOf("\" in ", StringComparison.Ordinal) is > 0 and var at
                    ? e with { Message = e.Message[..(at + 1)] }
                    : e,
            });
    }

    private static IEnumerable<Mutant> Scheduling()
    {
        yield return new Mutant(
            "sched-fit-message-wording", "scheduling", SchedulingRules.Message, "FailedScheduling says \"0/1 nodes available\" (not \"are available\")",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.FailedScheduling ? e with { Message = e.Message.Replace(" nodes are available", " nodes available", StringComparison.Ordinal) } : e,
            });

        yield return new Mutant(
            "sched-ignores-resource-fit", "scheduling", SchedulingRules.ResourcesFit, "the scheduler places a pod whatever its requests (NodeResourcesFit always passes)",
            Injection.Stage,
            ModelPipeline.Real with { SimulatedScenario = s => s with { Nodes = [.. s.EffectiveNodes.Select(Roomy)] } });
    }

    private static IEnumerable<Mutant> Timing()
    {
        yield return new Mutant(
            "backoff-first-delay-20s", "timing", BackoffRules.Parameters, "the first crash-loop back-off is 20s (Kubernetes: 10s)",
            Injection.Decorator,
            ModelPipeline.Real with { Lifecycle = l => RescaleWaits(l, "CrashLoopBackOff", (index, wait) => index == 0 ? wait + TimeSpan.FromSeconds(10) : wait) });

        yield return new Mutant(
            "pull-backoff-no-doubling", "timing", BackoffRules.ImagePull, "image-pull back-off stays at its first delay instead of doubling",
            Injection.Decorator,
            ModelPipeline.Real with { Lifecycle = l => RescaleWaits(l, "ImagePullBackOff", (_, wait) => wait) });
    }

    private static Pod WithoutInitRestarts(Pod pod) => pod.Status is not { } s ? pod : pod with
    {
        Status = s with { InitContainerStatuses = [.. s.InitContainerStatuses.Select(c => c with { RestartCount = 0, LastState = new ContainerState() })] },
    };

    /// <summary>A node with room for any generated pod: cpu and memory far beyond what a case requests.</summary>
    private static Node Roomy(Node node)
    {
        static Model.Collections.ValueMap<Model.Quantities.Quantity> Big(Model.Collections.ValueMap<Model.Quantities.Quantity> m) =>
            m.IsEmpty ? m : m.SetItem("cpu", Model.Quantities.Quantity.Parse("100k")).SetItem("memory", Model.Quantities.Quantity.Parse("100Pi"));
        return node with { Capacity = Big(node.Capacity), Allocatable = Big(node.Allocatable) };
    }

    /// <summary>
    /// The simulator's back-off trackers have no seam, so the timeline is bent: the n-th wait of a container in
    /// <paramref name="reason"/> (0-based) lasts <paramref name="rescale"/>(n, w), w being its own wait for the first and
    /// the first wait for later ones; that sample and every later one move by the difference (one container per sample).
    /// </summary>
    private static LifecycleObservation RescaleWaits(LifecycleObservation l, string reason, Func<int, TimeSpan, TimeSpan> rescale)
    {
        var first = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        var since = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var shift = TimeSpan.Zero;
        var samples = new List<StatusSample>(l.Samples.Count);
        foreach (var s in l.Samples)
        {
            TimeSpan? adjust = null;
            foreach (var c in s.Containers)
            {
                if (c.State == "waiting" && c.Reason == reason)
                {
                    since.TryAdd(c.Name, s.Offset);
                }
                else if (since.Remove(c.Name, out var start))
                {
                    var wait = s.Offset - start;
                    int n = count.GetValueOrDefault(c.Name);
                    count[c.Name] = n + 1;
                    first.TryAdd(c.Name, wait);
                    adjust ??= rescale(n, n == 0 ? wait : first[c.Name]) - wait;
                }
            }

            shift += adjust ?? TimeSpan.Zero;
            samples.Add(s with { Offset = s.Offset + shift });
        }

        return l with { Samples = [.. samples] };
    }
}
