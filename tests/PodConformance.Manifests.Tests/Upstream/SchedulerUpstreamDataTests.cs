using System.Text;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// The scheduler's own filter tests, as data (Fixtures/upstream/scheduler, each file naming its source and commit),
/// run against the model's plugin of the same name: PreFilter (its status and PreFilterResult node names), then, unless
/// PreFilter skipped the plugin (the framework never runs a skipped Filter), Filter on the case's node holding the case's
/// existing pods, compared with the upstream status code and reasons (SCHED-002…005, 010, 011, 013, 015, 016).
/// </summary>
public class SchedulerUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["pod", "node", "existingPods", "want", "wantPreFilter", "wantPreFilterNodes", "runPreFilter"];

    [Theory]
    [InlineData("scheduler/node_name_test.yaml", 3)]
    [InlineData("scheduler/node_unschedulable_test.yaml", 3)]
    [InlineData("scheduler/taint_toleration_test.yaml", 9)]
    [InlineData("scheduler/node_affinity_test.yaml", 28)]
    [InlineData("scheduler/node_ports_test.yaml", 13)]
    public void Filter_plugin_matches_upstream(string file, int cases)
    {
        var table = UpstreamTable.Load(file, CaseKeys);
        Assert.Equal(cases, table.Cases.Count);
        var plugin = DefaultFilters.Find(table.Plugin) ?? throw new InvalidOperationException("no model plugin " + table.Plugin);
        var failures = new StringBuilder();
        foreach (var c in table.Cases)
        {
            var pod = SchedulingPod.For(c.Pod(), Profile.Default);
            var node = new NodeInfo(c.Node());
            foreach (var existing in c.Pods("existingPods"))
            {
                node.AddPod(existing, pod.PodLevelResources);
            }

            pod.AllNodes = [node];
            if (c.Text("runPreFilter") != "false")
            {
                var pre = plugin.PreFilter(pod);
                string gotPre = pre is null ? "Success" : Describe(pre);
                string wantPre = WantPreFilter(c);
                if (gotPre != wantPre)
                {
                    failures.Append(c.Name).Append(": PreFilter ").Append(gotPre).Append(", want ").Append(wantPre).Append('\n');
                }

                string gotNodes = plugin.PreFilterNodeNames(pod) is { } names ? string.Join(",", names.Order(StringComparer.Ordinal)) : "all";
                string wantNodes = c.Has("wantPreFilterNodes") ? string.Join(",", c.Strings("wantPreFilterNodes")) : "all";
                if (gotNodes != wantNodes)
                {
                    failures.Append(c.Name).Append(": PreFilterResult ").Append(gotNodes).Append(", want ").Append(wantNodes).Append('\n');
                }

                if (pre is { Code: FilterCode.Skip })
                {
                    continue;
                }
            }

            string got = Describe(plugin.Filter(pod, node));
            string want = Want(c);
            if (got != want)
            {
                failures.Append(c.Name).Append(": got ").Append(got).Append(", want ").Append(want).Append('\n');
            }
        }

        Assert.True(failures.Length == 0, table.Source + "@" + table.Commit + " " + table.Function + ":\n" + failures);
    }

    [Fact]
    public void Scheduling_gates_pre_enqueue_matches_upstream()
    {
        var table = UpstreamTable.Load("scheduler/scheduling_gates_test.yaml", CaseKeys);
        Assert.Equal(2, table.Cases.Count);
        foreach (var c in table.Cases)
        {
            Assert.Equal(Want(c), Describe(SchedulingGatesPlugin.PreEnqueue(c.Pod().Spec)));
        }
    }

    [Fact]
    public void Gated_pod_condition_at_create_matches_upstream()
    {
        var table = UpstreamTable.Load("apiserver/strategy_test.yaml", "pod", "want");
        Assert.Equal(2, table.Cases.Count);
        var now = new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);
        foreach (var c in table.Cases)
        {
            var condition = SchedulingGatesPlugin.GatedCondition(c.Pod(), now);
            if (c.Map("want") is not { } want)
            {
                Assert.Null(condition);
                continue;
            }

            Assert.NotNull(condition);
            Assert.Equal(want.GetString("type"), condition.Type);
            Assert.Equal(want.GetString("status"), condition.Status);
            Assert.Equal(want.GetString("reason"), condition.Reason);
            Assert.Equal(want.GetString("message"), condition.Message);
        }
    }

    [Fact]
    public void Added_affinity_cases_are_listed_by_name()
    {
        // Scheduler-configured added affinity is not modelled: those cases are named, so the table says exactly what is not run.
        var table = UpstreamTable.Load("scheduler/node_affinity_test.yaml", CaseKeys);
        Assert.Equal(3, table.Pending.Count);
        Assert.Empty(table.Pending.Intersect(table.Cases.Select(c => c.Name)));
    }

    private static string Want(UpstreamTableCase c) => c.Map("want") is { } want
        ? want.GetString("code") + " " + string.Join("|", ((Nodes.ManifestSequence)want.Get("reasons")!).Items.Select(i => ((Nodes.ManifestScalar)i).Value))
        : "Success";

    /// <summary>wantPreFilter as a scalar code (<c>Skip</c>) or a map with code and reasons; absent means success.</summary>
    private static string WantPreFilter(UpstreamTableCase c) => c.Map("wantPreFilter") is { } map
        ? map.GetString("code") + " " + (map.Get("reasons") is Nodes.ManifestSequence seq ? string.Join("|", seq.Items.Select(i => ((Nodes.ManifestScalar)i).Value)) : "")
        : c.Text("wantPreFilter") is { Length: > 0 } code ? code + " " : "Success";

    private static string Describe(FilterStatus? status) => status is null ? "Success" : status.Code + " " + string.Join("|", status.Reasons);
}
