namespace PodConformance.Model.Events;

/// <summary>Spec rule IDs of spec/events.md: one per message shape and one per rendering rule.</summary>
public static class EventRules
{
    public const string Scheduled = "EVENT-001";
    public const string FailedScheduling = "EVENT-002";
    public const string Pulling = "EVENT-003";
    public const string Pulled = "EVENT-004";
    public const string AlreadyPresent = "EVENT-005";
    public const string FailedPull = "EVENT-006";
    public const string ErrorReason = "EVENT-007";
    public const string BackOffPull = "EVENT-008";
    public const string NeverPull = "EVENT-009";
    public const string Created = "EVENT-010";
    public const string Started = "EVENT-011";
    public const string Killing = "EVENT-012";
    public const string BackOffRestart = "EVENT-013";
    public const string Evicted = "EVENT-014";
    public const string Aggregation = "EVENT-020";
    public const string Table = "EVENT-021";
    public const string Age = "EVENT-022";
    public const string Order = "EVENT-023";
    public const string FieldPathPrefix = "EVENT-024";
}
