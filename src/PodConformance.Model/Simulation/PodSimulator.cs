using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Simulation;

/// <summary>
/// A deterministic discrete-event model of the API server, scheduler and kubelet for a few pods on a few nodes,
/// on a virtual clock. Same inputs → the same timeline, byte for byte. Rules come from the model's rule
/// classes (phase, conditions, printer, backoff, scheduling, limits); this class only sequences them.
/// </summary>
public sealed partial class PodSimulator
{
    private readonly PriorityQueue<Scheduled, (DateTimeOffset Time, long Seq)> _queue = new(QueueOrder.Instance);
    private readonly List<PodSnapshot> _timeline = [];
    private readonly List<SimulatedEvent> _events = [];
    private readonly List<RejectedPod> _rejected = [];
    private readonly List<PodRun> _runs = [];
    private readonly Dictionary<string, HashSet<string>> _nodeImages = new(StringComparer.Ordinal);
    private readonly List<ClusterObject> _objects = [];
    private readonly SimulationRecord _record;
    private long _seq;

    private PodSimulator(Scenario scenario, Profile profile, DateTimeOffset start, SimulatorRules rules, SimulationRecord record)
    {
        _record = record;
        Rules = rules;
        Scenario = scenario;
        Profile = profile;
        Start = start;
        Now = start;
        CrashLoop = rules.CrashLoopTracker(profile);
        _objects.AddRange(scenario.Objects);
        ImagePull = Backoff.ImagePullBackoff.NewTracker();
        PullErrors = Backoff.PreviousPullErrors.For(profile);
    }

    /// <summary>The node kubelets' last pull errors (BACKOFF-007, 1.32+); null for an older release.</summary>
    internal Backoff.PreviousPullErrors? PullErrors { get; }

    internal Scenario Scenario { get; }

    internal SimulatorRules Rules { get; }

    internal Profile Profile { get; }

    /// <summary>The cluster objects the admission plugins read when the pods are created.</summary>
    private Admission.AdmissionObjects Admitting { get; init; } = Admission.AdmissionObjects.None;

    internal DateTimeOffset Start { get; }

    internal DateTimeOffset Now { get; private set; }

    internal Backoff.BackoffTracker CrashLoop { get; }

    // The feature gates a status update reads, asked of the profile once per run.

