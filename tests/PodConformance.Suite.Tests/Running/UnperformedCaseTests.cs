using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// A real target (podman, a cluster) cannot perform scenario steps or switch a case's feature gates: those cases are
/// "not checked" with the reason, never compared (a false failure) and never counted as passed.
/// </summary>
public class UnperformedCaseTests
{
    /// <summary>The model, except that it declines what a real target cannot act out, as podman and the cluster adapter do.</summary>
    private static readonly BrokenAdapter LikeARealTarget = new(
        "like-a-real-target",
        (c, o) => c is PodCase p && p.BeyondRealTargets("this target") is { } why ? Observation.Unperformed(why) : o,
        Capability.Lifecycle);

    /// <summary>Worse than declining: it answers step cases with garbage. Shown to fail, so the test above is not vacuous.</summary>
    private static readonly BrokenAdapter IgnoresSteps = new(
        "ignores-steps",
        (c, o) => c is PodCase p && !p.Scenario.Steps.IsEmpty ? o with { Lifecycle = o.Lifecycle! with { Samples = [] } } : o,
        Capability.Lifecycle);

    [Fact]
    public void Cases_with_steps_or_gates_are_not_checked_and_say_why()
    {
        var result = Assert.Single(SuiteRun.Execute(LikeARealTarget, new RunOptions { Rules = "P-LIFE-CONDITIONS" }).Results);
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.Matches("^[0-9]+ of [0-9]+ cases not observed: not performed by the adapter: (this target performs no scenario steps \\([0-9]+ steps? in this case\\)|the case needs feature gates [A-Za-z]+=true)", result.Reason);
    }

