using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// An ephemeral container's explicit empty <c>ports: []</c>, <c>resizePolicy: []</c>, <c>restartPolicyRules: []</c>
/// (VAL-016). Go decodes <c>[]</c> to a non-nil empty slice and the v1→internal conversion keeps it
/// (<c>*(*[]core.ContainerPort)(unsafe.Pointer(&amp;in.Ports))</c>, zz_generated.conversion.go at v1.35.4, openshift-kni/
/// scheduler-plugins <c>4495d2058</c>); <c>validateFieldAllowList</c> compares every field outside
/// <c>allowedEphemeralContainerFields</c> (which lists Ports false and omits ResizePolicy, RestartPolicy and
/// RestartPolicyRules) with its zero value by <c>reflect.DeepEqual</c>, so the empty list is set, reported at the field
/// named by lower-casing the Go name's first letter (validation.go v1.28.1 ceph/ceph-csi <c>28d2a865f</c>, v1.33.3
/// <c>0c967825a</c>, v1.34.1 <c>313dff1ce</c>, v1.35.4 <c>4495d2058</c> — the allow-list and the function identical — and
/// upstream 1.37 <c>78e971a4</c>). The create strategy's drops set the slices to nil in every container list when their
/// gate is off (util.go v1.34.1, openshift/openshift-apiserver <c>71b7016d0</c>: InPlacePodVerticalScaling, off to 1.32;
/// dropContainerRestartRules, ContainerRestartRules off in 1.34), so there the list is gone before validation.
/// </summary>
public class ExplicitEmptyContainerListsTests
{
    private const string Text = ": Forbidden: cannot be set for an Ephemeral Container";

    private static Container AllEmpty(Container c) => c with { PortsGivenEmpty = true, ResizePolicyGivenEmpty = true, RestartPolicyRulesGivenEmpty = true };

    private static Pod Ephemeral(Func<Container, Container> f) => WithSpec(s => s with { EphemeralContainers = [f(C("dbg"))] });

    private static string[] AllowListErrors(PodCreateResult r) =>
        r.Validation.Errors.Select(e => e.ToString()).Where(e => e.EndsWith(Text, StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData(28, new[] { "ports" })]
    [InlineData(32, new[] { "ports" })]
    [InlineData(33, new[] { "ports", "resizePolicy" })]
    [InlineData(34, new[] { "ports", "resizePolicy" })]
    [InlineData(35, new[] { "ports", "resizePolicy", "restartPolicyRules" })]
    [InlineData(37, new[] { "ports", "resizePolicy", "restartPolicyRules" })]
    public void Empty_lists_are_set_unless_their_gate_drops_them(int minor, string[] fields)
    {
        // restartPolicyRules exists from 1.34 (absent from core/v1 types.go at v0.28.0, present at v0.35.0).
        var pod = Ephemeral(c => AllEmpty(c) with { RestartPolicyRulesGivenEmpty = minor >= 34 });
        var errors = AllowListErrors(PodCreate.Run(pod, V(minor)));
        Assert.Equal(fields.Select(f => "spec.ephemeralContainers[0]." + f + Text), errors);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(34)]
    [InlineData(37)]
    public void Absent_lists_are_not_set(int minor)
    {
        var result = PodCreate.Run(Ephemeral(c => c), V(minor));
        Assert.False(result.Accepted); // ephemeral containers on create
        Assert.Empty(AllowListErrors(result));
    }

    [Fact]
    public void The_allow_list_order_puts_resources_between_ports_and_resizePolicy()
    {
        var pod = Ephemeral(c => AllEmpty(c) with { Resources = new ResourceRequirements { LimitsGivenEmpty = true } });
        Assert.Equal(
            new[] { "ports", "resources", "resizePolicy", "restartPolicyRules" }.Select(f => "spec.ephemeralContainers[0]." + f + Text),
            AllowListErrors(PodCreate.Run(pod, V(35))));
    }

    [Fact]
    public void A_gate_drop_removes_the_mark_and_says_so()
    {
        var r = PodCreate.Run(Ephemeral(AllEmpty), V(34));
        var prepare = r.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare.Changes, c => c.Rule == AdmissionRules.DropContainerRestartPolicy && c.Field == "spec.ephemeralContainers[0].restartPolicyRules");

        var at30 = PodCreate.Run(Ephemeral(AllEmpty), V(30));
        var prepare30 = at30.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare30.Changes, c => c.Rule == AdmissionRules.DropResizePolicy && c.Field == "spec.ephemeralContainers[0].resizePolicy");

