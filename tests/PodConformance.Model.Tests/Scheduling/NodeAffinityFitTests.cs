using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Tests.Scheduling;

/// <summary>
/// SCHED-004, 015, 016 in a whole cycle: required node affinity, the PreFilterResult of matchFields metadata.name and
/// the PreFilter rejection, with the FitError and preemption texts (schedule_one.go findNodesThatFitPod and the fwk
/// FitError.Error, see spec/scheduling.md). The per-plugin upstream cases run as data in the Manifests tests.
/// </summary>
public sealed class NodeAffinityFitTests
{
    private static Pod Pinned(params string[][] termNames)
    {
        var terms = new List<NodeSelectorTerm>();
        foreach (var names in termNames)
        {
            var reqs = new List<NodeSelectorRequirement>();
            foreach (var n in names)
            {
                reqs.Add(new NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = ValueList.Of(n) });
            }

            terms.Add(new NodeSelectorTerm { MatchFields = reqs.ToValueList() });
        }

        return WithAffinity(new NodeSelector { NodeSelectorTerms = terms.ToValueList() });
    }

    private static Pod WithAffinity(NodeSelector required)
    {
        var pod = SchedulerFitTests.PodOf("100m", null);
        return pod with { Spec = pod.Spec with { Affinity = new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = required } } } };
    }

    private static Pod Expr(string key, string op, params string[] values) =>
        WithAffinity(new NodeSelector
        {
            NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = key, Operator = op, Values = values.ToValueList() }) }),
        });

    private static Node Labelled(string name, params (string, string)[] labels) =>
        SchedulerFitTests.NodeOf(name, "4", "8Gi") with { Labels = ValueMap.Of(labels) };

    [Fact]
    public void A_pod_pinned_to_a_full_node_reads_like_a_daemonset_pod_that_cannot_run()
    {
        var nodes = new[] { SchedulerFitTests.NodeOf("n1", "4", "8Gi", pods: "1"), SchedulerFitTests.NodeOf("n2", "4", "8Gi"), SchedulerFitTests.NodeOf("n3", "4", "8Gi") };
        var existing = SchedulerFitTests.PodOf("100m", null, nodeName: "n1");
        var r = SchedulerFit.Schedule(Pinned(["n1"]), nodes, [existing], Profile.Default);
        Assert.False(r.Scheduled);
        Assert.Equal("0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].", r.Message);
        Assert.Equal("0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.", r.EventMessage);
        Assert.Contains(SchedulingRules.PreFilterNodes, r.Rules);
    }

    [Fact]
    public void Only_the_named_nodes_are_tried_and_one_of_them_is_taken()
    {
        var nodes = new[] { Labelled("n1"), Labelled("n2"), Labelled("n3") };
        var r = SchedulerFit.Schedule(Pinned(["n3"], ["n2"]), nodes, null, Profile.Default);
        Assert.Equal("n2", r.NodeName);
        Assert.Equal(["n2", "n3"], r.FeasibleNodes);
    }

    [Fact]
    public void Conflicting_name_requirements_reject_every_node_in_PreFilter()
    {
        var r = SchedulerFit.Schedule(Pinned(["n1", "n2"]), [Labelled("n1"), Labelled("n2")], null, Profile.Default);
        Assert.False(r.Scheduled);
        Assert.Equal("0/2 nodes are available: pod affinity terms conflict.", r.Message);
        Assert.Equal("0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.", r.EventMessage);
        Assert.Contains(SchedulingRules.PreFilterRejection, r.Rules);
    }

    [Theory]
    [InlineData("Gt", "0204", "0206", true)]
    [InlineData("Gt", "206", "206", false)]
    [InlineData("Lt", "3", "-4", true)]
    [InlineData("Lt", "-3", "-4", false)] // every value must be a label value, so a signed one never parses
    [InlineData("Lt", "+10", "9", false)]
    [InlineData("Gt", "1", "v2", false)]
    [InlineData("Gt", "1.5", "3", false)]
    [InlineData("Gt", "9223372036854775807", "9223372036854775808", false)]
    public void Gt_and_Lt_compare_labels_as_go_int64(string op, string value, string label, bool fits)
    {
        var r = SchedulerFit.Schedule(Expr("kernel", op, value), [Labelled("n1", ("kernel", label))], null, Profile.Default);
        Assert.Equal(fits, r.Scheduled);
        if (!fits)
        {
            Assert.Equal("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.", r.Message);
        }
    }

    [Theory]
    [InlineData("In", new[] { "a" }, true)]
    [InlineData("In", new string[0], false)]
    [InlineData("NotIn", new[] { "b" }, true)]
    [InlineData("Exists", new string[0], true)]
    [InlineData("Exists", new[] { "a" }, false)]
    [InlineData("DoesNotExist", new string[0], false)]
    [InlineData("Equals", new[] { "a" }, false)]
    [InlineData("NotIn", new[] { "not a label value!" }, false)]
    public void A_term_that_does_not_parse_matches_no_node(string op, string[] values, bool fits)
    {
        var r = SchedulerFit.Schedule(Expr("k", op, values), [Labelled("n1", ("k", "a"))], null, Profile.Default);
        Assert.Equal(fits, r.Scheduled);
    }

    [Fact]
    public void An_affinity_without_terms_matches_no_node_and_nodeSelector_still_applies()
    {
        Assert.False(SchedulerFit.Schedule(WithAffinity(new NodeSelector()), [Labelled("n1")], null, Profile.Default).Scheduled);
        var pod = Expr("k", "Exists");
        pod = pod with { Spec = pod.Spec with { NodeSelector = ValueMap.Of(("zone", "a")) } };
        Assert.False(SchedulerFit.Schedule(pod, [Labelled("n1", ("k", "x"), ("zone", "b"))], null, Profile.Default).Scheduled);
        Assert.True(SchedulerFit.Schedule(pod, [Labelled("n1", ("k", "x"), ("zone", "a"))], null, Profile.Default).Scheduled);
    }
}