    [Fact]
    public void The_same_cases_compared_would_fail()
    {
        var result = Assert.Single(SuiteRun.Execute(IgnoresSteps, new RunOptions { Rules = "P-LIFE-CONDITIONS" }).Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
    }

    [Fact]
    public void A_case_gate_is_named_with_its_value()
    {
        var c = new PodCase(new Model.Api.Pod()) { Gates = Model.Collections.ValueMap<bool>.Empty.SetItem("RestartAllContainersOnContainerExits", true) };
        Assert.Equal("the case needs feature gates RestartAllContainersOnContainerExits=true, which podman's own configuration decides", c.BeyondRealTargets("podman"));
        Assert.Null(new PodCase(new Model.Api.Pod()).BeyondRealTargets("podman"));
    }

    /// <summary>
    /// RuntimeClass objects (ADM-014…018) reach the model and a process adapter that declared runtime-classes: a real target
    /// declines them, and so does the protocol for an adapter without the capability.
    /// </summary>
    [Fact]
    public void A_case_with_runtime_classes_is_declined_by_real_targets_and_by_adapters_without_the_capability()
    {
        var c = new PodCase(new Model.Api.Pod()) { RuntimeClasses = [new Model.Admission.Objects.RuntimeClass { Name = "kata", Handler = "kata" }] };
        Assert.Equal("the case needs RuntimeClass objects (kata), which the cluster is not given", c.BeyondRealTargets("the cluster"));
        Assert.Equal(
            "the case needs RuntimeClass objects (kata), which are sent only to an adapter whose hello declares the capability runtime-classes",
            c.BeyondProtocol(Capability.Admission | Capability.Lifecycle));
        Assert.Null(c.BeyondProtocol(Capability.Admission | Capability.RuntimeClasses));
        Assert.Null(new PodCase(new Model.Api.Pod()).BeyondProtocol(Capability.None));
    }

    /// <summary>
    /// PriorityClass objects (ADM-040…044, session 14) likewise: the model and a process adapter that declared priority-classes
    /// receive them; a real target declines them (the cluster adapter creates them only with --cluster-scoped-objects), and so
    /// does the protocol for an adapter without the capability, each capability on its own.
    /// </summary>
    [Fact]
    public void A_case_with_priority_classes_is_declined_by_real_targets_and_by_adapters_without_the_capability()
    {
        var c = new PodCase(new Model.Api.Pod()) { PriorityClasses = [new Model.Admission.Objects.PriorityClass { Name = "high", Value = 10 }] };
        Assert.Equal("the case needs PriorityClass objects (high), which podman is not given", c.BeyondRealTargets("podman"));
        Assert.Equal(
            "the case needs PriorityClass objects (high), which are sent only to an adapter whose hello declares the capability priority-classes",
            c.BeyondProtocol(Capability.Admission | Capability.RuntimeClasses));
        Assert.Null(c.BeyondProtocol(Capability.Admission | Capability.PriorityClasses));

        var both = c with { RuntimeClasses = [new Model.Admission.Objects.RuntimeClass { Name = "kata", Handler = "kata" }] };
        Assert.Equal(
            "the case needs RuntimeClass objects (kata), which are sent only to an adapter whose hello declares the capability runtime-classes; "
            + "the case needs PriorityClass objects (high), which are sent only to an adapter whose hello declares the capability priority-classes",
            both.BeyondProtocol(Capability.Admission));
        Assert.StartsWith("the case needs PriorityClass objects", both.BeyondProtocol(Capability.Admission | Capability.RuntimeClasses), StringComparison.Ordinal);
        Assert.Null(both.BeyondProtocol(Capability.All));

        // The classes are the cluster's own: the create reads them as all of them (ADM-042), unlike --objects (ADM-098).
        Assert.True(c.AdmissionObjects().PriorityClassesComplete);
        Assert.False(new PodCase(new Model.Api.Pod()).AdmissionObjects().PriorityClassesComplete);
    }

    /// <summary>
    /// ServiceAccount objects (ADM-030…036, session 15) likewise: the model and a process adapter that declared service-accounts
    /// receive them; podman declines them, and so does the protocol for an adapter without the capability. They are the pod
    /// namespace's accounts, all of them (ADM-031), placed in the pod's namespace whatever namespace they carry.
    /// </summary>
    [Fact]
    public void A_case_with_service_accounts_is_declined_by_real_targets_and_by_adapters_without_the_capability()
    {
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Namespace = "team-a" } })
        {
            ServiceAccounts = [new Model.Admission.Objects.ServiceAccount { Namespace = "elsewhere", Name = "builder", AutomountServiceAccountToken = false }],
        };
        Assert.Equal("the case needs ServiceAccount objects (builder), which podman is not given", c.BeyondRealTargets("podman"));
        Assert.Equal(
            "the case needs ServiceAccount objects (builder), which are sent only to an adapter whose hello declares the capability service-accounts",
            c.BeyondProtocol(Capability.Admission | Capability.PriorityClasses));
        Assert.Null(c.BeyondProtocol(Capability.Admission | Capability.ServiceAccounts));
        Assert.Null(c.BeyondProtocol(Capability.All));

        var objects = c.AdmissionObjects();
        Assert.True(objects.ServiceAccountsComplete);
        Assert.False(objects.PriorityClassesComplete);
        Assert.Equal("team-a", Assert.Single(objects.ServiceAccounts).Namespace);
        Assert.False(Assert.Single(objects.ServiceAccounts).AutomountServiceAccountToken);
        Assert.Equal("default", (c with { Pod = new Model.Api.Pod() }).AdmissionObjects().ServiceAccounts[0].Namespace);
        Assert.False(new PodCase(new Model.Api.Pod()).AdmissionObjects().ServiceAccountsComplete);
    }

    /// <summary>
    /// P-ADM-DEFAULTS' RuntimeClass cases, and its cases that turn a gate off (GatedDropGen), are "not checked" on a real
    /// target, and the rest still compared; the reason names the first such case.
    /// </summary>
    [Fact]
    public void Runtime_class_cases_are_not_checked_on_a_real_target()
    {
        var admitting = new BrokenAdapter(
            "admitting-like-a-real-target",
            (c, o) => c is PodCase p && p.BeyondRealTargets("this target") is { } why ? Observation.Unperformed(why) : o,
            Capability.Admission);
        var result = Assert.Single(SuiteRun.Execute(admitting, new RunOptions { Rules = "P-ADM-DEFAULTS" }).Results);
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.Matches(
            "^[0-9]+ of [0-9]+ cases not observed: not performed by the adapter: the case needs ((RuntimeClass|PriorityClass|ServiceAccount) objects \\([a-z,-]+\\), which this target is not given|feature gates [A-Za-z]+=false(,[A-Za-z]+=false)*, which this target's own configuration decides)",
            result.Reason);
    }
}
