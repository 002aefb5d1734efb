namespace PodConformance.Model.Oom;

/// <summary>Spec rule IDs of spec/oom.md.</summary>
public static class OomRules
{
    public const string NodeCritical = "OOM-001";
    public const string Guaranteed = "OOM-002";
    public const string BestEffort = "OOM-003";
    public const string BurstableFormula = "OOM-004";
    public const string PodLevelShare = "OOM-005";
    public const string SidecarCap = "OOM-006";
    public const string Clamp = "OOM-007";
    public const string CriticalPod = "OOM-008";
}
