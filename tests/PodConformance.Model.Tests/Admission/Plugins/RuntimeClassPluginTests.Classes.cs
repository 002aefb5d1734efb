using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Admission.Plugins;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// RuntimeClass with RuntimeClass objects (ADM-014…018). The vectors are those of kubernetes
/// <c>plugin/pkg/admission/runtimeclass/admission_test.go</c> as stored at kubernetes/kubernetes
/// <c>20f00018e023952f1ed918c08eb990fe43718ad6</c> (TestSetOverhead, TestSetScheduling, TestAdmit, TestValidate,
/// TestValidateOverhead), a copy that carries the draft of PR #124899 (an <c>overhead: {}</c> helper argument and an early
/// return in validateOverhead that no release read has, spec/admission.md RC): the vectors whose answer depends on that
/// draft are left out here and listed in spec/admission.md ADM-018; the code they are checked against is the v1.35.0
/// admission.go (support-bundle-kit <c>1efdd22c2</c>, blob <c>885385f03a</c>).
/// </summary>
public partial class RuntimeClassPluginTests
{
    private static ValueMap<Quantity> Q(params (string Name, string Value)[] items)
    {
        var pairs = new (string, Quantity)[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            pairs[i] = (items[i].Name, Quantity.Parse(items[i].Value));
        }

        return ValueMap.Of(pairs);
    }

    /// <summary>The test file's class <c>foo</c> (handler <c>bar</c>).</summary>
    private static RuntimeClass Foo(ValueMap<Quantity>? podFixed = null, ValueMap<string>? selector = null, ValueList<Toleration>? tolerations = null) => new()
    {
        Name = "foo",
        Handler = "bar",
        HasOverhead = podFixed is not null,
        PodFixed = podFixed ?? default,
        HasScheduling = selector is not null || tolerations is not null,
        NodeSelector = selector ?? default,
        Tolerations = tolerations ?? default,
    };

    private static AdmissionObjects With(params RuntimeClass[] classes) => new() { RuntimeClasses = [.. classes] };

    /// <summary>newOverheadValidPod's overhead: cpu 100m, memory 1.</summary>
    private static ValueMap<Quantity> SmallOverhead => Q(("cpu", "100m"), ("memory", "1"));

    private static Pod Named(string rc, Func<PodSpec, PodSpec>? f = null) => P(s => (f ?? (x => x))(s with { RuntimeClassName = rc }));

    private static Toleration T(string key, string value) => new() { Key = key, Operator = "Equal", Value = value, Effect = "NoSchedule" };

    [Theory]
    [InlineData(false)] // "overhead, no container requirements"
    [InlineData(true)] // "overhead, guaranteed pod"
    public void The_class_overhead_is_set_on_a_pod_without_one_ADM_015(bool guaranteed)
    {
        var pod = Named("foo", s => guaranteed
            ? s with { Containers = [s.Containers[0] with { Resources = new ResourceRequirements { Requests = Q(("cpu", "1"), ("memory", "10")), Limits = Q(("cpu", "1"), ("memory", "10")) } }] }
            : s);
        var r = PodCreate.Run(pod, V(37), With(Foo(SmallOverhead)));
        Assert.True(r.Accepted, r.Rejection?.Message);
        Assert.Equal(SmallOverhead, r.Stored.Spec.Overhead);
        Assert.Contains(r.Steps, s => s.Name == "RuntimeClass" && s.Changes.Any(c => c.Rule == AdmissionRules.RuntimeClassSetOverhead && c.Field == "spec.overhead"));
        Assert.Empty(r.NotChecked);
    }

    [Fact]
    public void A_differing_overhead_is_forbidden_by_admit_ADM_015()
    {
        // "overhead, pod with differing overhead already set": class cpu 10, memory 10G; pod cpu 100m, memory 1.
        var r = PodCreate.Run(Named("foo", s => s with { Overhead = SmallOverhead }), V(37), With(Foo(Q(("cpu", "10"), ("memory", "10G")))));
        Assert.False(r.Accepted);
        Assert.Equal(AdmissionRules.RuntimeClassSetOverhead, r.Rejection!.Rule);
        Assert.Equal("pods \"p\" is forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead", r.Rejection.Message);
        Assert.Equal(AdmissionStage.MutatingAdmission, r.Steps[^1].Stage);
        Assert.False(r.Validated);
    }

    [Fact]
    public void The_same_overhead_is_accepted_even_written_differently_ADM_015()
    {
        // "overhead, pod with same overhead already set"; Semantic.DeepEqual compares quantities by value (0.1 = 100m).
        var r = PodCreate.Run(Named("foo", s => s with { Overhead = Q(("cpu", "0.1"), ("memory", "1")) }), V(37), With(Foo(SmallOverhead)));
        Assert.True(r.Accepted, r.Rejection?.Message);
    }

