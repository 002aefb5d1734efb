using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Kubelet;

namespace PodConformance.Model.Simulation;

internal sealed partial class PodRun
{
    private PodSpec? _statusSpec;
    private ValueList<string>? _podIps;

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

        if (NothingMoved())
        {
            // The update's inputs are what the last update read and no container's status was rebuilt since: the check
            // below would find them equal without building the status lists (a crash loop's resyncs during back-off).
            if (_sandboxReady && _node is not null)
            {
                HitPhaseKept(CurrentPhase);
            }

            return;
        }

        // When the timeline is not kept and the pod's spec and metadata are what CurrentPod carries, the update notes
        // what it writes instead of building the status and the pod (CurrentPod builds them when read); otherwise, as
        // always, a new status and pod, compared with the last.
        bool deferred = !_sim.KeepsTimeline && ReferenceEquals(_currentSource, _pod) && (_statusPending || _current.Status is not null);
        var previous = deferred ? null : CurrentPod.Status ?? new PodStatus();
        var last = previous is null ? _statusPending ? _written : StatusWrite.Of(_current.Status!) : StatusWrite.Of(previous);

        // Container statuses appear with the kubelet's first status update, not at binding. A container whose state did
        // not move keeps its status object, and a list whose statuses all stayed keeps the list.
        var initStatuses = _sandboxReady ? Statuses(_init, last.Init) : default;
        var regularStatuses = _sandboxReady ? Statuses(_regular, last.Regular) : default;
        bool allStopped = AllStopped();
        if (InputsMatch(initStatuses, regularStatuses, allStopped))
        {
            // Every input of the status below is what the last update read, and it produced CurrentPod: this update
            // would produce an equal pod (the conditions keep their transition times), so no change and no snapshot.
            // The rules that read the previous phase are hit as the full update would hit them (a repeat after a
            // terminal phase was written keeps it: SIM-009's branch and PHASE-017); every other rule saw these inputs.
            if (_sandboxReady && _node is not null)
            {
                HitPhaseKept(last.Phase);
            }

            return;
        }

        var conditions = _scheduledCondition is null ? last.Conditions : Upsert(last.Conditions, _scheduledCondition);
        StatusWrite write;
        if (_sandboxReady && _node is not null)
        {
            HitPhaseKept(last.Phase);
            string phase = PodPhases.IsTerminal(last.Phase)
                ? last.Phase!
                : PodPhaseCalculator.GetPhase(_pod.Spec, initStatuses.AsSpan(), regularStatuses.AsSpan(),
                    podIsTerminal: _deleting && allStopped, podHasInitialized: _initialized, Profile);
            var podIps = _podIps ??= PodIPs();
            var generated = PodConditionsGenerator.GenerateForStatus(
                _pod.Spec, conditions, AllStatuses(initStatuses, regularStatuses), phase, _sandboxReady && !(PodPhases.IsTerminal(phase) && allStopped), _sim.ReadyToStartConditionGate, Trunc(Now));

            // Everything this update writes (the QoS class and the fields the kubelet does not own stay put).
            write = new StatusWrite(
                initStatuses,
                regularStatuses,
                WithRestartAllCondition(generated, phase),
                _node.Addresses.IsEmpty ? "" : _node.Addresses[0],
                _node.Addresses,
                podIps.IsEmpty ? "" : podIps[0],
                podIps,
                _startTime,
                phase);
        }
        else
        {
            write = last with { Init = initStatuses, Regular = regularStatuses, Conditions = conditions };
        }

