using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="RuntimeClassCases"/>: each generated case ends as it says under every release (ADM-014…016 refuse their
/// variant with kubernetes' texts, plugin/pkg/admission/runtimeclass/admission.go v1.35.0), and a valid one is stored
/// with its class's overhead and node selector.
/// </summary>
public sealed class RuntimeClassCasesTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void Every_case_is_accepted_or_refused_by_its_rule(int minor)
    {
        var profile = Profile.For(new KubernetesVersion(1, minor));
        var cases = Seeds.Sample(RuntimeClassCases.Any, ReplaySeed.Of(4141), 120);
        Assert.All(cases, c => Assert.True(RuntimeClassCases.Holds(c, profile), c.Name + ": " + PodCreate.Run(c.Pod, profile, new AdmissionObjects { RuntimeClasses = c.Classes }).Rejection?.Message));
        Assert.Contains(cases, c => c.Rule is null);
        Assert.All(RuntimeClassCases.Invalid, v => Assert.Contains(cases, c => c.Rule == v.Rule));
    }

    [Fact]
    public void A_valid_case_is_stored_with_its_class_overhead_and_selector()
    {
        var cases = Seeds.Sample(RuntimeClassCases.Valid, ReplaySeed.Of(4142), 40);
        Assert.All(cases, c =>
        {
            var created = PodCreate.Run(c.Pod, Profile.Default, new AdmissionObjects { RuntimeClasses = c.Classes });
            var rc = c.Classes[0];
            Assert.Equal(rc.PodFixed, created.Stored.Spec.Overhead);
            if (rc.HasScheduling)
            {
                Assert.Equal(rc.Name, created.Stored.Spec.NodeSelector[RuntimeClassCases.SelectorKey]);
            }
        });
        Assert.Contains(cases, c => c.Classes[0].HasScheduling && !c.Classes[0].Tolerations.IsEmpty);
    }

    [Fact]
    public void The_refusals_carry_kubernetes_texts()
    {
        var unknown = Seeds.Sample(RuntimeClassCases.Unknown, ReplaySeed.Of(4143), 1)[0];
        Assert.EndsWith("is forbidden: pod rejected: RuntimeClass \"" + unknown.Pod.Spec.RuntimeClassName + "\" not found",
            PodCreate.Run(unknown.Pod, Profile.Default, new AdmissionObjects { RuntimeClasses = unknown.Classes }).Rejection?.Message, StringComparison.Ordinal);
        var conflict = Seeds.Sample(RuntimeClassCases.NodeSelectorConflict, ReplaySeed.Of(4144), 1)[0];
        Assert.EndsWith("is forbidden: conflict: runtimeClass.scheduling.nodeSelector[runtime.podconf.io/class] = " + conflict.Classes[0].Name + "; pod.spec.nodeSelector[runtime.podconf.io/class] = other",
            PodCreate.Run(conflict.Pod, Profile.Default, new AdmissionObjects { RuntimeClasses = conflict.Classes }).Rejection?.Message, StringComparison.Ordinal);
    }
}
