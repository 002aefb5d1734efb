using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Events;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Simulation;

/// <summary>
/// One pod's life in the simulator: the API object, the scheduler's binding, and the kubelet's sync loop
/// over its containers. Mutable and private to one <see cref="PodSimulator"/> run.
/// </summary>
internal sealed partial class PodRun
{
    private readonly PodSimulator _sim;
    private readonly List<ContainerRuntime> _init = [];
    private readonly List<ContainerRuntime> _regular = [];
    private readonly Queue<ContainerRuntime> _startQueue = new();
    private readonly PodScript _script;
    private Pod _pod;
    private Node? _node;
    private bool _sandboxReady;
    private bool _initialized;
    private bool _deleting;
    private bool _deleted;
    private bool _chainBusy;
    private bool _resyncQueued;
    private DateTimeOffset? _startTime;
    private PodCondition? _scheduledCondition;

    public PodRun(PodSimulator sim, Pod pod, int index)
    {
        _sim = sim;
        Index = index;
        _script = sim.Scenario.ScriptFor(pod.Metadata.Name);
        _pod = DropDisabledFields(pod, sim.Profile) with
        {
            Metadata = pod.Metadata with
            {
                Namespace = pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace,
                Uid = pod.Metadata.Uid.Length != 0 ? pod.Metadata.Uid : Uid(index),
                CreationTimestamp = Trunc(sim.Start),
            },
        };
        for (int i = 0; i < _pod.Spec.InitContainers.Count; i++)
        {
            var c = _pod.Spec.InitContainers[i];
            _init.Add(new ContainerRuntime(c, c.IsSidecarPolicy ? ContainerKind.Sidecar : ContainerKind.Init, i));
        }

        for (int i = 0; i < _pod.Spec.Containers.Count; i++)
        {
            _regular.Add(new ContainerRuntime(_pod.Spec.Containers[i], ContainerKind.Regular, i));
        }

        SetCurrent(_pod, _pod);
    }

    public int Index { get; }

    public string Name => _pod.Metadata.Name;

    public string Namespace => _pod.Metadata.Namespace;

    /// <summary>The metadata <see cref="CurrentPod"/> carries while a status update defers building it (same name and namespace as ever).</summary>
    public ObjectMeta Metadata => _current.Metadata;

    public string? NodeName => _node?.Name;

    public bool IsDeleted => _deleted;

    /// <summary>
    /// The object as last published to the API. When the timeline is not kept, a status update only notes what it wrote
    /// (<see cref="StatusWrite"/>); the object is built when first read, as the same value the update would have built.
    /// </summary>
    public Pod CurrentPod
    {
        get
        {
            if (_statusPending)
            {
                _current = _currentSource! with { Status = _written.ApplyTo(_writtenOver!) };
                _statusPending = false;
            }

            return _current;
        }
    }

    /// <summary>Replaces <see cref="CurrentPod"/>; <paramref name="source"/> is the <c>_pod</c> whose spec and metadata it carries (null: none).</summary>
    private void SetCurrent(Pod pod, Pod? source)
    {
        _current = pod;
        _currentSource = source;
        _statusPending = false;
        _currentVersion++;
    }

    // CurrentPod as last built, and (while _statusPending) the status fields the last update wrote over _writtenOver,
    // the status they replace; the pod's other fields are _currentSource's. _currentVersion counts replacements: the
    // status update's input check compares it, as it compared the object's reference before.
    private Pod _current = null!;
    private Pod? _currentSource;
    private bool _statusPending;
    private StatusWrite _written;
    private PodStatus? _writtenOver;
    private long _currentVersion;

    /// <summary>The published phase, read without building the object.</summary>
    private string? CurrentPhase => _statusPending ? _written.Phase : _current.Status?.Phase;

    /// <summary>The published conditions, read without building the object.</summary>
    private ValueList<PodCondition> CurrentConditions => _statusPending ? _written.Conditions : _current.Status?.Conditions ?? default;

    private Profile Profile => _sim.Profile;

    private PodRef PodRef => new(_pod.Metadata.Name, _pod.Metadata.Namespace, _pod.Metadata.Uid);

    private DateTimeOffset Now => _sim.Now;

