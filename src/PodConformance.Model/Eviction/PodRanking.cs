using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Eviction;

/// <summary>One comparator of the kubelet's chain (helpers.go cmpFunc).</summary>
public enum RankStep
{
    /// <summary>exceedMemoryRequests / exceedDiskRequests: no stats first, then usage above the request first.</summary>
    ExceedsRequest,

    /// <summary>priority: lower spec.priority first (nil is 0).</summary>
    Priority,

    /// <summary>memory / disk: no stats first, then larger usage − request first.</summary>
    Usage,

    /// <summary>process: no stats first, then larger process count first.</summary>
    Processes,
}

/// <summary>What the ranking saw for one pod: the values its comparators read.</summary>
public sealed record RankFacts(bool HasStats, int Priority, Quantity Usage, Quantity Request, bool ExceedsRequest, Quantity UsageOverRequest, long Processes);

/// <summary>A pod in eviction order (0 = evicted first) with the facts that placed it.</summary>
public sealed record RankedPod(EvictionCandidate Candidate, int Rank, RankFacts Facts)
{
    public Pod Pod => Candidate.Pod;
}

/// <summary>Why one pod ranked before another: the first comparator that told them apart (null: a tie kept in input order).</summary>
public sealed record RankDecision(string Before, string After, RankStep? Step, string Reason);

/// <summary>
/// rankMemoryPressure, rankDiskPressureFunc and rankPIDPressure (pkg/kubelet/eviction/helpers.go): the
/// comparator chain per signal, applied as a stable sort. QoS class is not a step of any chain.
/// </summary>
public sealed class PodRanking
{
    private readonly RankStep[] _steps;
    private readonly Func<EvictionCandidate, RankFacts> _facts;

    private PodRanking(string signal, RankStep[] steps, Func<EvictionCandidate, RankFacts> facts, string rule)
    {
        Signal = signal;
        _steps = steps;
        _facts = facts;
        Rule = rule;
    }

    public string Signal { get; }

    /// <summary>The spec rule of this chain (EVICT-001/002/003).</summary>
    public string Rule { get; }

    public IReadOnlyList<RankStep> Steps => _steps;

    /// <summary>The ranking the kubelet uses for <paramref name="signal"/>, or null for a signal without one.</summary>
    public static PodRanking? For(string signal, DiskLayout layout, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (EvictionSignals.IsMemory(signal))
        {
            return new PodRanking(signal, [RankStep.ExceedsRequest, RankStep.Priority, RankStep.Usage], c => MemoryFacts(c, profile), EvictionRules.MemoryRanking);
        }

        if (signal == EvictionSignals.PidAvailable)
        {
            return new PodRanking(signal, [RankStep.Priority, RankStep.Processes], PidFacts, EvictionRules.PidRanking);
        }

        if (EvictionSignals.ResourceFor(signal) is { } resource)
        {
            Coverage.RuleCoverage.Hit(EvictionRules.DiskStatsSets);
            var measure = DiskStats.For(signal, layout);
            bool inodes = resource == EvictionSignals.ResourceInodes;
            return new PodRanking(signal, [RankStep.ExceedsRequest, RankStep.Priority, RankStep.Usage], c => DiskFacts(c, measure, inodes, profile), EvictionRules.DiskRanking);
        }

        return null;
    }

