using PodConformance.Model.Collections;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// A pod phase with the spec rules (PHASE-…, in the order they applied) that decided it, so that
/// <c>explain</c> and counterexample reports can cite them.
/// </summary>
public sealed record PhaseDecision(string Phase, ValueList<string> Rules, string Reason);