    [Theory]
    [InlineData(28, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(32, true)]
    [InlineData(33, true)]
    [InlineData(37, true)]
    public void An_empty_overhead_map_counts_as_set_before_1_31_ADM_015(int minor, bool accepted)
    {
        // setOverhead: `pod.Spec.Overhead != nil` at v1.29.9 and in OpenShift's 1.30 fork (microshift release-4.17),
        // `len(pod.Spec.Overhead) > 0` from upstream commit fdd1f3766 (PR #123128), which microshift's 1.31 rebase
        // changelog (e0e8941ec9, scripts/auto-rebase/changelog.txt) lists among the upstream commits up to v1.31.1, and
        // at v1.33.1 and v1.35.0 (spec/admission.md RC).
        var r = PodCreate.Run(Named("foo", s => s with { OverheadGiven = true }), V(minor), With(Foo(SmallOverhead)));
        Assert.Equal(accepted, r.Accepted);
        if (accepted)
        {
            Assert.Equal(SmallOverhead, r.Stored.Spec.Overhead);
        }
        else
        {
            Assert.Equal(AdmissionRules.RuntimeClassSetOverhead, r.Rejection!.Rule);
        }
    }

    [Fact]
    public void A_class_without_overhead_refuses_a_pod_overhead_in_validate_ADM_013()
    {
        // TestValidateOverhead "No Overhead in RunntimeClass, Overhead set in pod" (and TestValidate's).
        var r = PodCreate.Run(Named("foo", s => s with { Overhead = SmallOverhead }), V(37), With(Foo()));
        Assert.Equal(AdmissionRules.RuntimeClassOverhead, r.Rejection!.Rule);
        Assert.Equal(AdmissionStage.ValidatingAdmission, r.Steps[^1].Stage);
    }

    [Fact]
    public void Validate_refuses_an_overhead_that_differs_from_the_class_ADM_018()
    {
        // TestValidateOverhead "Non-matching Overheads": Validate alone (a create's Admit would have refused first).
        var run = new CreateRun(V(37), With(Foo(Q(("cpu", "10"), ("memory", "10G")))));
        var outcome = RuntimeClassPlugin.Instance.Validate(Named("foo", s => s with { Overhead = SmallOverhead }), run);
        Assert.Equal(AdmissionRules.RuntimeClassValidateOverhead, outcome.Rejection!.Rule);
        Assert.Equal("pods \"p\" is forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead", outcome.Rejection.Message);

        // "Matching Overheads".
        Assert.Null(RuntimeClassPlugin.Instance.Validate(Named("foo", s => s with { Overhead = SmallOverhead }), new CreateRun(V(37), With(Foo(SmallOverhead)))).Rejection);

        // v1.35.0 (not the draft): a class with an overhead and a pod without one differ (DeepEqual(podFixed, nil) is false).
        Assert.Equal(AdmissionRules.RuntimeClassValidateOverhead, RuntimeClassPlugin.Instance.Validate(Named("foo"), new CreateRun(V(37), With(Foo(SmallOverhead)))).Rejection!.Rule);
    }

    [Fact]
    public void Validate_without_a_class_keeps_ADM_013()
    {
        // TestValidateOverhead "No RunntimeClass, Overhead set in pod" / "… Overhead is nil in pod".
        var run = new CreateRun(V(37), AdmissionObjects.None);
        Assert.Equal(AdmissionRules.RuntimeClassOverhead, RuntimeClassPlugin.Instance.Validate(P(s => s with { Overhead = SmallOverhead }), run).Rejection!.Rule);
        Assert.Null(RuntimeClassPlugin.Instance.Validate(P(s => s), run).Rejection);
    }

    [Fact]
    public void An_unknown_class_is_forbidden_when_classes_were_given_ADM_014()
    {
        // TestAdmit "runtimeClass not found by lister nor client"; "found by lister" is the accepted case.
        var r = PodCreate.Run(Named("runtimeClassName"), V(37), With(Foo()));
        Assert.Equal(AdmissionRules.RuntimeClassNotFound, r.Rejection!.Rule);
        Assert.Equal("pods \"p\" is forbidden: pod rejected: RuntimeClass \"runtimeClassName\" not found", r.Rejection.Message);
        Assert.Equal("RuntimeClass", r.Steps[^1].Name);

        // Found: Admit alone (the name is no DNS subdomain, so a whole create would then fail validation, VAL-077).
        var found = RuntimeClassPlugin.Instance.Admit(Named("runtimeClassName"), new CreateRun(V(37), With(Foo() with { Name = "runtimeClassName" })), new StepLog());
        Assert.Null(found.Rejection);
    }

    [Fact]
    public void An_unknown_class_is_forbidden_with_objects_complete_and_not_checked_otherwise_ADM_014()
    {
        var complete = PodCreate.Run(Named("kata"), V(37), new AdmissionObjects { Missing = MissingObjects.NotFound });
        Assert.Equal(AdmissionRules.RuntimeClassNotFound, complete.Rejection!.Rule);

        var open = PodCreate.Run(Named("kata"), V(37), AdmissionObjects.None);
        Assert.True(open.Accepted);
        Assert.Contains(open.NotChecked, n => n.Field == "spec.runtimeClassName");
    }

    [Fact]
    public void A_class_with_nil_scheduling_leaves_the_pod_alone()
    {
        // "scheduling, nil scheduling".
        var r = PodCreate.Run(Named("foo", s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }), V(37), With(Foo()));
        Assert.Equal(ValueMap.Of(("foo", "bar")), r.Stored.Spec.NodeSelector);
    }