    /// <summary>Orders the pods, first to evict first; pods the chain cannot tell apart keep their input order.</summary>
    public ValueList<RankedPod> Rank(IReadOnlyList<EvictionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var facts = new RankFacts[candidates.Count];
        var order = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            facts[i] = _facts(candidates[i]);
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = Compare(facts[a], facts[b], out _);
            return c != 0 ? c : a.CompareTo(b);
        });

        var result = new RankedPod[candidates.Count];
        for (int r = 0; r < order.Length; r++)
        {
            result[r] = new RankedPod(candidates[order[r]], r, facts[order[r]]);
        }

        return new ValueList<RankedPod>(System.Collections.Immutable.ImmutableArray.Create(result));
    }

    /// <summary>The chain's verdict on two pods and the step that decided (null when every step ties).</summary>
    public int Compare(RankFacts a, RankFacts b, out RankStep? decidedBy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var step in _steps)
        {
            int c = CompareStep(step, a, b);
            if (c != 0)
            {
                decidedBy = step;
                return c;
            }
        }

        decidedBy = null;
        return 0;
    }

    /// <summary>A sentence for the step that put <paramref name="a"/> before <paramref name="b"/>.</summary>
    public static string Describe(RankStep? step, RankFacts a, RankFacts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (step is not null && a.HasStats != b.HasStats && step != RankStep.Priority)
        {
            return "it has no stats, and pods without stats are evicted first";
        }

        return step switch
        {
            RankStep.ExceedsRequest => $"its usage {a.Usage} exceeds its request {a.Request}, the other's {b.Usage} does not exceed {b.Request}",
            RankStep.Priority => $"its priority {a.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)} is lower than {b.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            RankStep.Usage => $"usage − request {a.UsageOverRequest} is larger than {b.UsageOverRequest}",
            RankStep.Processes => $"it runs {a.Processes.ToString(System.Globalization.CultureInfo.InvariantCulture)} processes, more than {b.Processes.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            _ => "every comparator ties; the input order is kept",
        };
    }

    private static int CompareStep(RankStep step, RankFacts a, RankFacts b)
    {
        if (step == RankStep.Priority)
        {
            return a.Priority.CompareTo(b.Priority);
        }

        if (!a.HasStats || !b.HasStats)
        {
            return TrueFirst(!a.HasStats, !b.HasStats);
        }

        return step switch
        {
            RankStep.ExceedsRequest => TrueFirst(a.ExceedsRequest, b.ExceedsRequest),
            RankStep.Usage => b.UsageOverRequest.CompareTo(a.UsageOverRequest),
            _ => b.Processes.CompareTo(a.Processes),
        };
    }

    /// <summary>cmpBool: true sorts before false.</summary>
    private static int TrueFirst(bool a, bool b) => a == b ? 0 : a ? -1 : 1;

    private static int PriorityOf(Pod pod) => pod.Spec.Priority ?? 0;

    private static RankFacts MemoryFacts(EvictionCandidate c, Profile profile)
    {
        var request = EvictionRequests.For(c.Pod, ResourceNames.Memory, profile);
        var usage = Quantity.FromInt64(c.Usage?.MemoryWorkingSetBytes ?? 0, QuantityFormat.BinarySI);
        return Facts(c, usage, request, request, 0);
    }

    private static RankFacts DiskFacts(EvictionCandidate c, FsStats measure, bool inodes, Profile profile)
    {
        long used = c.Usage is null ? 0 : DiskStats.Usage(c.Pod, c.Usage, measure, inodes);
        var usage = Quantity.FromInt64(used, inodes ? QuantityFormat.DecimalSI : QuantityFormat.BinarySI);

        // exceedDiskRequests compares with the request of the measured resource ("inodes" is never requested),
        // while disk() always subtracts the ephemeral-storage request, inodes included.
        var exceedRequest = EvictionRequests.For(c.Pod, inodes ? EvictionSignals.ResourceInodes : ResourceNames.EphemeralStorage, profile);
        var subtract = EvictionRequests.For(c.Pod, ResourceNames.EphemeralStorage, profile);
        return Facts(c, usage, exceedRequest, subtract, 0);
    }

    /// <summary>Usage carries the process count too (DecimalSI), so reports show what the PID chain compared.</summary>
    private static RankFacts PidFacts(EvictionCandidate c)
    {
        long processes = c.Usage?.ProcessCount ?? 0;
        return new(c.Usage is not null, PriorityOf(c.Pod), Quantity.FromInt64(processes, QuantityFormat.DecimalSI), Quantity.Zero, false, Quantity.Zero, processes);
    }

    private static RankFacts Facts(EvictionCandidate c, Quantity usage, Quantity exceedRequest, Quantity subtract, long processes) =>
        new(c.Usage is not null, PriorityOf(c.Pod), usage, exceedRequest, usage.CompareTo(exceedRequest) > 0, usage.Sub(subtract), processes);
}
