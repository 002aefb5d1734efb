namespace PodConformance.Model.Events;

/// <summary>
/// One core/v1 Event about a Pod, reduced to what <c>kubectl describe pod</c> reads: type, reason, message, the
/// reporting component, the involved object's field path, and first/last timestamps with a count (virtual time).
/// </summary>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Reason">The machine-readable reason (<see cref="EventReasons"/>).</param>
/// <param name="Message">The human-readable message, exactly as the component words it.</param>
/// <param name="Source">The reporting component (<see cref="EventSources"/>).</param>
/// <param name="FieldPath">The sub-object (<c>spec.containers{web}</c>) or <see langword="null"/> for the pod itself.</param>
/// <param name="FirstTimestamp">First occurrence (virtual time); <c>default</c> means unset.</param>
/// <param name="LastTimestamp">Latest occurrence (virtual time).</param>
/// <param name="Count">Occurrences folded into this event (1 for a single one).</param>
/// <param name="RuleId">The EVENT-… rule the message comes from, so reports can cite the spec.</param>
public sealed record PodEvent(
    PodEventType Type,
    string Reason,
    string Message,
    string Source,
    string? FieldPath,
    DateTimeOffset FirstTimestamp,
    DateTimeOffset LastTimestamp,
    int Count,
    string RuleId)
{
    /// <summary>A single occurrence at <paramref name="at"/>.</summary>
    public static PodEvent Once(PodEventType type, string reason, string message, string source, string? fieldPath,
        DateTimeOffset at, string ruleId)
    {
        Coverage.RuleCoverage.Hit(ruleId);
        return new(type, reason, message, source, fieldPath, at, at, 1, ruleId);
    }

    /// <summary>
    /// The same single occurrence again at <paramref name="at"/>: a component that emits one event repeatedly (the
    /// kubelet's BackOff on every sync) builds its message once.
    /// </summary>
    public PodEvent Again(DateTimeOffset at)
    {
        Coverage.RuleCoverage.Hit(RuleId);
        return this with { FirstTimestamp = at, LastTimestamp = at, Count = 1 };
    }

    /// <summary>
    /// Whether two events are the same event in the recorder's sense (client-go <c>getEventKey</c>): same source,
    /// object, type, reason and message. Timestamps and count do not matter.
    /// </summary>
    public bool IsRepeatOf(PodEvent other) =>
        Type == other.Type
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && string.Equals(Source, other.Source, StringComparison.Ordinal)
        && string.Equals(FieldPath ?? "", other.FieldPath ?? "", StringComparison.Ordinal);
}
