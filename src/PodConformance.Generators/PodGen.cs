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

    /// <summary>Regular containers grow with the size, from 1 up to this cap (distinct names from <see cref="NameGen.ContainerNamePool"/>).</summary>
    public const int MaxContainers = 6;

    /// <summary>Init containers (classic and sidecars) grow with the size, from none up to this cap.</summary>
    public const int MaxInitContainers = 4;

    /// <summary>Labels a pod may carry, first the one Downward API cases read; up to all of them at the largest sizes.</summary>
    public static IReadOnlyList<(string Key, string Value)> LabelPool { get; } = [("app", ""), ("tier", "frontend"), ("team", "payments")];

    /// <summary>
    /// A valid pod whose shape grows with the size: 1 to <see cref="MaxContainers"/> regular containers, 0 to
    /// <see cref="MaxInitContainers"/> init containers (one in three a sidecar), up to <see cref="VolumeGen.MaxVolumes"/>
    /// volumes mounted by some containers, labels, and (within each container) env entries, ports and quantities;
    /// sometimes an explicit restart policy.
    /// </summary>
    public static Gen<Pod> Valid { get; } =
        from regular in GenSequence.Count(1, MaxContainers)
        from init in GenSequence.Count(0, MaxInitContainers)
        from names in NameGen.DistinctContainerNames(regular + init)
        from volumes in VolumeGen.Volumes
        from containers in GenSequence.Indexed(regular, i => Mounting(ContainerGen.Regular(names[i]), volumes))
        from inits in GenSequence.Indexed(init, i => Mounting(Gen.Frequency((2, ContainerGen.Init(names[regular + i])), (1, ContainerGen.Sidecar(names[regular + i]))), volumes))
        from podName in Gen.Elements(PodNamePool.ToArray())
        from ns in Gen.Elements("", "default", "team-a")
        from restartPolicy in Gen.Frequency((5, Gen.Constant("")), (1, Gen.Elements("Always", "OnFailure", "Never")))
        from labels in GenSequence.Count(0, LabelPool.Count)
        select new Pod
        {
            Metadata = new ObjectMeta { Name = podName, Namespace = ns, Labels = ValueMap.Create(LabelPool.Take(labels).Select(l => KeyValuePair.Create(l.Key, l.Value.Length == 0 ? podName : l.Value))) },
            Spec = new PodSpec { Containers = containers, InitContainers = inits, RestartPolicy = restartPolicy, Volumes = volumes },
        };

    private static Gen<Container> Mounting(Gen<Container> container, ValueList<Volume> volumes) =>
        volumes.IsEmpty ? container : from c in container from mounts in VolumeGen.MountsOf(volumes) select c with { VolumeMounts = mounts };

    /// <summary>
    /// <see cref="Valid"/> pods with security and host settings (<see cref="SecurityGen"/>), for admission-only properties:
    /// a real node may not run them (Windows pods, user namespaces), so lifecycle scenarios keep to <see cref="Valid"/>.
    /// </summary>
    public static Gen<Pod> ValidWithSecurity { get; } = Valid.SelectMany(SecurityGen.Decorate);

    /// <summary>
    /// <see cref="ValidWithSecurity"/> pods that also use the scheduling, DNS, naming and claim fields (<see cref="PlacementGen"/>),
    /// more volume kinds (<see cref="VolumeKindsGen"/>), probes (<see cref="ProbeGen"/>) and the service account's name and
    /// alias (<see cref="ServiceAccountGen"/>): the whole API the admission properties exercise, valid under every release.
    /// Admission-only, like <see cref="ValidWithSecurity"/>: a nodeSelector, a claim or a PVC would keep a lifecycle pod
    /// Pending, a probe nobody answers would restart it.
    /// </summary>
    public static Gen<Pod> ValidWholeApi { get; } =
        ValidWithSecurity.SelectMany(PlacementGen.Decorate).SelectMany(VolumeKindsGen.Decorate).SelectMany(ProbeGen.Decorate).SelectMany(ServiceAccountGen.Decorate);

    /// <summary>
    /// <see cref="ValidWholeApi"/> with the fields whose valid values depend on the release: the grace period
    /// (<see cref="GracePeriodGen"/>: negative only where decoding clamps it), and the feature-gated fields whose gate the
    /// profile turns on (<see cref="GatedFieldGen"/>; none where it turns none on, so such a profile draws exactly what it
    /// drew before they existed). What the admission properties draw.
    /// </summary>
    public static Gen<Pod> ValidWholeApiFor(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var withGrace = ValidWholeApi.SelectMany(pod => GracePeriodGen.Decorate(pod, profile));
        if (GatedFieldGen.NeedsReleaseForm(profile))
        {
            withGrace = withGrace.Select(GatedFieldGen.InReleaseForm);
        }

        var gated = GatedFieldGen.For(profile);
        return gated.Count == 0 ? withGrace : withGrace.SelectMany(pod => GatedFieldGen.Decorate(pod, gated));
    }

    /// <summary>Valid pods with <see cref="PodShrinker"/> keeping shrinks valid under <see cref="Profile.Default"/>.</summary>
    public static Arbitrary<Pod> ValidArb { get; } = ValidArbFor(Profile.Default);

    /// <summary>Valid pods whose shrinks stay valid under <paramref name="profile"/>.</summary>
    public static Arbitrary<Pod> ValidArbFor(Profile profile) => Arb.From(Valid, pod => PodShrinker.Shrink(pod, profile));

    /// <summary>
    /// A pod refused under <paramref name="profile"/> (default: <see cref="Profile.Default"/>) with <paramref name="ruleId"/>:
    /// a <see cref="ValidationRules"/> ID its validation errors carry, or an admission rule (<see cref="PodMutation.Refuses"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No mutation targets that rule under that profile.</exception>
    public static Gen<Pod> InvalidFor(string ruleId, Profile? profile = null) => InvalidCasesFor(ruleId, profile).Select(c => c.Pod);

    /// <summary>
    /// <see cref="InvalidFor"/>'s pods with their mutation and the gates the case adds (<see cref="InvalidPodCase.Gates"/>),
    /// drawn alike (the same seed gives the same pods).
    /// </summary>
    /// <exception cref="ArgumentException">No mutation targets that rule under that profile.</exception>
    public static Gen<InvalidPodCase> InvalidCasesFor(string ruleId, Profile? profile = null)
    {
        var under = profile ?? Profile.Default;
        var mutations = PodMutations.All.Where(m => string.Equals(m.Rule, ruleId, StringComparison.Ordinal) && m.AppliesTo(under)).ToArray();
        if (mutations.Length == 0)
        {
            throw new ArgumentException("no mutation produces rule " + ruleId + " under " + under + "; known: " + string.Join(", ", PodMutations.Rules), nameof(ruleId));
        }

        return from m in Gen.Elements(mutations) from pod in Valid from bad in m.ApplyIn(pod, under) select new InvalidPodCase(bad, m) { Gates = m.GatesIn(under) };
    }

    /// <summary>A valid pod with one named mutation applied, for profiles where the mutation applies.</summary>
    public static Gen<InvalidPodCase> Invalid(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var applicable = PodMutations.All.Where(m => m.AppliesTo(profile)).ToArray();
        return from m in Gen.Elements(applicable) from pod in Valid from bad in m.ApplyIn(pod, profile) select new InvalidPodCase(bad, m) { Gates = m.GatesIn(profile) };
    }

    /// <summary>Invalid cases; shrinks keep the mutation's rule among the errors.</summary>
    public static Arbitrary<InvalidPodCase> InvalidArbFor(Profile profile) =>
        Arb.From(Invalid(profile), c => PodShrinker.ShrinkKeeping(c.Pod, p => c.Mutation.IsDetectedIn(p, profile)).Select(p => c with { Pod = p }));

    /// <summary>Default then validate, as the API server does on create.</summary>
    public static ValidationResult Admit(Pod pod, Profile profile) => PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile);

    /// <summary><see cref="Admit"/> says valid.</summary>
    public static bool IsAdmitted(Pod pod, Profile profile) => Admit(pod, profile).IsValid;
}