    /// <summary>The API server's create: status Pending with the QoS class (PrepareForCreate).</summary>
    public void Create()
    {
        var pending = PendingStatus(QosCalculator.ComputePodQos(_pod.Spec, Profile));
        if (!Equals(_pod.Status, pending))
        {
            // The API server's create left this very status (PrepareForCreate) unless a stage dropped fields the QoS read.
            _pod = _pod with { Status = pending };
        }

        if (_sim.Rules.GatedCondition(_pod, Trunc(Now)) is { } gated)
        {
            // SCHED-012: PrepareForCreate marks a gated pod PodScheduled=False/SchedulingGated.
            _pod = _pod with { Status = _pod.Status with { Conditions = ValueList.Of(gated) } };
        }

        SetCurrent(_pod, _pod);
        _sim.Snapshot(SnapshotKind.Added, _pod);
        if (_script.DeleteAfter is { } after)
        {
            _sim.At(_sim.Start + after, Delete);
        }
    }

    public void Bind(Node node)
    {
        _node = node;
        _pod = _pod with { Spec = _pod.Spec with { NodeName = node.Name } };
        _scheduledCondition = new PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Trunc(Now) };
        if (_sim.KeepsEvents)
        {
            _sim.Record(this, EventCatalog.Scheduled(PodRef, node.Name, Now));
        }
        else
        {
            RuleCoverage.Hit(EventRules.Scheduled);
        }

