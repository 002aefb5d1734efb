using PodConformance.Model.Collections;

namespace PodConformance.Model.Qos;

/// <summary>
/// Why a pod got its class: the rules applied (spec IDs, in order) and the deciding container and resource,
/// so that <c>explain</c> and counterexample reports can cite them.
/// </summary>
public sealed record QosDecision(
    QosClass Class,
    ValueList<string> Rules,
    string Reason,
    string? DecidingContainer = null,
    string? DecidingResource = null);
