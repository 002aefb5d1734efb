using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// A generated pod and the gate overrides its case adds to the run's profile (empty: none) — what <see cref="GatedDropGen"/>
/// (a gated field with its gate off) and <see cref="AlphaDefaultGen"/> (an alpha default with its gate on) draw; the case
/// carries the overrides in <c>PodCase.Gates</c>, so only adapters that take a case's gates perform it.
/// </summary>
public sealed record GatedPod(Pod Pod, ValueMap<bool> Gates);
