using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// Priority (ADM-040…044): class resolution, the system classes, the global default, and the refusal of a spec.priority or
/// preemptionPolicy other than the computed one; kubernetes plugin/pkg/admission/priority (copies and releases in spec/admission.md).
/// </summary>
public class PriorityPluginTests
{
    [Fact]
    public void Priority_without_a_class_is_forbidden_ADM_043()
    {
        var r = PodCreate.Run(WithSpec(s => s with { Priority = 1000 }), V(37));
        Assert.False(r.Accepted);
        Assert.False(r.Validated);
        Assert.Equal("Forbidden", r.Rejection!.Reason);
        Assert.Equal(AdmissionRules.PriorityValueMismatch, r.Rejection.Rule);
        Assert.Equal("pods \"p\" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name",
            r.Rejection.Message);
        Assert.Equal("Priority", r.Steps[^1].Name);
    }

    [Fact]
    public void Priority_equal_to_the_computed_one_is_accepted()
    {
        Assert.True(PodCreate.Run(WithSpec(s => s with { Priority = 0 }), V(37)).Accepted);
        Assert.True(PodCreate.Run(WithSpec(s => s with { PriorityClassName = "system-node-critical", Priority = 2000001000 }), V(37)).Accepted);
    }

    [Fact]
    public void System_classes_resolve_ADM_041()
    {
        var r = PodCreate.Run(WithSpec(s => s with { PriorityClassName = "system-cluster-critical" }), V(30));
        Assert.Equal(2000000000, r.Stored.Spec.Priority);
        Assert.Equal("PreemptLowerPriority", r.Stored.Spec.PreemptionPolicy);
    }

    [Fact]
    public void The_global_default_with_the_lowest_value_is_written_ADM_040()
    {
        var objects = new AdmissionObjects
        {
            PriorityClasses =
            [
                new PriorityClass { Name = "high", Value = 100, GlobalDefault = true },
                new PriorityClass { Name = "low", Value = 10, GlobalDefault = true, PreemptionPolicy = "Never" },
                new PriorityClass { Name = "lowest", Value = 1 },
            ],
        };
        var r = PodCreate.Run(P(), V(37), objects);
        Assert.Equal("low", r.Stored.Spec.PriorityClassName);
        Assert.Equal(10, r.Stored.Spec.Priority);
        Assert.Equal("Never", r.Stored.Spec.PreemptionPolicy);
    }

    [Fact]
    public void An_unknown_class_is_refused_on_a_complete_cluster_and_not_checked_otherwise_ADM_042_ADM_098()
    {
        var pod = WithSpec(s => s with { PriorityClassName = "gold" });
        var complete = PodCreate.Run(pod, V(37), AdmissionObjects.None with { Missing = MissingObjects.NotFound });
        Assert.Equal("pods \"p\" is forbidden: no PriorityClass with name gold was found", complete.Rejection!.Message);

        var assumed = PodCreate.Run(pod, V(37));
        Assert.True(assumed.Accepted);
        Assert.Null(assumed.Stored.Spec.Priority);
        Assert.Contains(assumed.NotChecked, n => n.Field == "spec.priorityClassName");
    }

    [Fact]
    public void A_preemption_policy_different_from_the_class_is_forbidden_ADM_044()
    {
        var r = PodCreate.Run(WithSpec(s => s with { PreemptionPolicy = "Never" }), V(37));
        Assert.Equal("pods \"p\" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
            r.Rejection!.Message);
    }
}