    [Fact]
    public void A_conflicting_node_selector_is_forbidden_ADM_016()
    {
        // "scheduling, conflict node selector".
        var r = PodCreate.Run(Named("foo", s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }), V(37), With(Foo(selector: ValueMap.Of(("foo", "conflict")))));
        Assert.Equal(AdmissionRules.RuntimeClassNodeSelector, r.Rejection!.Rule);
        Assert.Equal("pods \"p\" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[foo] = conflict; pod.spec.nodeSelector[foo] = bar", r.Rejection.Message);
    }

    [Theory]
    [InlineData("", "foo=bar")] // "scheduling, nil node selector"
    [InlineData("foo=bar", "foo=bar")] // "scheduling, node selector with the same key value"
    [InlineData("foo=bar", "fizz=buzz,foo=bar")] // "scheduling, node selector with different key value" (class foo=bar, fizz=buzz)
    public void The_class_node_selector_is_merged_ADM_016(string pod, string expected)
    {
        var classSelector = expected == "fizz=buzz,foo=bar" ? ValueMap.Of(("foo", "bar"), ("fizz", "buzz")) : ValueMap.Of(("foo", "bar"));
        var r = PodCreate.Run(Named("foo", s => s with { NodeSelector = Selector(pod) }), V(37), With(Foo(selector: classSelector)));
        Assert.True(r.Accepted, r.Rejection?.Message);
        Assert.Equal(Selector(expected), r.Stored.Spec.NodeSelector);
    }

    private static ValueMap<string> Selector(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        var pairs = new List<(string, string)>();
        foreach (string kv in text.Split(','))
        {
            string[] parts = kv.Split('=');
            pairs.Add((parts[0], parts[1]));
        }

        return ValueMap.Of([.. pairs]);
    }

    [Fact]
    public void The_class_tolerations_are_merged_after_the_pods_ADM_017()
    {
        // "scheduling, multiple tolerations": pod [foo=bar:NoSchedule], class [foo=bar:NoSchedule, fizz=buzz:NoSchedule].
        var pod = Named("foo", s => s with { Tolerations = [T("foo", "bar")] });
        var run = new CreateRun(V(37), With(Foo(selector: ValueMap.Of(("foo", "bar")), tolerations: [T("foo", "bar"), T("fizz", "buzz")])));
        var outcome = RuntimeClassPlugin.Instance.Admit(pod, run, new StepLog());
        Assert.Null(outcome.Rejection);
        Assert.Equal([T("foo", "bar"), T("fizz", "buzz")], outcome.Pod.Spec.Tolerations);

        // Through a create, DefaultTolerationSeconds has already added its two tolerations; they stay, before the class's.
        var r = PodCreate.Run(pod, V(37), run.Objects);
        Assert.Equal(["foo", "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "fizz"], r.Stored.Spec.Tolerations.Select(t => t.Key));
    }

    [Fact]
    public void A_class_toleration_of_everything_replaces_the_pods_ADM_017()
    {
        var everything = new Toleration { Operator = "Exists" };
        var r = PodCreate.Run(Named("foo", s => s with { Tolerations = [T("foo", "bar")] }), V(37), With(Foo(tolerations: [everything])));
        Assert.Equal([everything], r.Stored.Spec.Tolerations);
        Assert.Contains(r.Steps, s => s.Changes.Any(c => c.Rule == AdmissionRules.RuntimeClassTolerations && c.Value == "[{operator: Exists}] (merged with RuntimeClass foo)"));
    }

    [Fact]
    public void The_admitted_pod_is_what_validation_QoS_and_the_stored_pod_see()
    {
        // The class's overhead is stored on the pod; the class's node selector is validated with the pod's (VAL-… label rules).
        var r = PodCreate.Run(Named("foo"), V(37), With(Foo(SmallOverhead, ValueMap.Of(("bad key!", "x")))));
        Assert.False(r.Accepted);
        Assert.Equal("Invalid", r.Rejection!.Reason);
        Assert.Contains(r.Validation.Errors, e => e.Field.StartsWith("spec.nodeSelector", StringComparison.Ordinal));
    }
}
