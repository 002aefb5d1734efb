using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Eviction;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Simulation;

/// <summary>
/// Runs the kubelet's eviction loop over a <see cref="NodeScenario"/>: every period it observes the memory
/// signals, and while a hard threshold is met evicts one pod (EVICT-008) chosen by <see cref="EvictionManager"/>.
/// An evicted pod's usage is gone by the next cycle (the kubelet waits for its cleanup; the model does not time it).
/// </summary>
public static class NodePressureSimulator
{
    /// <summary>A run that never settles stops here; a scenario has finitely many changes, so this only bounds bugs.</summary>
    public const int MaxCycles = 100_000;

    /// <summary>The thresholds the scenario configures (EVICT-009/010/011), or the kubelet's parse error.</summary>
    public static ThresholdParseResult Thresholds(NodeScenario scenario, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(profile);
        RuleCoverage.Hit(EvictionRules.ThresholdParsing, scenario.EvictionHard is null ? "the defaults" : "configured");
        if (scenario.EvictionHard is null)
        {
            RuleCoverage.Hit(EvictionRules.DefaultThresholds);
        }

        if (scenario.EnforceNodeAllocatable)
        {
            RuleCoverage.Hit(EvictionRules.AllocatableMirror);
        }

        var hard = scenario.EvictionHard ?? DefaultThresholds.LinuxEvictionHard(profile);
        return ThresholdParser.Parse(scenario.EnforceNodeAllocatable ? [ThresholdParser.NodeAllocatableEnforcementKey] : [], hard);
    }

    public static NodePressureResult Run(IReadOnlyList<Pod> pods, NodeScenario scenario, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(profile);
        var parsed = Thresholds(scenario, profile);
        if (!parsed.Ok)
        {
            throw new ArgumentException("evictionHard: " + parsed.Error, nameof(scenario));
        }

        var active = new List<Pod>(pods);
        var cycles = new List<NodePressureCycle>();
        var evictions = new List<NodeEviction>();
        var events = new List<NodeEvent>();
        var neverEvicted = new List<string>();
        var conditions = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        string nodeRef = "node/" + scenario.Node.Name;
        var lastChange = scenario.LastChange;
        var period = scenario.Period > TimeSpan.Zero ? scenario.Period : NodeScenario.DefaultPeriod;

        var t = TimeSpan.Zero;
        for (int n = 0; n < MaxCycles; n++, t += period)
        {
            if (scenario.Until is { } until && t > until)
            {
                break;
            }

            var observations = Observe(scenario, active, t);
            var met = ThresholdEvaluation.ThresholdsMet(parsed.Thresholds, observations);
            foreach (string c in ThresholdEvaluation.NodeConditions(met))
            {
                RuleCoverage.Hit(EvictionRules.NodeConditions, c);
                conditions[c] = t;
            }

            UpdateConditions(scenario, conditions, reported, t, nodeRef, events);
            EvictionDecision? decision = null;
            if (met.Count > 0)
            {
                var candidates = new List<EvictionCandidate>(active.Count);
                foreach (var pod in active)
                {
                    candidates.Add(new EvictionCandidate(pod, UsageOf(scenario, pod, t)));
                }

                decision = EvictionManager.NextVictim(new EvictionCycle { MetThresholds = met, Observations = observations, Pods = [.. candidates], Layout = scenario.DiskLayout }, profile);
                if (decision.Resource is { } resource)
                {
                    events.Add(new NodeEvent(t, nodeRef, "Warning", "EvictionThresholdMet", "Attempting to reclaim " + resource));
                }

                cycles.Add(new NodePressureCycle(t, met, observations, decision, Adjacent(decision, profile, scenario.DiskLayout)));
                foreach (string name in decision.SkippedCritical)
                {
                    if (!neverEvicted.Contains(name))
                    {
                        neverEvicted.Add(name);
                    }
                }

                if (decision.Victim is { } victim)
                {
                    evictions.Add(new NodeEviction(t, victim.Metadata.Name, decision));
                    events.Add(new NodeEvent(t, "pod/" + victim.Metadata.Name, "Warning", EvictionMessage.Reason, decision.Message));
                    active.Remove(victim);
                }
            }

            if (scenario.Until is null && t >= lastChange && (met.Count == 0 ? conditions.Count == 0 : decision?.Victim is null))
            {
                break;
            }
        }

        return new NodePressureResult
        {
            Cycles = [.. cycles],
            Evictions = [.. evictions],
            Events = [.. events],
            NeverEvicted = [.. neverEvicted],
        };
    }

