namespace PodConformance.Model.Events;

/// <summary>The two event types the API accepts.</summary>
public enum PodEventType
{
    Normal,
    Warning,
}

public static class PodEventTypeNames
{
    public static string ToApiString(this PodEventType type) => type == PodEventType.Warning ? "Warning" : "Normal";
}