        // With InPlacePodVerticalScaling turned on at 1.30 the empty list stays, and is set.
        var on = new Profile(new KubernetesVersion(1, 30), ValueMap.Of(("InPlacePodVerticalScaling", true)));
        Assert.Contains("spec.ephemeralContainers[0].resizePolicy" + Text, AllowListErrors(PodCreate.Run(Ephemeral(AllEmpty), on)));
    }

    [Fact]
    public void A_regular_containers_empty_lists_are_no_error_and_the_stored_pod_omits_them()
    {
        // Every other create-path test of these lists is len() or a range (validateInitContainers' resizePolicy check,
        // validateInitContainerRestartPolicy, validateContainerRestartPolicy, validateContainerPorts, validateResizePolicy,
        // SetDefaults_Pod's resize-policy defaulting, defaultHostNetworkPorts), so a regular container's empty lists change
        // nothing but the request; storage omits them (omitempty, core/v1 types.go v0.28.0 and v0.35.0).
        var pod = WithSpec(s => s with { Containers = [AllEmpty(C())], InitContainers = [AllEmpty(C("init"))] });
        var result = PodCreate.Run(pod, V(35));
        Assert.True(result.Accepted, string.Join("; ", result.Validation.Errors));
        foreach (var c in result.Stored.Spec.Containers.AsSpan().ToArray().Concat(result.Stored.Spec.InitContainers.AsSpan().ToArray()))
        {
            Assert.False(c.PortsGivenEmpty || c.ResizePolicyGivenEmpty || c.RestartPolicyRulesGivenEmpty, c.Name);
            Assert.False(c.HasGivenEmptyListMark(), c.Name);
        }

        var plain = WithSpec(s => s with { Containers = [C()], InitContainers = [C("init")] });
        Assert.Equal(PodCreate.Run(plain, V(35)).Stored.Spec, result.Stored.Spec);
    }

    [Fact]
    public void A_list_or_map_defaulting_fills_leaves_no_mark_in_the_stored_pod()
    {
        // 1.28.1's SetDefaults_Pod appends NotRequired resize policies for a regular container's cpu/memory requests when
        // InPlacePodVerticalScaling is on (defaults.go, ceph/ceph-csi 28d2a865f; the model to 1.32, DEF rule ResizePolicy),
        // and copies limits into requests: a `resizePolicy: []` / `requests: {}` is then no longer empty, and what storage
        // returns is the pod without any mark (a reader sets them only for an empty list or map).
        var on = new Profile(new KubernetesVersion(1, 30), ValueMap.Of(("InPlacePodVerticalScaling", true)));
        var limits = new ResourceRequirements { Limits = ValueMap.Of(("cpu", PodConformance.Model.Quantities.Quantity.Parse("1"))) };
        var marked = WithSpec(s => s with { Containers = [C() with { ResizePolicyGivenEmpty = true, Resources = limits with { RequestsGivenEmpty = true } }] });
        var plain = WithSpec(s => s with { Containers = [C() with { Resources = limits }] });
        var stored = PodCreate.Run(marked, on).Stored;
        Assert.False(stored.Spec.Containers[0].ResizePolicy.IsEmpty);
        Assert.False(stored.Spec.Containers[0].Resources.Requests.IsEmpty);
        Assert.Equal(PodCreate.Run(plain, on).Stored, stored);
    }

    [Fact]
    public void A_mark_beside_items_still_counts_as_a_mark()
    {
        var c = C() with { Ports = [new ContainerPort { Port = 80, Protocol = "TCP" }], PortsGivenEmpty = true };
        Assert.True(c.HasGivenEmptyListMark());
        Assert.False(C().HasGivenEmptyListMark());
        Assert.True((C() with { RestartPolicyRulesGivenEmpty = true }).HasGivenEmptyListMark());
    }
}
