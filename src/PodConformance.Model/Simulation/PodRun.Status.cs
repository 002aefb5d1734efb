using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Kubelet;

namespace PodConformance.Model.Simulation;

internal sealed partial class PodRun
{
    /// <summary>
    /// The kubelet's status update (generateAPIPodStatus): container statuses from the runtime, the phase
    /// (getPhase, terminal phases sticky), the conditions; a snapshot is taken only when something changed.
    /// </summary>
    private void Publish()
    {
        if (_deleted)
        {
            return;
        }

        var previous = CurrentPod.Status ?? new PodStatus();
        // Container statuses appear with the kubelet's first status update, not at binding.
        var status = previous with
        {
            InitContainerStatuses = _sandboxReady ? Statuses(_init) : default,
            ContainerStatuses = _sandboxReady ? Statuses(_regular) : default,
            Conditions = _scheduledCondition is null ? previous.Conditions : Upsert(previous.Conditions, _scheduledCondition),
        };
        if (_sandboxReady && _node is not null)
        {
            string hostIp = _node.Addresses.IsEmpty ? "" : _node.Addresses[0];
            var podIps = PodIPs();
            status = status with
            {
                HostIP = hostIp,
                HostIPs = _node.Addresses,
                PodIP = podIps.IsEmpty ? "" : podIps[0],
                PodIPs = podIps,
                StartTime = _startTime,
            };
        }

        var pod = _pod with { Status = status };
        if (_node is not null && _sandboxReady)
        {
            RuleCoverage.Hit("SIM-009", PodPhases.IsTerminal(previous.Phase) ? "a terminal phase is kept" : "phase and conditions derived");
            if (PodPhases.IsTerminal(previous.Phase))
            {
                RuleCoverage.Hit(PhaseRules.TerminalSticky);
            }
            string phase = PodPhases.IsTerminal(previous.Phase)
                ? previous.Phase!
                : PodPhaseCalculator.GetPhase(pod.Spec, status.InitContainerStatuses.AsSpan(), status.ContainerStatuses.AsSpan(),
                    podIsTerminal: _deleting && AllStopped(), podHasInitialized: _initialized, Profile);
            pod = pod with { Status = status with { Phase = phase } };
            var conditions = PodConditionsGenerator.Generate(pod, phase, _sandboxReady && !IsTerminalStopped(phase), Profile, Trunc(Now));
            pod = pod with { Status = pod.Status! with { Conditions = WithRestartAllCondition(conditions.Conditions, phase) } };
        }

        if (pod != CurrentPod)
        {
            CurrentPod = pod;
            _sim.Snapshot(SnapshotKind.Modified, pod);
        }
    }

    /// <summary>
    /// The sandbox's IPs as the kubelet reports them (sortPodIPs: the first of the node's family, then the first of the
    /// other): the scenario's <c>podIPs</c>, else the simulator's default 10.244.0.(10 + index) (SIM-003).
    /// </summary>
    internal ValueList<string> PodIPs()
    {
        if (_script.PodIPs.IsEmpty)
        {
            return ValueList.Of(PodSimulator.PodIp(Index));
        }

        bool ipv6Node = _node is { Addresses.IsEmpty: false } n && ContainerEnv.IpFamily.IsIPv6(n.Addresses[0]);
        return ContainerEnv.FieldPathResolver.SortPodIPs(_script.PodIPs, ipv6Node);
    }

    private bool IsTerminalStopped(string phase) => PodPhases.IsTerminal(phase) && AllStopped();

    private bool AllStopped() => AllStopped(_regular) && AllStopped(_init);

    private static bool AllStopped(List<ContainerRuntime> containers)
    {
        foreach (var c in containers)
        {
            if (c.IsRunning || c.Phase == RuntimePhase.Pulling)
            {
                return false;
            }
        }

        return true;
    }

    private ValueList<ContainerStatus> Statuses(List<ContainerRuntime> containers)
    {
        var result = new ContainerStatus[containers.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Status(containers[i]);
        }

        return result;
    }

    private ContainerStatus Status(ContainerRuntime c)
    {
        var state = c.Phase switch
        {
            RuntimePhase.Running => new ContainerState { Running = new ContainerStateRunning { StartedAt = Trunc(c.StartedAt) } },
            RuntimePhase.Exited => new ContainerState { Terminated = Terminated(c) },

            // PHASE-018: no start error cached (no waiting reason) while a restart pulls its image: the exited instance is
            // still the runtime's newest container, so its terminated state stays until the new one runs.
            _ when _sim.Rules.KeepsTerminatedState(c.ExitPending, c.WaitingReason) => new ContainerState { Terminated = Terminated(c) },
            _ => new ContainerState
            {
                Waiting = new ContainerStateWaiting
                {
                    Reason = c.WaitingReason.Length != 0 ? c.WaitingReason : ContainerStatusSynthesis.DefaultWaitingReason(_pod.Spec),
                    Message = c.WaitingMessage,
                },
            },
        };
        bool created = c.Starts > 0;
        return new ContainerStatus
        {
            Name = c.Name,
            State = state,
            LastState = c.LastTermination is { } last ? new ContainerState { Terminated = last } : new ContainerState(),
            Ready = c.Kind == ContainerKind.Init ? c.Succeeded : c.Ready && c.IsRunning,
            RestartCount = c.RestartCount,
            Image = c.Spec.Image,
            ImageID = created ? ImageId(c.Spec.Image) : "",
            ContainerID = created ? ContainerId(c) : "",
            Started = c.IsRunning && c.Started,
        };
    }

    private static ContainerStateTerminated Terminated(ContainerRuntime c) => new()
    {
        ExitCode = c.ExitCode,
        Reason = c.TerminationReason,
        StartedAt = Trunc(c.StartedAt),
        FinishedAt = Trunc(c.FinishedAt),
        ContainerID = ContainerId(c),
    };

    private static ValueList<PodCondition> Upsert(ValueList<PodCondition> conditions, PodCondition condition)
    {
        for (int i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].Type == condition.Type)
            {
                // podutil.UpdatePodCondition: reason and message are replaced; the transition time moves only with the status.
                var existing = conditions[i];
                var updated = existing.Status == condition.Status ? condition with { LastTransitionTime = existing.LastTransitionTime } : condition;
                return updated == existing ? conditions : conditions.SetItem(i, updated);
            }
        }

        return conditions.Add(condition);
    }

    /// <summary>Stand-in runtime IDs, fixed per pod, container and instance so output is reproducible.</summary>
    private static string ContainerId(ContainerRuntime c) =>
        "containerd://" + Hex(c.Name + "/" + c.Kind + "/" + c.Starts.ToString(System.Globalization.CultureInfo.InvariantCulture), 64);

    private static string ImageId(string image) => image + "@sha256:" + Hex(image, 64);

    private static string Hex(string text, int length)
    {
        var sb = new System.Text.StringBuilder(length);
        ulong h = 14695981039346656037UL;
        int round = 0;
        while (sb.Length < length)
        {
            foreach (char ch in text)
            {
                h = unchecked((h ^ ch) * 1099511628211UL);
            }

            h = unchecked(h ^ (ulong)round++);
            sb.Append(h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString(0, length);
    }
}