    /// <summary>RestartAllContainersOnContainerExits (SIM-016, COND-009).</summary>
    internal bool RestartAllContainersGate => _restartAllContainersGate ??= Profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits);

    /// <summary>PodReadyToStartContainersCondition (COND-002).</summary>
    internal bool ReadyToStartConditionGate => _readyToStartConditionGate ??= Profile.IsEnabled(FeatureGateNames.PodReadyToStartContainersCondition);

    private bool? _restartAllContainersGate;
    private bool? _readyToStartConditionGate;

    internal Backoff.BackoffTracker ImagePull { get; }

    /// <summary>Runs <paramref name="pods"/> under <paramref name="scenario"/>; <paramref name="rules"/> defaults to the model's rules.</summary>
    public static SimulationResult Run(IReadOnlyList<Pod> pods, Scenario scenario, Profile profile, DateTimeOffset? start = null, SimulatorRules? rules = null) =>
        Run(pods, scenario, profile, Admission.AdmissionObjects.None, SimulationRecord.All, start, rules);

    /// <summary>
    /// Runs <paramref name="pods"/> under <paramref name="scenario"/>, keeping only what <paramref name="record"/> asks
    /// for: without <see cref="SimulationRecord.Timeline"/> the result's timeline holds each pod's last snapshot only,
    /// without <see cref="SimulationRecord.Events"/> it holds no events, so memory stays flat however long the run.
    /// What happens is the same either way; only what is kept differs.
    /// </summary>
    public static SimulationResult Run(
        IReadOnlyList<Pod> pods, Scenario scenario, Profile profile, SimulationRecord record, DateTimeOffset? start = null, SimulatorRules? rules = null) =>
        Run(pods, scenario, profile, Admission.AdmissionObjects.None, record, start, rules);

    /// <summary>
    /// Runs <paramref name="pods"/> under <paramref name="scenario"/>, creating each with <paramref name="admission"/>'s
    /// cluster objects (PriorityClasses, ServiceAccounts, LimitRanges, ResourceQuotas), as <c>validate</c> and <c>explain</c>
    /// do: the kubelet then runs the pod those plugins stored.
    /// </summary>
    public static SimulationResult Run(IReadOnlyList<Pod> pods, Scenario scenario, Profile profile, Admission.AdmissionObjects admission, DateTimeOffset? start = null, SimulatorRules? rules = null) =>
        Run(pods, scenario, profile, admission, SimulationRecord.All, start, rules);

    /// <summary>The run with both choices: the admission objects pods are created with, and what the result keeps.</summary>
    public static SimulationResult Run(
        IReadOnlyList<Pod> pods, Scenario scenario, Profile profile, Admission.AdmissionObjects admission, SimulationRecord record, DateTimeOffset? start = null, SimulatorRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(admission);
        var sim = new PodSimulator(scenario, profile, start ?? SimulationTiming.DefaultStart, rules ?? SimulatorRules.Default, record) { Admitting = admission };
        sim.CreateAll(pods);
        sim.Loop();
        return new SimulationResult(sim.Start, sim.Start + scenario.Until, sim.Timeline(), sim._events.ToValueList(), sim._rejected.ToValueList());
    }

    /// <summary>
    /// Runs <paramref name="pod"/> alone, as <see cref="Run(IReadOnlyList{Pod}, Scenario, Profile, DateTimeOffset?, SimulatorRules?)"/>
    /// runs <c>[pod]</c> (every snapshot and event kept, the default start and rules), from <paramref name="created"/>:
    /// the result of <c>PodCreate.Run(pod, profile)</c> (no admission objects, the real stages; with or without steps),
    /// which the caller has already run. The model adapter's admission facet runs that create; its lifecycle facet runs
    /// the pod from it instead of creating it a second time. Same stored pod, so the same timeline and events.
    /// </summary>
    internal static SimulationResult RunCreated(Pod pod, Admission.PodCreateResult created, Scenario scenario, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(created);
        var sim = new PodSimulator(scenario, profile, SimulationTiming.DefaultStart, SimulatorRules.Default, SimulationRecord.All);
        sim.CreateAll([pod], created);
        sim.Loop();
        return new SimulationResult(sim.Start, sim.Start + scenario.Until, sim.Timeline(), sim._events.ToValueList(), sim._rejected.ToValueList());
    }

    internal void At(DateTimeOffset time, Action action) => _queue.Enqueue(new Scheduled(action, null, 0), (time < Now ? Now : time, _seq++));

    /// <summary>
    /// <paramref name="action"/> for one container instance (<paramref name="generation"/>) at <paramref name="time"/>:
    /// the container keeps one delegate, and the queue carries the generation, so a restart allocates no closure.
    /// </summary>
    internal void At(DateTimeOffset time, Action<int> action, int generation) =>
        _queue.Enqueue(new Scheduled(null, action, generation), (time < Now ? Now : time, _seq++));

    /// <summary>
    /// The queue's order: time (as DateTimeOffset compares, by UTC ticks), then the order of queuing; one comparison
    /// rather than the tuple's nested default comparers.
    /// </summary>
    private sealed class QueueOrder : IComparer<(DateTimeOffset Time, long Seq)>
    {
        public static readonly QueueOrder Instance = new();

        public int Compare((DateTimeOffset Time, long Seq) x, (DateTimeOffset Time, long Seq) y)
        {
            int c = x.Time.UtcTicks.CompareTo(y.Time.UtcTicks);
            return c != 0 ? c : x.Seq.CompareTo(y.Seq);
        }
    }

    /// <summary>A queued action: a plain one, or one for a container instance with its generation.</summary>
    private readonly record struct Scheduled(Action? Action, Action<int>? ForGeneration, int Generation)
    {
        public void Run()
        {
            if (Action is { } action)
            {
                action();
            }
            else
            {
                ForGeneration!(Generation);
            }
        }
    }

    /// <summary>
    /// Whether events are kept. When not, the simulator's frequent events (a crash loop's Created, Started, BackOff, the
    /// image already present, the binding) are not built at all: only their rules are hit, as building them would.
    /// </summary>
    internal bool KeepsEvents => (_record & SimulationRecord.Events) != 0;

    internal void Record(PodRun run, Events.PodEvent e)
    {
        if ((_record & SimulationRecord.Events) != 0)
        {
            _events.Add(new SimulatedEvent(run.Namespace, run.Name, e));
        }
    }

    /// <summary>A repeat of <paramref name="e"/> (same message) at <paramref name="at"/>; built only when events are kept.</summary>
    internal void RecordAgain(PodRun run, Events.PodEvent e, DateTimeOffset at)
    {
        if ((_record & SimulationRecord.Events) != 0)
        {
            _events.Add(new SimulatedEvent(run.Namespace, run.Name, e.FirstTimestamp == at && e.LastTimestamp == at ? e : e.Again(at)));
        }
        else
        {
            Coverage.RuleCoverage.Hit(e.RuleId);
        }
    }

    /// <summary>Bumped when a client creates an object: what a container's config read may have changed (SIM-014).</summary>
    internal int ObjectsVersion => _objects.Count;

    /// <summary>Whether every snapshot is kept (else only each pod's last, <see cref="Snapshot(SnapshotKind, PodRun)"/>).</summary>
    internal bool KeepsTimeline => (_record & SimulationRecord.Timeline) != 0;

    internal void Snapshot(SnapshotKind kind, Pod pod)
    {
        if (KeepsTimeline)
        {
            _timeline.Add(new PodSnapshot(Now, kind, pod));
            return;
        }

        Latest(new LatestSnapshot(Now, kind, pod, null), pod.Metadata);
    }

    /// <summary>
    /// A snapshot of <paramref name="run"/>'s <see cref="PodRun.CurrentPod"/> while the timeline is not kept: the object is
    /// read at the end. Until then the pod only changes by updates that take a snapshot or leave an equal pod, so the
    /// object read then is this snapshot's value.
    /// </summary>
    internal void Snapshot(SnapshotKind kind, PodRun run) => Latest(new LatestSnapshot(Now, kind, null, run), run.Metadata);

    // Not recorded: each pod's latest snapshot replaces its previous one, in the order pods first appeared. Kept as
    // values; the PodSnapshot objects are built once, at the end (Timeline).
    private void Latest(LatestSnapshot latest, ObjectMeta pod)
    {
        for (int i = 0; i < _latest.Count; i++)
        {
            var meta = _latest[i].Metadata;
            if (string.Equals(meta.Name, pod.Name, StringComparison.Ordinal)
                && string.Equals(meta.Namespace, pod.Namespace, StringComparison.Ordinal))
            {
                _latest[i] = latest;
                return;
            }
        }

        _latest.Add(latest);
    }

    /// <summary>Each pod's last snapshot while the timeline is not recorded (<see cref="Snapshot(SnapshotKind, Pod)"/>).</summary>
    private readonly List<LatestSnapshot> _latest = [];

    /// <summary>A snapshot's pod, or the run whose current pod it is (read at the end).</summary>
    private readonly record struct LatestSnapshot(DateTimeOffset Time, SnapshotKind Kind, Pod? Pod, PodRun? Run)
    {
        public ObjectMeta Metadata => Pod?.Metadata ?? Run!.Metadata;

        public PodSnapshot ToSnapshot() => new(Time, Kind, Pod ?? Run!.CurrentPod);
    }

    /// <summary>The result's timeline: every snapshot, or (not recorded) each pod's last one.</summary>
    private ValueList<PodSnapshot> Timeline()
    {
        if (KeepsTimeline)
        {
            return _timeline.ToValueList();
        }

        var last = new PodSnapshot[_latest.Count];
        for (int i = 0; i < last.Length; i++)
        {
            last[i] = _latest[i].ToSnapshot();
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(last);
    }

    /// <summary>What the kubelet reads to build a container's config now: the objects that exist at this time (SIM-014).</summary>
    internal ContainerEnv.EnvInputs EnvInputsFor(string podNamespace, Node node, ValueList<string> podIPs) =>
        ClusterObject.InputsFor(_objects, podNamespace, new ContainerEnv.EnvInputs { Node = node, PodIPs = podIPs });

    internal bool NodeHasImage(string node, string image) =>
        Scenario.Images.IsPresent(image) || (_nodeImages.TryGetValue(node, out var set) && set.Contains(image));

    internal void NodePulled(string node, string image)
    {
        if (!_nodeImages.TryGetValue(node, out var set))
        {
            _nodeImages[node] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(image);
    }

    /// <summary>Creates <paramref name="pods"/> in order; <paramref name="first"/>, when given, is the first pod's create, already run.</summary>
    private void CreateAll(IReadOnlyList<Pod> pods, Admission.PodCreateResult? first = null)
    {
        for (int i = 0; i < pods.Count; i++)
        {
            // The pod the API server stores (ADM-001): the kubelet runs what admission left, tolerations, token volume and all.
            // Its steps are not kept: the simulator reads the stored pod and the refusal only.
            var created = i == 0 && first is not null
                ? first
                : Admission.PodCreate.Run(pods[i], Profile, Admitting, Admission.PodCreateStages.Real, steps: false);
            RuleCoverage.Hit("SIM-001");
            if (created.Rejection is { } rejection)
            {
                _rejected.Add(new RejectedPod(pods[i], rejection.Message));
                continue;
            }

            var pod = created.Stored;

            var run = new PodRun(this, pod, i);
            _runs.Add(run);
            run.Create();
        }

        // The scheduler binds pods in creation order, each seeing the pods bound before it.
        foreach (var run in _runs)
        {
            At(Start, () => Schedule(run));
        }

        foreach (var step in Scenario.Steps)
        {
            At(Start + step.At, () => Apply(step));
        }
    }

    /// <summary>A client's call at its time (spec/scenario.md, steps); a step naming no known pod does nothing.</summary>
    private void Apply(ScenarioStep step)
    {
        if (step.Create is { } created)
        {
            // A client creates an object; kubelets read it from the next container start on (SIM-014).
            _objects.Add(created);
            return;
        }

        RuleCoverage.Hit("SIM-012");
        if (step.RemoveSchedulingGates is { } gates && Find(step.Pod) is { } run && run.RemoveSchedulingGates(gates))
        {
            // SCHED-014: the update that clears the last gate lets the pod into the scheduling queue.
            Schedule(run);
        }

        if ((step.SetCondition is not null || step.RemoveCondition is not null) && Find(step.Pod) is { } target)
        {
            target.WriteCondition(step.SetCondition, step.RemoveCondition);
        }
    }

    private PodRun? Find(string podName)
    {
        foreach (var run in _runs)
        {
            if (string.Equals(run.Name, podName, StringComparison.Ordinal))
            {
                return run;
            }
        }

        return null;
    }

    private void Schedule(PodRun run)
    {
        if (run.NodeName is not null || run.IsDeleted)
        {
            return;
        }

        if (run.CurrentPod.Spec.NodeName is { Length: > 0 } assigned)
        {
            // SIM-013: a pod created with spec.nodeName is never queued; the named node's kubelet runs it, if the node exists.
            if (FindNode(assigned) is { } target)
            {
                run.BindAssigned(target);
            }

            return;
        }

        var bound = new List<Pod>();
        foreach (var other in _runs)
        {
            if (other.NodeName is not null && !ReferenceEquals(other, run))
            {
                bound.Add(other.CurrentPod);
            }
        }

        RuleCoverage.Hit("SIM-002");
        var fit = SchedulerFit.Schedule(run.CurrentPod, Scenario.EffectiveNodes, bound, Profile, Rules.Scheduler);
        if (fit.Gated is not null)
        {
            // SCHED-011: a gated pod waits outside the scheduling queue; nothing is recorded.
            return;
        }

        if (fit.NodeName is { } node)
        {
            run.Bind(Node(node));
        }
        else
        {
            run.Unschedulable(fit.EventMessage ?? fit.Message ?? "");
        }
    }

    private Node? FindNode(string name)
    {
        foreach (var n in Scenario.EffectiveNodes)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                return n;
            }
        }

        return null;
    }

    private Node Node(string name)
    {
        foreach (var n in Scenario.EffectiveNodes)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                return n;
            }
        }

        throw new InvalidOperationException("scheduler chose an unknown node " + name);
    }

    private void Loop()
    {
        var end = Start + Scenario.Until;
        while (_queue.TryDequeue(out var scheduled, out var key))
        {
            if (key.Time > end)
            {
                break;
            }

            Now = key.Time;
            scheduled.Run();
        }

        Now = end;
    }

    /// <summary>All nodes' IPs are fixed by the scenario; pod IPs are handed out in creation order.</summary>
    internal static string PodIp(int index) => "10.244.0." + (10 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
