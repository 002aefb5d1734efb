using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;

namespace PodConformance.Adapters.Podman;

/// <summary>
/// Turns successive <c>podman inspect</c> answers for one played pod into Pod objects with a status, the way a
/// kubelet turns runtime states into container statuses (spec/adapter-podman.md, "Mapping"). It keeps what podman
/// forgets between polls: the terminations it saw (for <c>lastState</c>) and which init containers ran
/// (podman removes an init container once it succeeds). Conditions and events are left empty: podman has none.
/// </summary>
public sealed class PodmanStatusMapper(Pod pod)
{
    /// <summary>kubelet's reason when the runtime fails to start a container (images.ErrRunContainer… StartContainer).</summary>
    public const string RunContainerError = "RunContainerError";

    private readonly Dictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, ContainerStateWaiting>? _pulls;

    private sealed class Seen
    {
        /// <summary>Terminations observed, by the restart count podman reported with them.</summary>
        public SortedDictionary<int, ContainerStateTerminated> Terminations { get; } = [];
    }

    /// <summary>
    /// The pod as observed now; <paramref name="states"/> are the inspected containers of the pod, by podman name.
    /// <paramref name="pulls"/> are the waiting states the adapter answers for containers whose image is missing
    /// (<see cref="MissingImages"/>), by container name, once the kubelet has got to them.
    /// </summary>
    public Pod Map(IReadOnlyDictionary<string, PodmanContainerState> states, Func<string, string> podmanName, IReadOnlyDictionary<string, ContainerStateWaiting>? pulls = null)
    {
        _pulls = pulls;
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(podmanName);
        var spec = pod.Spec;
        if (states.Count == 0 && _seen.Count == 0)
        {
            // kube play has not created the pod's containers yet: podman knows nothing, so nothing is reported.
            return pod with
            {
                Metadata = pod.Metadata with { CreationTimestamp = pod.Metadata.CreationTimestamp ?? DateTimeOffset.UnixEpoch },
                Status = new PodStatus { Phase = PodPhases.Pending },
            };
        }

        var regular = spec.Containers.Select(c => Status(c, false, states.GetValueOrDefault(podmanName(c.Name)), false)).ToList();
        bool appsStarted = regular.Any(s => s.Started == true || s.State.Terminated is not null || s.RestartCount > 0);
        var init = spec.InitContainers.Select(c => Status(c, true, states.GetValueOrDefault(podmanName(c.Name)), appsStarted)).ToList();
        return pod with
        {
            Metadata = pod.Metadata with { CreationTimestamp = pod.Metadata.CreationTimestamp ?? DateTimeOffset.UnixEpoch },
            Status = new PodStatus
            {
                Phase = Phase(spec, regular, states, podmanName),
                InitContainerStatuses = init.ToValueList(),
                ContainerStatuses = regular.ToValueList(),
            },
        };
    }

    private ContainerStatus Status(Container c, bool init, PodmanContainerState? s, bool appsStarted)
    {
        if (_pulls is not null && _pulls.TryGetValue(c.Name, out var pull))
        {
            return new ContainerStatus { Name = c.Name, Image = c.Image, State = new ContainerState { Waiting = pull } };
        }

        bool seenBefore = _seen.TryGetValue(c.Name, out var seen);
        if (s is null)
        {
            // podman removes an init container after it succeeds; one that ran, or whose pod went on, succeeded.
            return init && !c.IsSidecarPolicy && (seenBefore || appsStarted)
                ? ContainerStatusSynthesis.InitContainerAssumedCompleted(c) with { Ready = true }
                : ContainerStatusSynthesis.DefaultStatus(c, pod.Spec);
        }

        if (seen is null)
        {
            _seen[c.Name] = seen = new Seen();
        }

        var status = new ContainerStatus { Name = c.Name, Image = c.Image, RestartCount = s.RestartCount };
        switch (s.Status)
        {
            case "running":
                status = status with
                {
                    State = new ContainerState { Running = new ContainerStateRunning { StartedAt = s.StartedAt } },
                    Started = true,
                    Ready = !init || c.IsSidecarPolicy,
                };
                break;
            case "exited" or "stopped" when s.StartedAt is not null:
                var terminated = new ContainerStateTerminated
                {
                    ExitCode = s.ExitCode,
                    Reason = ExitReason(s),
                    StartedAt = s.StartedAt,
                    FinishedAt = s.FinishedAt,
                };
                seen.Terminations[s.RestartCount] = terminated;
                status = status with { State = new ContainerState { Terminated = terminated }, Started = false, Ready = init && s.ExitCode == 0 };
                break;
            case "exited" or "stopped":
                status = status with { State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = RunContainerError, Message = s.Error } } };
                break;
            case "created" or "configured" or "initialized":
                status = status with { State = ContainerStatusSynthesis.DefaultStatus(c, pod.Spec).State };
                break;
            default:
                break; // paused, removing, unknown: no state
        }

        var last = seen.Terminations.LastOrDefault(t => t.Key < s.RestartCount).Value;
        return last is null ? status : status with { LastState = new ContainerState { Terminated = last } };
    }

    /// <summary>
    /// CRI-style reason: podman never sets OOMKilled (4.3.1), so exit 137 under a memory limit is taken as an
    /// OOM kill — a scripted <c>exit 137</c> under a limit is misread the same way (a known limit of the adapter).
    /// </summary>
    public static string ExitReason(PodmanContainerState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.OomKilled || (s.ExitCode == 137 && s.MemoryLimit > 0))
        {
            return "OOMKilled";
        }

        return s.ExitCode == 0 ? ContainerStatusSynthesis.Completed : "Error";
    }

    /// <summary>
    /// podman's pod state in Kubernetes' words: Running while an app container runs or will be restarted by
    /// podman's restart policy; Succeeded or Failed once every app container has exited for good (all 0, or
    /// not); Pending before any app container started — which is also where a pod stays when an init
    /// container failed (podman leaves the app containers Created).
    /// </summary>
    private static string Phase(PodSpec spec, List<ContainerStatus> regular, IReadOnlyDictionary<string, PodmanContainerState> states, Func<string, string> podmanName)
    {
        bool allExited = regular.Count > 0;
        bool allZero = true;
        for (int i = 0; i < regular.Count; i++)
        {
            var s = regular[i];
            if (s.State.Running is not null)
            {
                return PodPhases.Running;
            }

            if (s.State.Terminated is { } t)
            {
                if (WillRestart(spec.RestartPolicy, t.ExitCode) && states.ContainsKey(podmanName(spec.Containers[i].Name)))
                {
                    return PodPhases.Running;
                }

                allZero &= t.ExitCode == 0;
            }
            else
            {
                allExited = false;
            }
        }

        return !allExited ? PodPhases.Pending : allZero ? PodPhases.Succeeded : PodPhases.Failed;
    }

    /// <summary>podman's restart policy for the pod's: always, on-failure (nonzero exit), no.</summary>
    public static bool WillRestart(string restartPolicy, int exitCode) => restartPolicy switch
    {
        "Never" => false,
        "OnFailure" => exitCode != 0,
        _ => true,
    };
}
