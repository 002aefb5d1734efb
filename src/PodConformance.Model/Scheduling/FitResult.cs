using PodConformance.Model.Collections;

namespace PodConformance.Model.Scheduling;

/// <summary>Why one node was rejected: the filter plugin and its reasons (one node may give several).</summary>
/// <param name="NodeName">The rejected node.</param>
/// <param name="Plugin">The filter plugin that rejected it.</param>
/// <param name="Reasons">Its reasons, as printed.</param>
/// <param name="Unresolvable">UnschedulableAndUnresolvable: preemption cannot help on this node.</param>
public sealed record NodeRejection(string NodeName, string Plugin, ValueList<string> Reasons, bool Unresolvable);

/// <summary>
/// The outcome of scheduling one pod: the chosen node, or the FailedScheduling message. <see cref="Message"/> is
/// the FitError text the tutorial shows; <see cref="EventMessage"/> adds the DefaultPreemption suffix the real
/// event carries, when the model can predict it (null otherwise).
/// </summary>
public sealed record FitResult(
    string? NodeName,
    ValueList<string> FeasibleNodes,
    ValueList<NodeRejection> Rejections,
    string? Message,
    string? PreemptionMessage,
    ValueList<string> Rules)
{
    public bool Scheduled => NodeName is not null;

    /// <summary>The SchedulingGates PreEnqueue status when the pod is gated (SCHED-011): no cycle ran, nothing to report.</summary>
    public FilterStatus? Gated { get; init; }

    public const string FailedSchedulingReason = "FailedScheduling";

    /// <summary>
    /// SCHED-008, 1.28: FitError.Error formats the PostFilter message with <c>SeparatorFormat</c> (<c>" %v."</c>), so the
    /// preemption message, which ends in its own period, is followed by a second one; from 1.29 with <c>" %v"</c>.
    /// </summary>
    public bool PostFilterPeriod { get; init; }

    /// <summary>The FailedScheduling event message: <see cref="Message"/> followed by " " and the preemption message, if known.</summary>
    public string? EventMessage => Message is null ? null
        : PreemptionMessage is null ? Message
        : PostFilterPeriod ? Message + " " + PreemptionMessage + "."
        : Message + " " + PreemptionMessage;
}
