using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Tests.Scheduling;

/// <summary>
/// SCHED-017 PodTopologySpread in whole cycles: skew against the global minimum, the missing-label reason, minDomains,
/// the node inclusion policies and the selector forms (podtopologyspread/filtering.go and common.go, see
/// spec/scheduling.md). Existing pods are labelled app=web in namespace default unless a test says otherwise.
/// </summary>
public sealed class TopologySpreadFitTests
{
    private const string Zone = "topology.kubernetes.io/zone";

    private static Node ZoneNode(string name, string? zone, params (string, string)[] more)
    {
        var labels = new List<(string, string)>(more);
        if (zone is not null)
        {
            labels.Add((Zone, zone));
        }

        return SchedulerFitTests.NodeOf(name, "4", "8Gi") with { Labels = ValueMap.Of(labels.ToArray()) };
    }

    private static Pod Web(string nodeName = "", string ns = "default", string app = "web") =>
        SchedulerFitTests.PodOf("100m", null, nodeName) with { Metadata = new ObjectMeta { Name = "w-" + nodeName, Namespace = ns, Labels = ValueMap.Of(("app", app)) } };

    private static Pod Spread(int maxSkew, LabelSelector? selector, int? minDomains = null, string? affinityPolicy = null, string? taintsPolicy = null, string when = "DoNotSchedule")
    {
        var pod = Web();
        return pod with
        {
            Spec = pod.Spec with
            {
                TopologySpreadConstraints = ValueList.Of(new TopologySpreadConstraint
                {
                    MaxSkew = maxSkew,
                    TopologyKey = Zone,
                    WhenUnsatisfiable = when,
                    LabelSelector = selector,
                    MinDomains = minDomains,
                    NodeAffinityPolicy = affinityPolicy,
                    NodeTaintsPolicy = taintsPolicy,
                }),
            },
        };
    }

    private static readonly LabelSelector AppWeb = new() { MatchLabels = ValueMap.Of(("app", "web")) };

    private static FitResult Run(Pod pod, Node[] nodes, params Pod[] existing) => SchedulerFit.Schedule(pod, nodes, existing, Profile.Default);

    [Fact]
    public void The_pod_goes_to_the_zone_that_keeps_the_skew_within_maxSkew()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b"), ZoneNode("c1", "c") };
        var r = Run(Spread(1, AppWeb), nodes, Web("a1"), Web("a1"), Web("b1"));
        Assert.Equal("c1", r.NodeName);
        Assert.Equal(["c1"], r.FeasibleNodes);
        Assert.Equal(2, r.Rejections.Count);
        Assert.All(r.Rejections, x => Assert.False(x.Unresolvable));
    }

    [Fact]
    public void A_node_without_the_topology_label_is_unresolvable_and_the_skew_is_unschedulable()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b"), ZoneNode("x1", null) };
        // With a valid maxSkew (at least 1) the least-loaded domain always fits; minDomains above the domain count makes the minimum 0.
        var r = Run(Spread(1, AppWeb, minDomains: 3), nodes, Web("a1"), Web("b1"));
        Assert.False(r.Scheduled);
        Assert.Equal("0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), 2 node(s) didn't match pod topology spread constraints.", r.Message);
        Assert.Equal("preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.", r.PreemptionMessage);
    }

    [Fact]
    public void Fewer_domains_than_minDomains_make_the_global_minimum_zero()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b") };
        var existing = new[] { Web("a1"), Web("b1") };
        Assert.True(Run(Spread(1, AppWeb, minDomains: 2), nodes, existing).Scheduled);
        Assert.False(Run(Spread(1, AppWeb, minDomains: 3), nodes, existing).Scheduled);
    }

    [Fact]
    public void A_node_the_pods_selector_excludes_is_no_domain_unless_the_affinity_policy_is_Ignore()
    {
        // Zone c would hold the minimum (0) but its node lacks the pod's nodeSelector label.
        var nodes = new[] { ZoneNode("a1", "a", ("disk", "ssd")), ZoneNode("c1", "c") };
        var pod = Spread(1, AppWeb);
        pod = pod with { Spec = pod.Spec with { NodeSelector = ValueMap.Of(("disk", "ssd")) } };
        Assert.Equal("a1", Run(pod, nodes, Web("a1")).NodeName);
        var ignore = Spread(1, AppWeb, affinityPolicy: "Ignore");
        ignore = ignore with { Spec = ignore.Spec with { NodeSelector = ValueMap.Of(("disk", "ssd")) } };
        var r = Run(ignore, nodes, Web("a1"));
        Assert.Equal("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't match pod topology spread constraints.", r.Message);
    }

    [Fact]
    public void A_tainted_node_counts_unless_the_taints_policy_is_Honor()
    {
        var tainted = ZoneNode("c1", "c") with { Taints = ValueList.Of(new Taint { Key = "k", Effect = "NoSchedule" }) };
        var nodes = new[] { ZoneNode("a1", "a"), tainted };
        Assert.False(Run(Spread(1, AppWeb), nodes, Web("a1")).Scheduled);
        Assert.Equal("a1", Run(Spread(1, AppWeb, taintsPolicy: "Honor"), nodes, Web("a1")).NodeName);
    }

    [Fact]
    public void Only_matching_running_pods_of_the_same_namespace_count()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b") };
        var deleting = Web("a1") with { Metadata = Web("a1").Metadata with { DeletionTimestamp = DateTimeOffset.UnixEpoch } };
        // Counted, the three pods on a1 would make zone a 3 and send the pod to b1.
        Assert.Equal("a1", Run(Spread(1, AppWeb), nodes, Web("a1", ns: "other"), Web("a1", app: "db"), deleting, Web("b1")).NodeName);
    }

    [Fact]
    public void Absent_and_empty_selectors_and_ScheduleAnyway_never_reject()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b") };
        var existing = new[] { Web("a1"), Web("a1"), Web("a1") };
        Assert.Equal("a1", Run(Spread(1, null), nodes, existing).NodeName);
        Assert.Equal("a1", Run(Spread(1, new LabelSelector()), nodes, existing).NodeName);
        Assert.Equal("a1", Run(Spread(1, AppWeb, when: "ScheduleAnyway"), nodes, existing).NodeName);
        Assert.Equal("b1", Run(Spread(1, AppWeb), nodes, existing).NodeName);
    }

    [Fact]
    public void MatchLabelKeys_narrow_the_selector_to_the_pods_own_values()
    {
        var nodes = new[] { ZoneNode("a1", "a"), ZoneNode("b1", "b") };
        var pod = Spread(1, new LabelSelector { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = "Exists" }) });
        pod = pod with { Spec = pod.Spec with { TopologySpreadConstraints = ValueList.Of(pod.Spec.TopologySpreadConstraints[0] with { MatchLabelKeys = ValueList.Of("app") }) } };
        // Two app=db pods in zone a do not count for an app=web pod once matchLabelKeys adds app=web.
        Assert.Equal("a1", Run(pod, nodes, Web("a1", app: "db"), Web("a1", app: "db")).NodeName);
        var off = Profile.Default with { Overrides = ValueMap.Of(("MatchLabelKeysInPodTopologySpread", false)) };
        Assert.Equal("b1", SchedulerFit.Schedule(pod, nodes, [Web("a1", app: "db"), Web("a1", app: "db")], off).NodeName);
    }
}
