using System.Text;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// PodTopologySpread's own filter tables as data (Fixtures/upstream/scheduler/pod_topology_spread_filtering_test.yaml:
/// TestSingleConstraint and TestMultipleConstraints, with their source and commit): PreFilter over all the case's nodes
/// holding its existing pods, then Filter on each node, compared with upstream's status code per node (SCHED-017).
/// </summary>
public class TopologySpreadUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["pod", "nodes", "existingPods", "want"];

    [Fact]
    public void Filter_matches_upstream_codes_on_every_node()
    {
        var table = UpstreamTable.Load("scheduler/pod_topology_spread_filtering_test.yaml", CaseKeys);
        Assert.Equal(36, table.Cases.Count);
        var plugin = PodTopologySpreadPlugin.Instance;
        var failures = new StringBuilder();
        int checkedNodes = 0;
        foreach (var c in table.Cases)
        {
            var pod = SchedulingPod.For(c.Pod(), Profile.Default);
            var nodes = c.Nodes("nodes").Select(n => new NodeInfo(n)).ToList();
            foreach (var existing in c.Pods("existingPods"))
            {
                nodes.Single(n => n.Node.Name == existing.Spec.NodeName).AddPod(existing, pod.PodLevelResources);
            }

            pod.AllNodes = nodes;
            var want = c.Map("want") ?? throw new InvalidOperationException(c.Name + ": no want");
            Assert.Equal(nodes.Count, want.Entries.Length);
            var pre = plugin.PreFilter(pod);
            Assert.True(pre is null || pre.Code == FilterCode.Skip, c.Name + ": PreFilter " + pre?.Code);
            foreach (var node in nodes)
            {
                checkedNodes++;
                var status = pre is { Code: FilterCode.Skip } ? null : plugin.Filter(pod, node);
                string got = status is null ? "Success" : status.Code.ToString();
                string expected = want.GetString(node.Node.Name);
                if (got != expected)
                {
                    failures.Append(c.Name).Append(" [").Append(node.Node.Name).Append("]: got ").Append(got).Append(", want ").Append(expected).Append('\n');
                }
            }
        }

        Assert.True(checkedNodes > table.Cases.Count);
        Assert.True(failures.Length == 0, table.Source + "@" + table.Commit + ":\n" + failures);
    }
}
