using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Limits;

/// <summary>What happens to one container whose usage is compared with its limits.</summary>
/// <param name="ContainerName">The container evaluated.</param>
/// <param name="Rules">Spec rule IDs applied.</param>
/// <param name="Killed">True when the memory cgroup's OOM killer ends the container.</param>
/// <param name="Terminated">The terminated state the runtime then reports (reason OOMKilled, exit code 137).</param>
/// <param name="CpuThrottled">True when the CPU demand exceeds the CPU limit (the container runs slower).</param>
/// <param name="EffectiveCpu">The CPU the container actually gets: min(demand, limit).</param>
public sealed record LimitOutcome(
    string ContainerName,
    bool Killed,
    ContainerStateTerminated? Terminated,
    bool CpuThrottled,
    Quantity? EffectiveCpu,
    ValueList<string> Rules);

/// <summary>
/// Limits as the kernel enforces them through the container's cgroup (the kubelet writes limits.memory to
/// memory.max and limits.cpu to the CFS quota): exceeding memory kills, exceeding CPU throttles. Pure functions
/// for the simulator; they do not model node-level OOM or pod-level (KEP-2837) limits.
/// </summary>
public static class ResourceLimits
{
    public const string OomKilledReason = "OOMKilled";

    /// <summary>128 + SIGKILL (9): the exit code a runtime reports for a process killed by the OOM killer.</summary>
    public const int OomKilledExitCode = 137;

    /// <summary>
    /// Memory: usage strictly above <c>limits.memory</c> → OOM-killed (LIMIT-001); usage equal to the limit fits. No
    /// memory limit → not killed at container level (LIMIT-003). CPU: demand above <c>limits.cpu</c> → throttled to the
    /// limit, never killed (LIMIT-002).
    /// </summary>
    public static LimitOutcome Evaluate(
        Container container, Quantity? memoryUsage, Quantity? cpuDemand, DateTimeOffset? startedAt = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        var rules = new List<string>(2);
        bool killed = false;
        ContainerStateTerminated? terminated = null;
        if (memoryUsage is { } usage)
        {
            if (container.Resources.Limits.TryGetValue(ResourceNames.Memory, out var memLimit))
            {
                rules.Add(LimitRules.MemoryOverLimit);
                RuleCoverage.Hit(LimitRules.MemoryOverLimit, usage.CompareTo(memLimit) > 0 ? "above the limit: OOMKilled" : "within the limit");
                if (usage.CompareTo(memLimit) > 0)
                {
                    killed = true;
                    terminated = OomKilled(startedAt, at);
                }
            }
            else
            {
                RuleCoverage.Hit(LimitRules.NoMemoryLimit);
                rules.Add(LimitRules.NoMemoryLimit);
            }
        }

        bool throttled = false;
        Quantity? effective = cpuDemand;
        if (cpuDemand is { } demand && container.Resources.Limits.TryGetValue(ResourceNames.Cpu, out var cpuLimit))
        {
            RuleCoverage.Hit(LimitRules.CpuOverLimit, demand.CompareTo(cpuLimit) > 0 ? "throttled" : "within the limit");
            rules.Add(LimitRules.CpuOverLimit);
            if (demand.CompareTo(cpuLimit) > 0)
            {
                throttled = true;
                effective = cpuLimit;
            }
        }

        return new LimitOutcome(container.Name, killed, terminated, throttled, effective, rules.ToArray());
    }

    /// <summary>The containers of <paramref name="spec"/> (init, then regular) that the OOM killer ends, in spec order.</summary>
    public static ValueList<string> OomKilledContainers(PodSpec spec, ValueMap<Quantity> memoryUsageByContainer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var killed = new List<string>();
        foreach (var c in spec.InitContainers)
        {
            if (memoryUsageByContainer.TryGetValue(c.Name, out var u) && Evaluate(c, u, null).Killed)
            {
                killed.Add(c.Name);
            }
        }

        foreach (var c in spec.Containers)
        {
            if (memoryUsageByContainer.TryGetValue(c.Name, out var u) && Evaluate(c, u, null).Killed)
            {
                killed.Add(c.Name);
            }
        }

        return killed.ToArray();
    }

    /// <summary>The terminated state of an OOM-killed container: reason OOMKilled, exit code 137, signal 0, no message.</summary>
    public static ContainerStateTerminated OomKilled(DateTimeOffset? startedAt = null, DateTimeOffset? finishedAt = null) => new()
    {
        ExitCode = OomKilledExitCode,
        Reason = OomKilledReason,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
    };
}