        if (previous is null)
        {
            // The pod's other fields are CurrentPod's (same source), so the pod changed exactly when a written field did.
            bool moved = write != last;
            _writtenOver = _statusPending ? _writtenOver : _current.Status;
            _written = write;
            _statusPending = true;
            _currentVersion++;
            if (moved)
            {
                _sim.Snapshot(SnapshotKind.Modified, this);
            }
        }
        else
        {
            var pod = _pod with { Status = write.ApplyTo(previous) };
            bool changed = pod != CurrentPod;

            // An equal pod replaces CurrentPod too (same value, no snapshot), so the next update's previous statuses are the
            // cached ones and its inputs can match.
            SetCurrent(pod, _pod);
            if (changed)
            {
                _sim.Snapshot(SnapshotKind.Modified, pod);
            }
        }

        RememberInputs(initStatuses, regularStatuses, allStopped);
    }

    /// <summary>
    /// The status fields a status update writes; the rest of the status stays what it was. A value, so an update whose
    /// object nobody reads (the timeline not kept) builds no <see cref="PodStatus"/> or <see cref="Pod"/>.
    /// </summary>
    private readonly record struct StatusWrite(
        ValueList<ContainerStatus> Init,
        ValueList<ContainerStatus> Regular,
        ValueList<PodCondition> Conditions,
        string HostIP,
        ValueList<string> HostIPs,
        string PodIP,
        ValueList<string> PodIPs,
        DateTimeOffset? StartTime,
        string Phase)
    {
        public static StatusWrite Of(PodStatus s) =>
            new(s.InitContainerStatuses, s.ContainerStatuses, s.Conditions, s.HostIP, s.HostIPs, s.PodIP, s.PodIPs, s.StartTime, s.Phase);

        public PodStatus ApplyTo(PodStatus s) => s with
        {
            InitContainerStatuses = Init,
            ContainerStatuses = Regular,
            Conditions = Conditions,
            HostIP = HostIP,
            HostIPs = HostIPs,
            PodIP = PodIP,
            PodIPs = PodIPs,
            StartTime = StartTime,
            Phase = Phase,
        };
    }

    /// <summary>
    /// initContainerStatuses then containerStatuses (PodConditionsGenerator.AllStatuses of the status being written); null
    /// when both are empty.
    /// </summary>
    private static ValueList<ContainerStatus>? AllStatuses(ValueList<ContainerStatus> init, ValueList<ContainerStatus> regular)
    {
        if (init.IsEmpty)
        {
            return regular.IsEmpty ? null : (ValueList<ContainerStatus>?)regular;
        }

        if (regular.IsEmpty)
        {
            return init;
        }

        var all = new ContainerStatus[init.Count + regular.Count];
        init.AsSpan().CopyTo(all);
        regular.AsSpan().CopyTo(all.AsSpan(init.Count));
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(all);
    }

    private static void HitPhaseKept(string? previousPhase)
    {
        RuleCoverage.Hit("SIM-009", PodPhases.IsTerminal(previousPhase) ? "a terminal phase is kept" : "phase and conditions derived");
        if (PodPhases.IsTerminal(previousPhase))
        {
            RuleCoverage.Hit(PhaseRules.TerminalSticky);
        }
    }

    // What the last status update read (RememberInputs). The pod's own fields (spec, metadata) are compared by reference:
    // anything that replaced them replaced the object; CurrentPod by its version: anything else that replaced it after
    // that update (a condition written, a gate removed) bumped it. Fields rather than a record, so a status update allocates nothing to remember them.
    private bool _inputsKept;
    private long _inputResult;
    private Pod? _inputSource;
    private ValueList<ContainerStatus> _inputInit;
    private ValueList<ContainerStatus> _inputRegular;
    private PodCondition? _inputScheduled;
    private Node? _inputNode;
    private bool _inputSandboxReady;
    private DateTimeOffset? _inputStartTime;
    private bool _inputInitialized;
    private bool _inputDeleting;
    private bool _inputAllStopped;

    private void RememberInputs(ValueList<ContainerStatus> init, ValueList<ContainerStatus> regular, bool allStopped)
    {
        _inputsKept = true;
        _inputResult = _currentVersion;
        _inputSource = _pod;
        _inputInit = init;
        _inputRegular = regular;
        _inputScheduled = _scheduledCondition;
        _inputNode = _node;
        _inputSandboxReady = _sandboxReady;
        _inputStartTime = _startTime;
        _inputInitialized = _initialized;
        _inputDeleting = _deleting;
        _inputAllStopped = allStopped;
    }

    /// <summary>
    /// <see cref="InputsMatch"/> known without building the container status lists: CurrentPod is what the last update
    /// left (so its lists are the ones that update remembered), every container's cached status is still the one those
    /// lists hold (none rebuilt: a rebuild happens only in an update, which remembers its lists), and the other inputs
    /// are unchanged. False whenever unsure; the full check then decides.
    /// </summary>
    private bool NothingMoved() =>
        _inputsKept
        && _inputResult == _currentVersion
        && ReferenceEquals(_inputSource, _pod)
        && ReferenceEquals(_statusSpec, _pod.Spec)
        && _sandboxReady
        && ReferenceEquals(_inputScheduled, _scheduledCondition)
        && ReferenceEquals(_inputNode, _node)
        && _inputSandboxReady
        && _inputStartTime == _startTime
        && _inputInitialized == _initialized
        && _inputDeleting == _deleting
        && AllPublished(_init)
        && AllPublished(_regular)
        && _inputAllStopped == AllStopped();

    private static bool AllPublished(List<ContainerRuntime> containers)
    {
        foreach (var c in containers)
        {
            if (c.PublishedStatus is null || c.PublishedVersion != c.Version)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every input of a status update is what the last update read.</summary>
    private bool InputsMatch(ValueList<ContainerStatus> init, ValueList<ContainerStatus> regular, bool allStopped) =>
        _inputsKept
        && _inputResult == _currentVersion
        && ReferenceEquals(_inputSource, _pod)
        && SameList(_inputInit, init)
        && SameList(_inputRegular, regular)
        && ReferenceEquals(_inputScheduled, _scheduledCondition)
        && ReferenceEquals(_inputNode, _node)
        && _inputSandboxReady == _sandboxReady
        && _inputStartTime == _startTime
        && _inputInitialized == _initialized
        && _inputDeleting == _deleting
        && _inputAllStopped == allStopped;

    /// <summary>
    /// The same list object (ImmutableArray's <c>==</c>, a default list being the empty one), told from the spans where
    /// the lists are not empty: every status update asks this twice.
    /// </summary>
    private static bool SameList(ValueList<ContainerStatus> a, ValueList<ContainerStatus> b)
    {
        var x = a.AsSpan();
        var y = b.AsSpan();
        return x.Length == 0 && y.Length == 0 ? a.AsImmutableArray() == b.AsImmutableArray() : x == y;
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

    /// <summary>The statuses of <paramref name="containers"/>; <paramref name="previous"/> itself when none moved.</summary>
    private ValueList<ContainerStatus> Statuses(List<ContainerRuntime> containers, ValueList<ContainerStatus> previous)
    {
        bool same = previous.Count == containers.Count;
        for (int i = 0; same && i < containers.Count; i++)
        {
            same = ReferenceEquals(Status(containers[i]), previous[i]);
        }

        if (same)
        {
            return previous;
        }

        var result = new ContainerStatus[containers.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Status(containers[i]);
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>The container's status, rebuilt only when the container moved or the pod's spec was replaced.</summary>
    private ContainerStatus Status(ContainerRuntime c)
    {
        if (c.PublishedStatus is { } cached && c.PublishedVersion == c.Version && ReferenceEquals(_statusSpec, _pod.Spec))
        {
            return cached;
        }

        if (!ReferenceEquals(_statusSpec, _pod.Spec))
        {
            // The default waiting reason reads the spec: a replaced spec invalidates every container's cached status.
            _statusSpec = _pod.Spec;
            foreach (var other in _init)
            {
                other.PublishedStatus = null;
            }

            foreach (var other in _regular)
            {
                other.PublishedStatus = null;
            }
        }

        var status = BuildStatus(c);
        c.PublishedStatus = status;
        c.PublishedVersion = c.Version;
        return status;
    }

    private ContainerStatus BuildStatus(ContainerRuntime c)
    {
        var state = c.Phase switch
        {
            RuntimePhase.Running => RunningState(c),
            RuntimePhase.Exited => TerminatedState(c),

            // PHASE-018: no start error cached (no waiting reason) while a restart pulls its image: the exited instance is
            // still the runtime's newest container, so its terminated state stays until the new one runs.
            _ when _sim.Rules.KeepsTerminatedState(c.ExitPending, c.WaitingReason) => TerminatedState(c),
            _ => WaitingState(c, c.WaitingReason.Length != 0 ? c.WaitingReason : ContainerStatusSynthesis.DefaultWaitingReason(_pod.Spec)),
        };
        bool created = c.Starts > 0;
        return BlankStatus with
        {
            Name = c.Name,
            State = state,
            LastState = c.LastTermination is { } last ? LastState(c, last) : NoState,
            Ready = c.Kind == ContainerKind.Init ? c.Succeeded : c.Ready && c.IsRunning,
            RestartCount = c.RestartCount,
            Image = c.Spec.Image,
            ImageID = created ? c.ImageId ??= ImageId(c.Spec.Image) : "",
            ContainerID = created ? ContainerId(c) : "",
            Started = c.IsRunning && c.Started,
        };
    }

    /// <summary>
    /// The status every container status is a copy of: a record's copy runs no field initializers, where <c>new</c>
    /// would build two empty states only to replace them.
    /// </summary>
    private static readonly ContainerStatus BlankStatus = new();

    /// <summary>An empty state (no last termination yet), shared: records are immutable.</summary>
    private static readonly ContainerState NoState = new();

    /// <summary>
    /// The last state for the container's last termination, built once per termination: the state the exited instance
    /// was reported with, when that is the termination (MoveToLastState moves that very record), else a new one.
    /// </summary>
    private static ContainerState LastState(ContainerRuntime c, ContainerStateTerminated last)
    {
        if (c.TerminatedState is { } exited && ReferenceEquals(exited.Terminated, last))
        {
            return exited;
        }

        if (c.LastState is not { } state || !ReferenceEquals(state.Terminated, last))
        {
            c.LastState = state = new ContainerState { Terminated = last };
        }

        return state;
    }

    // A container's states are immutable records: each is reused while what it reports is unchanged (a restart reports
    // the same terminated state as the exit, then as the last state; a crash loop waits with the same reason and message).

    /// <summary>The running state of the current instance.</summary>
    private static ContainerState RunningState(ContainerRuntime c)
    {
        var startedAt = Trunc(c.StartedAt);
        if (c.RunningState is not { Running: { } running } state || running.StartedAt != startedAt)
        {
            c.RunningState = state = new ContainerState { Running = new ContainerStateRunning { StartedAt = startedAt } };
        }

        return state;
    }

    /// <summary>The terminated state of the newest exited instance (<see cref="Terminated"/>).</summary>
    private static ContainerState TerminatedState(ContainerRuntime c)
    {
        string id = ContainerId(c);
        var startedAt = Trunc(c.StartedAt);
        var finishedAt = Trunc(c.FinishedAt);
        if (c.TerminatedState is not { Terminated: { } t } state
            || t.ExitCode != c.ExitCode
            || !string.Equals(t.Reason, c.TerminationReason, StringComparison.Ordinal)
            || t.StartedAt != startedAt
            || t.FinishedAt != finishedAt
            || !ReferenceEquals(t.ContainerID, id))
        {
            c.TerminatedState = state = new ContainerState
            {
                Terminated = new ContainerStateTerminated
                {
                    ExitCode = c.ExitCode,
                    Reason = c.TerminationReason,
                    StartedAt = startedAt,
                    FinishedAt = finishedAt,
                    ContainerID = id,
                },
            };
        }

        return state;
    }

    private static ContainerState WaitingState(ContainerRuntime c, string reason)
    {
        if (c.WaitingState is not { Waiting: { } w } state
            || !string.Equals(w.Reason, reason, StringComparison.Ordinal)
            || !string.Equals(w.Message, c.WaitingMessage, StringComparison.Ordinal))
        {
            c.WaitingState = state = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason, Message = c.WaitingMessage } };
        }

        return state;
    }

    /// <summary>The exited instance's terminated state, as its status reported it (<see cref="TerminatedState"/>).</summary>
    private static ContainerStateTerminated Terminated(ContainerRuntime c) => TerminatedState(c).Terminated!;

    private static ValueList<PodCondition> Upsert(ValueList<PodCondition> conditions, PodCondition condition)
    {
        for (int i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].Type == condition.Type)
            {
                // podutil.UpdatePodCondition: reason and message are replaced; the transition time moves only with the status.
                var existing = conditions[i];
                if (existing.Status != condition.Status)
                {
                    return conditions.SetItem(i, condition);
                }

                // Compared before copying: every status update upserts the scheduled condition, which rarely changes.
                return PodConditionsGenerator.SameExceptTransitionTime(existing, condition)
                    ? conditions
                    : conditions.SetItem(i, condition with { LastTransitionTime = existing.LastTransitionTime });
            }
        }

        return conditions.Add(condition);
    }

    /// <summary>Stand-in runtime IDs, fixed per pod, container and instance so output is reproducible; built once per instance.</summary>
    private static string ContainerId(ContainerRuntime c)
    {
        if (c.ContainerIdStarts != c.Starts || c.ContainerId is null)
        {
            c.ContainerId = NewContainerId(c);
            c.ContainerIdStarts = c.Starts;
        }

        return c.ContainerId;
    }

    private static string NewContainerId(ContainerRuntime c)
    {
        // The hash reads "name/Kind/starts"; built on the stack, and the ID written once, not through a StringBuilder.
        string kind = c.Kind switch { ContainerKind.Init => "Init", ContainerKind.Sidecar => "Sidecar", _ => "Regular" };
        int length = c.Name.Length + kind.Length + 12;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        c.Name.AsSpan().CopyTo(text);
        int n = c.Name.Length;
        text[n++] = '/';
        kind.AsSpan().CopyTo(text[n..]);
        n += kind.Length;
        text[n++] = '/';
        c.Starts.TryFormat(text[n..], out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
        return WithHex("containerd://", text[..(n + written)]);
    }

    private static string ImageId(string image) => WithHex(image + "@sha256:", image);

    /// <summary>
    /// <paramref name="prefix"/> then 64 hex digits of a repeated FNV-1a hash of <paramref name="text"/>: each round
    /// hashes the whole text into the running value, mixes in the round number and appends the value as 16 digits.
    /// </summary>
    private static string WithHex(string prefix, ReadOnlySpan<char> text)
    {
        const int Length = 64;
        Span<char> result = stackalloc char[128];
        Span<char> buffer = prefix.Length + Length <= result.Length ? result : new char[prefix.Length + Length];
        prefix.AsSpan().CopyTo(buffer);
        int at = prefix.Length;
        ulong h = 14695981039346656037UL;
        int round = 0;
        while (at - prefix.Length < Length)
        {
            foreach (char ch in text)
            {
                h = unchecked((h ^ ch) * 1099511628211UL);
            }

            h = unchecked(h ^ (ulong)round++);

            // h as 16 lower-case hex digits, zero-padded (as the format "x16" writes it), one digit at a time.
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                buffer[at++] = "0123456789abcdef"[(int)((h >> shift) & 0xF)];
            }
        }

        return new string(buffer[..(prefix.Length + Length)]);
    }
}