    /// <summary>
    /// The signals the kubelet observes (EVICT-017): memory.available (capacity − system − pods) and
    /// allocatableMemory.available (allocatable − pods) always; with a node filesystem, nodefs.* (capacity − system − the
    /// pods' stats on it), and imagefs.* and containerfs.* from the filesystem each lives on; with a process limit,
    /// pid.available (max − system − the pods' processes). Nothing is observed below 0.
    /// </summary>
    public static ValueMap<SignalObservation> Observe(NodeScenario scenario, IEnumerable<Pod> active, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(active);
        long pods = 0;
        long nodeBytes = 0, nodeInodes = 0, imageBytes = 0, imageInodes = 0, processes = 0;
        var nodeStats = DiskStats.For(EvictionSignals.NodeFsAvailable, scenario.DiskLayout);
        var imageStats = DiskStats.For(EvictionSignals.ImageFsAvailable, scenario.DiskLayout);
        foreach (var pod in active)
        {
            if (scenario.SampleAt(pod.Metadata.Name, at) is { NoStats: false } sample)
            {
                pods += sample.PodWorkingSetBytes;
                processes += sample.Processes ?? 0;
                if (scenario.NodeFs is not null && UsageOf(scenario, pod, at) is { } usage)
                {
                    nodeBytes += DiskStats.Usage(pod, usage, nodeStats, inodes: false);
                    nodeInodes += DiskStats.Usage(pod, usage, nodeStats, inodes: true);
                    if (scenario.DiskLayout != DiskLayout.SingleFs)
                    {
                        imageBytes += DiskStats.Usage(pod, usage, imageStats, inodes: false);
                        imageInodes += DiskStats.Usage(pod, usage, imageStats, inodes: true);
                    }
                }
            }
        }

        long capacity = scenario.MemoryCapacityBytes;
        long allocatable = scenario.MemoryAllocatableBytes;
        var items = new List<(string, SignalObservation)>
        {
            (EvictionSignals.MemoryAvailable, SignalObservation.Bytes(Math.Max(0, capacity - scenario.SystemMemory.Value() - pods), capacity)),
            (EvictionSignals.AllocatableMemoryAvailable, SignalObservation.Bytes(Math.Max(0, allocatable - pods), allocatable)),
        };
        if (scenario.NodeFs is { } nodeFs)
        {
            RuleCoverage.Hit(EvictionRules.DiskObservations);
            RuleCoverage.Hit(EvictionRules.DiskStatsSets);
            var node = Fs(nodeFs, nodeBytes, nodeInodes);
            var image = scenario.DiskLayout == DiskLayout.SingleFs || scenario.ImageFs is null ? node : Fs(scenario.ImageFs, imageBytes, imageInodes);
            var container = scenario.DiskLayout == DiskLayout.DedicatedImageFs ? image : node;
            AddFs(items, EvictionSignals.NodeFsAvailable, EvictionSignals.NodeFsInodesFree, node);
            AddFs(items, EvictionSignals.ImageFsAvailable, EvictionSignals.ImageFsInodesFree, image);
            AddFs(items, EvictionSignals.ContainerFsAvailable, EvictionSignals.ContainerFsInodesFree, container);
        }

        if (scenario.Pids is { } pids)
        {
            RuleCoverage.Hit(EvictionRules.DiskObservations);
            items.Add((EvictionSignals.PidAvailable, SignalObservation.Count(Math.Max(0, pids.Max - pids.SystemProcesses - processes), pids.Max)));
        }

        return ValueMap.Of([.. items]);
    }

    /// <summary>The summary entry of a pod: null (no stats) only when its sample says so; a pod not listed uses 0.</summary>
    public static PodUsage? UsageOf(NodeScenario scenario, Pod pod, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(pod);
        var sample = scenario.SampleAt(pod.Metadata.Name, at);
        if (sample is null)
        {
            return new PodUsage { MemoryWorkingSetBytes = 0 };
        }

        if (sample.NoStats)
        {
            return null;
        }

        // Containers in the sample's order: memory first, then those with disk use only.
        var containers = new List<ContainerUsage>();
        foreach (var (name, q) in sample.Containers)
        {
            containers.Add(WithDisk(new ContainerUsage { Name = name, MemoryWorkingSetBytes = q.Value() }, sample, name));
        }

        foreach (var (name, _) in sample.Disk)
        {
            if (!sample.Containers.ContainsKey(name))
            {
                containers.Add(WithDisk(new ContainerUsage { Name = name }, sample, name));
            }
        }

        var volumes = new List<VolumeUsage>();
        foreach (var (name, v) in sample.Volumes)
        {
            volumes.Add(new VolumeUsage { Name = name, UsedBytes = v.Used?.Value(), InodesUsed = v.Inodes });
        }

        return new PodUsage { MemoryWorkingSetBytes = sample.PodWorkingSetBytes, Containers = [.. containers], Volumes = [.. volumes], ProcessCount = sample.Processes };
    }

