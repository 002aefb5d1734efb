using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// TestFilter of the scheduler's NodeDeclaredFeatures plugin in its 1.35 form and its 1.37 form (both as data): the PreFilter state upstream writes by hand (<c>preFilterReqs</c>, made-up features FeatureA..C) is
/// set as the scheduling pod's required features, then the model's Filter runs on the case's node under a profile of
/// that release (SCHED-018: the reason with the missing names in 1.35, one fixed reason in 1.37).
/// </summary>
public class NodeDeclaredFeaturesUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["node", "preFilterReqs", "want"];

    [Theory]
    [InlineData("scheduler/node_declared_features_test_135.yaml", "1.35")]
    [InlineData("scheduler/node_declared_features_test_137.yaml", "1.37")]
    public void Filter_matches_upstream(string file, string release)
    {
        var table = UpstreamTable.Load(file, CaseKeys);
        Assert.Equal(5, table.Cases.Count);
        Assert.Equal(["plugin disabled", "Error getting pre-filter state"], table.Pending);
        Assert.True(KubernetesVersion.TryParse(release, out var version, out _));
        var profile = new Profile(version, ValueMap.Of((FeatureGateNames.NodeDeclaredFeatures, true)));
        var plugin = Assert.IsType<NodeDeclaredFeaturesPlugin>(DefaultFilters.Find(table.Plugin));
        var failures = new StringBuilder();
        foreach (var c in table.Cases)
        {
            var pod = SchedulingPod.For(new Pod(), profile);
            pod.RequiredFeatures = c.Strings("preFilterReqs").ToValueList();
            string got = Describe(plugin.Filter(pod, new NodeInfo(c.Node())));
            string want = c.Map("want") is { } w
                ? w.GetString("code") + " " + string.Join("|", ((Nodes.ManifestSequence)w.Get("reasons")!).Items.Select(i => ((Nodes.ManifestScalar)i).Value))
                : "Success";
            if (got != want)
            {
                failures.Append(c.Name).Append(": got ").Append(got).Append(", want ").Append(want).Append('\n');
            }
        }

        Assert.True(failures.Length == 0, table.Source + "@" + table.Commit + " " + table.Function + ":\n" + failures);
    }

    private static string Describe(FilterStatus? status) => status is null ? "Success" : status.Code + " " + string.Join("|", status.Reasons);
}