        Publish();
        _sim.At(Now + SimulationTiming.SandboxStartup, SyncAction);
    }

    /// <summary>A pod created already bound (spec.nodeName): no scheduler, no Scheduled event; the kubelet syncs it as any other.</summary>
    public void BindAssigned(Node node)
    {
        RuleCoverage.Hit("SIM-013");
        _node = node;
        _sim.At(Now + SimulationTiming.SandboxStartup, SyncAction);
    }

    public void Unschedulable(string message)
    {
        _scheduledCondition = new PodCondition
        {
            Type = "PodScheduled",
            Status = "False",
            Reason = "Unschedulable",
            Message = message,
            LastTransitionTime = Trunc(Now),
        };
        _sim.Record(this, EventCatalog.FailedScheduling(message, Now));
        Publish();
    }

    /// <summary>
    /// A client's update that removes scheduling gates (all when <paramref name="names"/> is empty). Returns true when
    /// the pod has no gate left and is not bound yet, i.e. the scheduler may now try it (SCHED-014).
    /// </summary>
    public bool RemoveSchedulingGates(ValueList<string> names)
    {
        if (_deleted || _deleting || _pod.Spec.SchedulingGates.IsEmpty)
        {
            return false;
        }

        RuleCoverage.Hit(SchedulingRules.GateRemoval);
        var kept = new List<PodSchedulingGate>();
        foreach (var gate in _pod.Spec.SchedulingGates)
        {
            if (!names.IsEmpty && !Contains(names, gate.Name))
            {
                kept.Add(gate);
            }
        }

        _pod = _pod with { Spec = _pod.Spec with { SchedulingGates = kept.ToValueList() } };
        SetCurrent(CurrentPod with { Spec = _pod.Spec }, null);
        _sim.Snapshot(SnapshotKind.Modified, CurrentPod);
        return kept.Count == 0 && _node is null;

        static bool Contains(ValueList<string> list, string name)
        {
            foreach (string s in list)
            {
                if (string.Equals(s, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// SIM-015: a controller's patch of status.conditions (a readiness gate's condition): set (the transition time moves
    /// only with the status, as podutil.UpdatePodCondition) or removed. It is an API write, so a MODIFIED snapshot; the
    /// kubelet, told of the update, writes its status again (COND-001 keeps the foreign condition, COND-005 reads it).
    /// </summary>
    public void WriteCondition(StepCondition? set, string? remove)
    {
        if (_deleted)
        {
            return;
        }

        RuleCoverage.Hit("SIM-015", set is not null ? "a condition is set" : "a condition is removed");
        var status = CurrentPod.Status ?? new PodStatus();
        var conditions = set is not null
            ? Upsert(status.Conditions, new PodCondition { Type = set.Type, Status = set.Status, LastTransitionTime = Trunc(Now) })
            : Without(status.Conditions, remove!);
        SetCurrent(CurrentPod with { Status = status with { Conditions = conditions } }, _currentSource);
        _sim.Snapshot(SnapshotKind.Modified, CurrentPod);
        if (NeedsReadinessReconcile(CurrentPod))
        {
            RuleCoverage.Hit("SIM-015", "the kubelet rewrites Ready");
            Publish();
        }

        static ValueList<PodCondition> Without(ValueList<PodCondition> conditions, string type)
        {
            for (int i = 0; i < conditions.Count; i++)
            {
                if (string.Equals(conditions[i].Type, type, StringComparison.Ordinal))
                {
                    return conditions.RemoveAt(i);
                }
            }

            return conditions;
        }
    }

    /// <summary>
    /// SIM-015, NeedToReconcilePodReadiness (pkg/kubelet/status/status_manager.go at 0033cb0): a controller's write makes
    /// the kubelet sync the pod (HandlePodReconcile) only when the pod has readiness gates and its stored Ready differs in
    /// status or message from what GeneratePodReadyCondition now gives, read as upstream reads it: from the stored
    /// conditions and the regular containers' statuses only. Any other write the status manager ignores (it compares only
    /// the conditions the kubelet owns), so the controller's condition stays where the patch put it until the next status update.
    /// </summary>
    private static bool NeedsReadinessReconcile(Pod pod)
    {
        if (pod.Spec.ReadinessGates.IsEmpty || pod.Status is not { } status)
        {
            return false;
        }

        PodCondition? stored = null;
        foreach (var c in status.Conditions)
        {
            if (string.Equals(c.Type, PodConditionNames.Ready, StringComparison.Ordinal))
            {
                stored = c;
                break;
            }
        }

        if (stored is null)
        {
            return false;
        }

        var expected = PodConditionsGenerator.Ready(pod.Spec, status.Conditions, status.ContainerStatuses, status.Phase);
        return !string.Equals(stored.Status, expected.Status, StringComparison.Ordinal) || !string.Equals(stored.Message, expected.Message, StringComparison.Ordinal);
    }

    /// <summary>Graceful deletion: the API sets deletionTimestamp; the kubelet stops everything, then the object goes.</summary>
    private void Delete()
    {
        if (_deleted || _deleting)
        {
            return;
        }

        _deleting = true;
        long grace = _pod.Spec.TerminationGracePeriodSeconds ?? 30;
        _pod = _pod with
        {
            Metadata = _pod.Metadata with { DeletionTimestamp = Trunc(Now) + TimeSpan.FromSeconds(grace), DeletionGracePeriodSeconds = grace },
        };
        if (_node is null)
        {
            _deleted = true;
            _sim.Snapshot(SnapshotKind.Deleted, CurrentPod with { Metadata = _pod.Metadata });
            return;
        }

        Publish();
        Sync();
    }

    private void RequestResync(TimeSpan after)
    {
        // A SyncPod that ends in an error is followed by a new status (PHASE-020's cleanup status ends here too).
        EndRestartingAllContainersWaits();
        if (_resyncQueued)
        {
            return;
        }

        _resyncQueued = true;
        _sim.At(Now + after, ResyncAction);
    }

    /// <summary>The queued sync as one delegate per pod: a crash loop queues one every few seconds of virtual time.</summary>
    private Action SyncAction => field ??= Sync;

    private Action ResyncAction => field ??= () =>
    {
        _resyncQueued = false;
        Sync();
    };

    private static Pod DropDisabledFields(Pod pod, Profile profile)
    {
        var spec = pod.Spec;
        if (!profile.IsEnabled(FeatureGateNames.ContainerRestartRules))
        {
            spec = spec with { Containers = Map(spec.Containers, static c => c with { RestartPolicy = null, RestartPolicyRules = default }) };
        }

        if (!profile.IsEnabled(FeatureGateNames.SidecarContainers))
        {
            spec = spec with { InitContainers = Map(spec.InitContainers, static c => c with { RestartPolicy = null }) };
        }

        return pod with { Spec = spec };
    }

    private static ValueList<Container> Map(ValueList<Container> list, Func<Container, Container> f)
    {
        var result = new Container[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = f(list[i]);
        }

        return result;
    }

    /// <summary>The status a create starts with, one shared object per QoS class (records are immutable).</summary>
    private static PodStatus PendingStatus(QosClass qos) => qos switch
    {
        QosClass.Guaranteed => PendingGuaranteed,
        QosClass.Burstable => PendingBurstable,
        _ => PendingBestEffort,
    };

    private static readonly PodStatus PendingGuaranteed = new() { Phase = "Pending", QosClass = QosClass.Guaranteed.ToApiString() };
    private static readonly PodStatus PendingBurstable = new() { Phase = "Pending", QosClass = QosClass.Burstable.ToApiString() };
    private static readonly PodStatus PendingBestEffort = new() { Phase = "Pending", QosClass = QosClass.BestEffort.ToApiString() };

    /// <summary>API timestamps have whole seconds.</summary>
    internal static DateTimeOffset Trunc(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    private static string Uid(int index) =>
        "5f3c6d2a-0000-4000-8000-" + (index + 1).ToString("x12", CultureInfo.InvariantCulture);
}
