using PodConformance.Model.Api;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// The mutant of VAL-016's "set" test on an ephemeral container (session 13): an explicit empty collection read as absent,
/// as the model did before it learnt that reflect.DeepEqual tells a non-nil empty slice or map from nil. No valid pod has
/// an ephemeral container, so only P-ADM-VALIDATION's <c>ephemeral-empty-collection</c> variant kills it.
/// </summary>
internal static partial class Mutants
{
    private static IEnumerable<Mutant> EphemeralLists()
    {
        // VAL-016: validation sees an ephemeral container's `ports: []`, `resources: {limits: {}}` / `{requests: {}}` /
        // `{claims: []}`, `resizePolicy: []` and `restartPolicyRules: []` as if they were not there.
        yield return new Mutant(
            "val-ephemeral-empty-collection-absent", "validation", ValidationRules.EphemeralContainers,
            "validation takes an ephemeral container's explicit empty ports, limits, requests, claims, resizePolicy or restartPolicyRules for absent",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => PodValidator.Validate(WithoutEmptyMarks(pod), profile) })
        {
            Target = "P-ADM-VALIDATION",
        };
    }

    /// <summary>The pod with its ephemeral containers' explicit-empty marks cleared (the containers' other fields as they were).</summary>
    private static Pod WithoutEmptyMarks(Pod pod)
    {
        var ephemerals = pod.Spec.EphemeralContainers;
        if (ephemerals.IsEmpty)
        {
            return pod;
        }

        var cleared = new Container[ephemerals.Count];
        for (int i = 0; i < cleared.Length; i++)
        {
            var c = ephemerals[i];
            var r = c.Resources;
            cleared[i] = c with
            {
                PortsGivenEmpty = false,
                ResizePolicyGivenEmpty = false,
                RestartPolicyRulesGivenEmpty = false,
                Resources = r with { LimitsGivenEmpty = false, RequestsGivenEmpty = false, ClaimsGiven = r.ClaimsGiven && !r.Claims.IsEmpty },
            };
        }

        return pod with { Spec = pod.Spec with { EphemeralContainers = [.. cleared] } };
    }
}
