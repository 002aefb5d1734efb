namespace PodConformance.Model.Qos;

/// <summary>Spec rule IDs of spec/qos.md.</summary>
public static class QosRules
{
    public const string StatusWins = "QOS-001";
    public const string PodLevel = "QOS-002";
    public const string PerResource = "QOS-003";
    public const string Combine = "QOS-004";
    public const string Containers = "QOS-005";
}
