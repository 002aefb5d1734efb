namespace PodConformance.Model.Limits;

/// <summary>Spec rule IDs of spec/limits.md.</summary>
public static class LimitRules
{
    /// <summary>Memory use above the container's memory limit: the container is OOM-killed (OOMKilled, 137).</summary>
    public const string MemoryOverLimit = "LIMIT-001";

    /// <summary>CPU demand above the container's CPU limit: throttled by CFS quota, never killed.</summary>
    public const string CpuOverLimit = "LIMIT-002";

    /// <summary>No memory limit on the container: no container-level OOM kill (node pressure is eviction's business).</summary>
    public const string NoMemoryLimit = "LIMIT-003";

    /// <summary>An OOM-killed container is restarted like any failed one (exit 137 ≠ 0), under crash-loop backoff.</summary>
    public const string OomRestart = "LIMIT-004";
}