    private static ContainerUsage WithDisk(ContainerUsage c, UsageSample sample, string name) =>
        sample.Disk.TryGetValue(name, out var d)
            ? c with { RootfsUsedBytes = d.Rootfs?.Value(), LogsUsedBytes = d.Logs?.Value(), RootfsInodesUsed = d.RootfsInodes, LogsInodesUsed = d.LogsInodes }
            : c;

    private static (SignalObservation Bytes, SignalObservation? Inodes) Fs(FilesystemCapacity fs, long podBytes, long podInodes)
    {
        long cap = fs.Capacity.Value();
        var bytes = SignalObservation.Bytes(Math.Max(0, cap - fs.SystemUsed.Value() - podBytes), cap);
        SignalObservation? inodes = fs.Inodes is long total ? SignalObservation.Count(Math.Max(0, total - fs.SystemInodesUsed - podInodes), total) : null;
        return (bytes, inodes);
    }

    private static void AddFs(List<(string, SignalObservation)> items, string available, string inodesFree, (SignalObservation Bytes, SignalObservation? Inodes) fs)
    {
        items.Add((available, fs.Bytes));
        if (fs.Inodes is { } inodes)
        {
            items.Add((inodesFree, inodes));
        }
    }

    /// <summary>For each pod of the ranking, the step that put it before the next (null: a tie kept in input order).</summary>
    public static ValueList<RankDecision> Adjacent(EvictionDecision decision, Profile profile, DiskLayout layout = DiskLayout.SingleFs)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Signal is null || PodRanking.For(decision.Signal, layout, profile) is not { } ranking)
        {
            return [];
        }

        var result = new List<RankDecision>();
        for (int k = 0; k + 1 < decision.Ranking.Count; k++)
        {
            var a = decision.Ranking[k];
            var b = decision.Ranking[k + 1];
            ranking.Compare(a.Facts, b.Facts, out var step);
            result.Add(new RankDecision(a.Pod.Metadata.Name, b.Pod.Metadata.Name, step, PodRanking.Describe(step, a.Facts, b.Facts)));
        }

        return [.. result];
    }

    /// <summary>Whether a pod is one the eviction manager refuses (OOM-008 / EVICT-007).</summary>
    public static bool IsCritical(Pod pod) => CriticalPods.IsCriticalPod(pod);

    /// <summary>
    /// The node's pressure conditions hold until <c>evictionPressureTransitionPeriod</c> has passed since a threshold
    /// was last met; the node status setters record a Normal event on each change ("Node N status is now: R").
    /// </summary>
    private static void UpdateConditions(NodeScenario scenario, Dictionary<string, TimeSpan> lastObserved, HashSet<string> reported, TimeSpan now, string nodeRef, List<NodeEvent> events)
    {
        foreach (string condition in (string[])[EvictionSignals.MemoryPressure, EvictionSignals.DiskPressure, EvictionSignals.PidPressure])
        {
            bool on = lastObserved.TryGetValue(condition, out var last) && now - last < scenario.PressureTransitionPeriod;
            if (on == reported.Contains(condition))
            {
                continue;
            }

            if (on)
            {
                reported.Add(condition);
            }
            else
            {
                reported.Remove(condition);
                lastObserved.Remove(condition);
            }

            string reason = ConditionEvent(condition, on);
            events.Add(new NodeEvent(now, nodeRef, "Normal", reason, "Node " + scenario.Node.Name + " status is now: " + reason));
        }
    }

    private static string ConditionEvent(string condition, bool on) => condition switch
    {
        EvictionSignals.MemoryPressure => on ? "NodeHasInsufficientMemory" : "NodeHasSufficientMemory",
        EvictionSignals.DiskPressure => on ? "NodeHasDiskPressure" : "NodeHasNoDiskPressure",
        _ => on ? "NodeHasInsufficientPID" : "NodeHasSufficientPID",
    };
}
