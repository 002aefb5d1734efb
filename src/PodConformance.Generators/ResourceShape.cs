namespace PodConformance.Generators;

/// <summary>
/// The resource boundaries that decide QoS, defaulting and validation outcomes; <see cref="ResourceGen.Of"/>
/// generates requirements of one shape so a property can target it.
/// </summary>
public enum ResourceShape
{
    /// <summary>No requests, no limits (BestEffort material).</summary>
    Empty,

    /// <summary>cpu and memory, requests equal to limits (possibly spelled differently: <c>1</c> and <c>1000m</c>).</summary>
    Equal,

    /// <summary>cpu and memory limits, no requests: defaulting copies them (DEF-001).</summary>
    LimitsOnly,

    /// <summary>Requests only, no limits.</summary>
    RequestsOnly,

    /// <summary>Zero requests (and sometimes zero limits).</summary>
    Zero,

    /// <summary>cpu only, request ≤ limit, either may be absent.</summary>
    CpuOnly,

    /// <summary>memory only, request ≤ limit, either may be absent.</summary>
    MemoryOnly,

    /// <summary>cpu and memory with requests ≤ limits, usually strictly below.</summary>
    Burstable,

    /// <summary>A cpu/memory base plus ephemeral-storage, hugepages-* or an extended resource.</summary>
    WithExtras,
}
