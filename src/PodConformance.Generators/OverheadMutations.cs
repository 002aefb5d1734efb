using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// The invalid variants of <c>spec.overhead</c>, joined to <see cref="PodMutations.All"/>. Valid pods never carry an overhead:
/// a real API server admits one only from a RuntimeClass object with the same overhead (the RuntimeClass plugin,
/// <c>plugin/pkg/admission/runtimeclass/admission.go</c>), and generated cases carry no cluster objects (ADM-012). Without
/// <c>runtimeClassName</c> the plugin's Admit does nothing, so validation sees the overhead as written: a negative
/// quantity fails VAL-035's check (its error carries VAL-031, the container check it reuses); a valid one passes and the
/// plugin's Validate then refuses the pod (ADM-013), an empty map included.
/// </summary>
public static class OverheadMutations
{
    private static readonly Func<Profile, bool> Always = _ => true;

    private static ValueMap<Quantity> Overhead(params (string Key, string Value)[] entries) =>
        ValueMap.Of(entries.Select(e => (e.Key, Quantity.Parse(e.Value))).ToArray());

    private static Pod WithOverhead(Pod pod, ValueMap<Quantity> overhead) =>
        pod with { Spec = pod.Spec with { RuntimeClassName = null, Overhead = overhead, OverheadGiven = true } };

    /// <summary>VAL-035 with VAL-031: <c>spec.overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0</c>.</summary>
    public static PodMutation NegativeOverhead { get; } = new("negative-overhead", ValidationRules.ResourceQuantities,
        pod => Gen.Elements(Overhead(("cpu", "-1")), Overhead(("memory", "-64Mi")), Overhead(("cpu", "250m"), ("memory", "-1")))
            .Select(o => WithOverhead(pod, o)),
        Always);

    /// <summary>ADM-013: <c>pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead</c>, for any map, <c>{}</c> too.</summary>
    public static PodMutation OverheadWithoutRuntimeClass { get; } = new("overhead-without-runtime-class", AdmissionRules.RuntimeClassOverhead,
        pod => Gen.Elements(Overhead(("cpu", "250m")), Overhead(("cpu", "250m"), ("memory", "120Mi")), ValueMap<Quantity>.Empty)
            .Select(o => WithOverhead(pod, o)),
        Always);

    public static IReadOnlyList<PodMutation> All { get; } = [NegativeOverhead, OverheadWithoutRuntimeClass];
}
