namespace PodConformance.Model.Eviction;

/// <summary>Spec rule IDs of spec/eviction.md.</summary>
public static class EvictionRules
{
    public const string MemoryRanking = "EVICT-001";
    public const string DiskRanking = "EVICT-002";
    public const string PidRanking = "EVICT-003";
    public const string EffectiveRequest = "EVICT-004";
    public const string NoStatsFirst = "EVICT-005";
    public const string StableTies = "EVICT-006";
    public const string CriticalNeverEvicted = "EVICT-007";
    public const string OnePerCycle = "EVICT-008";
    public const string ThresholdParsing = "EVICT-009";
    public const string DefaultThresholds = "EVICT-010";
    public const string AllocatableMirror = "EVICT-011";
    public const string ThresholdMet = "EVICT-012";
    public const string ThresholdOrder = "EVICT-013";
    public const string EvictedStatus = "EVICT-014";
    public const string EvictionMessage = "EVICT-015";
    public const string DiskStatsSets = "EVICT-016";

    /// <summary>What a node scenario observes per signal: memory, nodefs/imagefs/containerfs bytes and inodes, pids.</summary>
    public const string DiskObservations = "EVICT-017";

    /// <summary>signalToNodeCondition: the pressure condition each met signal raises, held for the transition period.</summary>
    public const string NodeConditions = "EVICT-018";

    public const string NoPressure = "ADMIT-001";
    public const string CriticalAdmitted = "ADMIT-002";
    public const string MemoryPressureBestEffort = "ADMIT-003";
    public const string OtherPressure = "ADMIT-004";
}
