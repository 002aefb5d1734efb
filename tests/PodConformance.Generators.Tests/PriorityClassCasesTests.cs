using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="PriorityClassCases"/>: each generated case ends as it says under every release (ADM-042…044 refuse their
/// variant with kubernetes' texts, plugin/pkg/admission/priority/admission.go v1.35.0 blob 866fbf6451), each of ADM-040…044
/// sees both outcomes, and two global defaults give the lower one (getDefaultPriorityClass).
/// </summary>
public sealed class PriorityClassCasesTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void Every_case_is_accepted_or_refused_by_its_rule(int minor)
    {
        var profile = Profile.For(new KubernetesVersion(1, minor));
        var cases = Seeds.Sample(PriorityClassCases.Any, ReplaySeed.Of(4151), 200);
        Assert.All(cases, c => Assert.True(PriorityClassCases.Holds(c, profile), c.Name + ": " + PodCreate.Run(c.Pod, profile, PriorityClassCases.ObjectsOf(c.Classes)).Rejection?.Message));
        Assert.Contains(cases, c => c.Rule is null);
        Assert.All(PriorityClassCases.Invalid, v => Assert.Contains(cases, c => c.Rule == v.Rule));
    }

    [Fact]
    public void Each_rule_sees_both_outcomes()
    {
        var cases = Seeds.Sample(PriorityClassCases.Any, ReplaySeed.Of(4152), 300);
        var valid = cases.Where(c => c.Rule is null).ToList();
        var given = (PriorityClassCase c) => c.Classes.Any(pc => pc.Name == c.Pod.Spec.PriorityClassName);
        var system = (PriorityClassCase c) => PriorityClass.SystemClasses.Any(pc => pc.Name == c.Pod.Spec.PriorityClassName);

        // ADM-040: no class named, with and without a global default (and with two of them).
        Assert.Contains(valid, c => c.Pod.Spec.PriorityClassName.Length == 0 && c.Classes.Any(pc => pc.GlobalDefault));
        Assert.Contains(valid, c => c.Pod.Spec.PriorityClassName.Length == 0 && !c.Classes.Any(pc => pc.GlobalDefault));
        Assert.Contains(cases, c => c.Classes.Count(pc => pc.GlobalDefault) == 2);

        // ADM-041/042: a given class and a system class resolve; a missing one is refused.
        Assert.Contains(valid, c => given(c));
        Assert.Contains(valid, c => system(c));
        Assert.Contains(cases, c => c.Rule == AdmissionRules.PriorityClassNotFound);

        // ADM-043/044: a spec.priority / preemptionPolicy equal to the computed one is accepted, a different one refused.
        Assert.Contains(valid, c => c.Pod.Spec.Priority is not null);
        Assert.Contains(valid, c => c.Pod.Spec.PreemptionPolicy == "Never");
        Assert.Contains(valid, c => c.Pod.Spec.PreemptionPolicy == "PreemptLowerPriority");
        Assert.Contains(cases, c => c.Rule == AdmissionRules.PriorityValueMismatch);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.PreemptionPolicy);

        // Values: negative and the highest a user class may have.
        Assert.Contains(cases, c => c.Classes.Any(pc => pc.Value < 0));
        Assert.Contains(cases, c => c.Classes.Any(pc => pc.Value == PriorityClassCases.HighestUserDefinablePriority));
        Assert.All(cases, c => Assert.All(c.Classes, pc => Assert.True(pc.Value <= PriorityClassCases.HighestUserDefinablePriority)));
        Assert.All(cases, c => Assert.True(c.Classes.Count(pc => pc.GlobalDefault) < 2
            || c.Classes.Where(pc => pc.GlobalDefault).Select(pc => pc.Value).Distinct().Count() == 2, "two global defaults of equal value"));
    }

    [Fact]
    public void Two_global_defaults_give_the_lower_value_and_its_name()
    {
        ValueList<PriorityClass> classes =
        [
            new PriorityClass { Name = "high", Value = 1000, GlobalDefault = true, PreemptionPolicy = "Never" },
            new PriorityClass { Name = "low", Value = -5, GlobalDefault = true },
        ];
        var pod = Seeds.Sample(PodGen.Valid, ReplaySeed.Of(4153), 1)[0];
        pod = pod with { Spec = pod.Spec with { PriorityClassName = "", Priority = null, PreemptionPolicy = null } };
        var created = PodCreate.Run(pod, Profile.Default, PriorityClassCases.ObjectsOf(classes));
        Assert.True(created.Accepted);
        Assert.Equal("low", created.Stored.Spec.PriorityClassName);
        Assert.Equal(-5, created.Stored.Spec.Priority);
        Assert.Equal("PreemptLowerPriority", created.Stored.Spec.PreemptionPolicy);
        Assert.Equal(("low", -5, "PreemptLowerPriority"), PriorityClassCases.Computed(classes, ""));
    }

    [Fact]
    public void The_refusals_carry_kubernetes_texts()
    {
        var unknown = Seeds.Sample(PriorityClassCases.Unknown, ReplaySeed.Of(4154), 1)[0];
        Assert.EndsWith("is forbidden: no PriorityClass with name " + unknown.Pod.Spec.PriorityClassName + " was found",
            PodCreate.Run(unknown.Pod, Profile.Default, PriorityClassCases.ObjectsOf(unknown.Classes)).Rejection?.Message, StringComparison.Ordinal);

        // Without the classes being all of the cluster's (--objects alone), the same class is assumed to exist (ADM-098).
        var assumed = PodCreate.Run(unknown.Pod, Profile.Default, new AdmissionObjects { PriorityClasses = unknown.Classes });
        Assert.NotEqual(AdmissionRules.PriorityClassNotFound, assumed.Rejection?.Rule);

        var mismatch = Seeds.Sample(PriorityClassCases.PriorityMismatch, ReplaySeed.Of(4155), 1)[0];
        var computed = PriorityClassCases.Computed(mismatch.Classes, mismatch.Pod.Spec.PriorityClassName);
        Assert.EndsWith("is forbidden: the integer value of priority (" + mismatch.Pod.Spec.Priority!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ") must not be provided in pod spec; priority admission controller computed " + computed.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture) + " from the given PriorityClass name",
            PodCreate.Run(mismatch.Pod, Profile.Default, PriorityClassCases.ObjectsOf(mismatch.Classes)).Rejection?.Message, StringComparison.Ordinal);

        var policy = Seeds.Sample(PriorityClassCases.PreemptionMismatch, ReplaySeed.Of(4156), 1)[0];
        var computedPolicy = PriorityClassCases.Computed(policy.Classes, policy.Pod.Spec.PriorityClassName).Policy;
        Assert.EndsWith("is forbidden: the string value of PreemptionPolicy (" + policy.Pod.Spec.PreemptionPolicy + ") must not be provided in pod spec; priority admission controller computed "
            + computedPolicy + " from the given PriorityClass name",
            PodCreate.Run(policy.Pod, Profile.Default, PriorityClassCases.ObjectsOf(policy.Classes)).Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shrinker_offers_smaller_classes_only()
    {
        var cases = Seeds.Sample(PriorityClassCases.Any, ReplaySeed.Of(4157), 60);
        Assert.All(cases, c => Assert.All(PriorityClassShrinker.Shrink(c.Classes), smaller => Assert.True(
            smaller.Count < c.Classes.Count
            || smaller.Zip(c.Classes).Count(p => p.First != p.Second) == 1,
            "one change per step")));
        Assert.Contains(cases, c => PriorityClassShrinker.Shrink(c.Classes).Any());
    }

    /// <summary>
    /// P-OOM-SCORE's critical pods (OOM-001/008): some pods name a system class, and the create stores its value, so the
    /// kubelet's test (priority at least 2 000 000 000) makes them critical; node-critical ones get −997 whatever their QoS.
    /// </summary>
    [Theory]
    [InlineData(28)]
    [InlineData(37)]
    public void Some_pods_name_a_system_class_and_are_created_critical(int minor)
    {
        var profile = Profile.For(new KubernetesVersion(1, minor));
        var pods = Seeds.Sample(PodGen.Valid.SelectMany(PriorityClassCases.SometimesSystemClass), ReplaySeed.Of(4153), 300);
        var created = pods.Select(p => PodCreate.Run(p, profile)).ToList();
        Assert.All(created, c => Assert.True(c.Accepted, c.Rejection?.Message));
        var critical = created.Select(c => c.Stored).Where(Model.Oom.CriticalPods.IsCriticalPod).ToList();
        Assert.InRange(critical.Count, 5, 60);
        Assert.Contains(critical, p => p.Spec.PriorityClassName == "system-node-critical" && p.Spec.Priority == 2000001000);
        Assert.Contains(critical, p => p.Spec.PriorityClassName == "system-cluster-critical" && p.Spec.Priority == 2000000000);
        Assert.All(critical.Where(Model.Oom.CriticalPods.IsNodeCriticalPod), p =>
            Assert.All(p.Spec.Containers, c => Assert.Equal(-997, Model.Oom.OomScoreAdjust.ForContainer(p, c, 8L << 30, profile).Score)));
    }
}
