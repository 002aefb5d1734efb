using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>
/// ADM-019 per release: an <c>--objects</c> object is decoded with the structs of the release checked against
/// (spec/api/objects/1.NN.json), so a field added in a later release is the unknown-field warning before it. Facts, from
/// kubernetes/api core/v1/types.go: <c>LoadBalancerIngress.ipMode</c> is absent at <c>v0.28.15</c> (efcef04c) and present
/// at <c>v0.29.15</c> (1f222140); <c>ServiceSpec.trafficDistribution</c> is absent at <c>v0.29.15</c> and present at
/// <c>v0.30.14</c> (e619809a). No other json field name of the eight kinds (or of a struct they reach) differs between
/// 1.28 and 1.37 (the diff of the ten data files; what else differs is enum values and markers, which decoding does not
/// read: IPFamily's "" 1.29, ResourceQuotaScope VolumeAttributesClass 1.33, TolerationOperator Lt/Gt 1.35).
/// </summary>
public class ObjectDecodingReleaseTests
{
    private static List<ManifestDiagnostic> Read(string text, KubernetesVersion version)
    {
        var objects = PodManifestReader.ReadText(text, "o.yaml").OtherObjects;
        var (_, admission) = AdmissionObjectMapper.Map(objects, version);
        return [.. admission, .. EnvObjectMapper.Map(objects, version).Diagnostics];
    }

    public static TheoryData<int> Minors => [.. Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1)];

    private const string IpMode = "kind: Service\napiVersion: v1\nmetadata: {name: s}\nstatus: {loadBalancer: {ingress: [{ip: 1.2.3.4, ipMode: VIP}]}}\n";

    private const string TrafficDistribution = "kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec: {trafficDistribution: PreferClose}\n";

    /// <summary>Service <c>status.loadBalancer.ingress[].ipMode</c>: unknown at 1.28 (warning, Service still read), a field from 1.29.</summary>
    [Theory]
    [MemberData(nameof(Minors))]
    public void Service_ipMode_is_unknown_before_1_29(int minor)
    {
        var diagnostics = Read(IpMode, new KubernetesVersion(1, minor));

        if (minor < 29)
        {
            var d = Assert.Single(diagnostics);
            Assert.False(d.IsError);
            Assert.Equal("o.yaml:4:49: unknown field \"status.loadBalancer.ingress[0].ipMode\"", d.ToString());
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    /// <summary>Service <c>spec.trafficDistribution</c>: unknown at 1.28 and 1.29, a field from 1.30.</summary>
    [Theory]
    [MemberData(nameof(Minors))]
    public void Service_trafficDistribution_is_unknown_before_1_30(int minor)
    {
        var diagnostics = Read(TrafficDistribution, new KubernetesVersion(1, minor));

        if (minor < 30)
        {
            Assert.Equal(["o.yaml:4:8: unknown field \"spec.trafficDistribution\""], diagnostics.Select(d => d.ToString()));
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    /// <summary>Without a release the mappers decode as the newest does (the overloads the tests of the other files use).</summary>
    [Fact]
    public void Without_a_release_the_newest_structs_decode()
    {
        var objects = PodManifestReader.ReadText(TrafficDistribution, "o.yaml").OtherObjects;

        Assert.Empty(EnvObjectMapper.Map(objects).Diagnostics);
        Assert.NotEmpty(EnvObjectMapper.Map(objects, new KubernetesVersion(1, 29)).Diagnostics);
    }

    /// <summary>A scenario's objects are decoded with the release the scenario is read for, as <c>--objects</c> are.</summary>
    [Fact]
    public void A_scenarios_objects_are_decoded_with_its_release()
    {
        const string scenario = "objects:\n- kind: Service\n  apiVersion: v1\n  metadata: {name: s}\n  spec: {trafficDistribution: PreferClose}\n";

        var old = ScenarioReader.ReadText(scenario, "s.yaml", new KubernetesVersion(1, 29));
        var current = ScenarioReader.ReadText(scenario, "s.yaml", new KubernetesVersion(1, 30));

        Assert.Equal(["s.yaml:5:10: objects[0]: unknown field \"spec.trafficDistribution\""], old.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(current.Diagnostics);
    }

    /// <summary>
    /// The loaded per-release structs differ by exactly the fields the summary names: for every struct of every release,
    /// the json names it has that the previous release's same struct lacks (and none removed). Pins the data: a
    /// regeneration that moved a field, or a loader that read one release's file for another, fails here.
    /// </summary>
    [Fact]
    public void The_releases_differ_only_by_ipMode_and_trafficDistribution()
    {
        var changes = new List<string>();
        for (int minor = KubernetesVersion.Oldest.Minor + 1; minor <= KubernetesVersion.Newest.Minor; minor++)
        {
            var before = ApiSchema.ObjectsFor(new KubernetesVersion(1, minor - 1));
            var after = ApiSchema.ObjectsFor(new KubernetesVersion(1, minor));
            Assert.Equal(new KubernetesVersion(1, minor), after.Version);
            foreach (var t in after.Types.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var old = before.Types.FirstOrDefault(o => o.Name == t.Name);
                changes.AddRange(t.Order.Where(f => old is null || old.Field(f) is null).Select(f => "1." + minor + " +" + t.Name + "." + f));
            }

            foreach (var t in before.Types.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var next = after.Types.FirstOrDefault(n => n.Name == t.Name);
                changes.AddRange(t.Order.Where(f => next is null || next.Field(f) is null).Select(f => "1." + minor + " -" + t.Name + "." + f));
            }
        }

        Assert.Equal(["1.29 +LoadBalancerIngress.ipMode", "1.30 +ServiceSpec.trafficDistribution"], changes);
    }

    /// <summary>
    /// Each release's object structs are read at the commits of that release's Pod schema: the meta/v1 and core/v1 structs
    /// both reach (ObjectMeta, ObjectReference, LocalObjectReference, Toleration…) have the same fields in the same order.
    /// </summary>
    [Theory]
    [MemberData(nameof(Minors))]
    public void Shared_structs_match_the_pod_schema_of_the_release(int minor)
    {
        var version = new KubernetesVersion(1, minor);
        var objects = ApiSchema.ObjectsFor(version);
        var pod = ApiSchema.For(version);
        var podTypes = pod.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

        Assert.Equal(pod.Commit, objects.Commit);
        Assert.Equal(pod.Tag, objects.Tag);
        int shared = 0;
        foreach (var t in objects.Types)
        {
            if (podTypes.TryGetValue(t.Name, out var p))
            {
                Assert.Equal(p.Order.ToArray(), t.Order.ToArray());
                shared++;
            }
        }

        Assert.True(shared >= 5, "shared structs: " + shared);
    }
}
