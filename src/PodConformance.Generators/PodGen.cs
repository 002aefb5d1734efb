using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// Whole Pods, valid by construction: for every generated pod <c>p</c> and supported profile,
/// <c>PodValidator.Validate(PodDefaulter.Apply(p, profile), profile).IsValid</c> holds. Pods are undefaulted
/// manifests, as a user writes them. Invalid pods come from <see cref="PodMutations"/> via <see cref="InvalidFor"/>
/// and <see cref="Invalid"/>.
/// </summary>
public static class PodGen
{
    /// <summary>Pod names; the generators do not vary or shrink the name, so scenario keys stay stable.</summary>
    public static IReadOnlyList<string> PodNamePool { get; } = ["web", "app", "demo", "pod-1", "my-pod"];

    /// <summary>A valid pod: 1–3 regular containers, 0–2 init containers (some sidecars), optional restart policy.</summary>
    public static Gen<Pod> Valid { get; } =
        from regular in Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from init in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
        from names in NameGen.DistinctContainerNames(regular + init)
        from containers in GenSequence.Indexed(regular, i => ContainerGen.Regular(names[i]))
        from inits in GenSequence.Indexed(init, i => Gen.Frequency((2, ContainerGen.Init(names[regular + i])), (1, ContainerGen.Sidecar(names[regular + i]))))
        from podName in Gen.Elements(PodNamePool.ToArray())
        from ns in Gen.Elements("", "default", "team-a")
        from restartPolicy in Gen.Frequency((5, Gen.Constant("")), (1, Gen.Elements("Always", "OnFailure", "Never")))
        from labelled in GenSequence.Chance(30)
        select new Pod
        {
            Metadata = new ObjectMeta { Name = podName, Namespace = ns, Labels = labelled ? ValueMap.Of(("app", podName)) : default },
            Spec = new PodSpec { Containers = containers, InitContainers = inits, RestartPolicy = restartPolicy },
        };

    /// <summary>
    /// <see cref="Valid"/> pods with security and host settings (<see cref="SecurityGen"/>), for admission-only properties:
    /// a real node may not run them (Windows pods, user namespaces), so lifecycle scenarios keep to <see cref="Valid"/>.
    /// </summary>
    public static Gen<Pod> ValidWithSecurity { get; } = Valid.SelectMany(SecurityGen.Decorate);

    /// <summary>Valid pods with <see cref="PodShrinker"/> keeping shrinks valid under <see cref="Profile.Default"/>.</summary>
    public static Arbitrary<Pod> ValidArb { get; } = ValidArbFor(Profile.Default);

    /// <summary>Valid pods whose shrinks stay valid under <paramref name="profile"/>.</summary>
    public static Arbitrary<Pod> ValidArbFor(Profile profile) => Arb.From(Valid, pod => PodShrinker.Shrink(pod, profile));

    /// <summary>
    /// A pod that fails validation under <paramref name="profile"/> (default: <see cref="Profile.Default"/>) with an error
    /// carrying <paramref name="ruleId"/> (a <see cref="ValidationRules"/> ID).
    /// </summary>
    /// <exception cref="ArgumentException">No mutation targets that rule under that profile.</exception>
    public static Gen<Pod> InvalidFor(string ruleId, Profile? profile = null)
    {
        profile ??= Profile.Default;
        var mutations = PodMutations.All.Where(m => string.Equals(m.Rule, ruleId, StringComparison.Ordinal) && m.AppliesTo(profile)).ToArray();
        if (mutations.Length == 0)
        {
            throw new ArgumentException("no mutation produces rule " + ruleId + " under " + profile + "; known: " + string.Join(", ", PodMutations.Rules), nameof(ruleId));
        }

        return from m in Gen.Elements(mutations) from pod in Valid from bad in m.Apply(pod) select bad;
    }

    /// <summary>A valid pod with one named mutation applied, for profiles where the mutation applies.</summary>
    public static Gen<InvalidPodCase> Invalid(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var applicable = PodMutations.All.Where(m => m.AppliesTo(profile)).ToArray();
        return from m in Gen.Elements(applicable) from pod in Valid from bad in m.Apply(pod) select new InvalidPodCase(bad, m);
    }

    /// <summary>Invalid cases; shrinks keep the mutation's rule among the errors.</summary>
    public static Arbitrary<InvalidPodCase> InvalidArbFor(Profile profile) =>
        Arb.From(Invalid(profile), c => PodShrinker.ShrinkKeeping(c.Pod, p => c.Mutation.IsDetectedIn(p, profile)).Select(p => c with { Pod = p }));

    /// <summary>Default then validate, as the API server does on create.</summary>
    public static ValidationResult Admit(Pod pod, Profile profile) => PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile);

    /// <summary><see cref="Admit"/> says valid.</summary>
    public static bool IsAdmitted(Pod pod, Profile profile) => Admit(pod, profile).IsValid;
}
