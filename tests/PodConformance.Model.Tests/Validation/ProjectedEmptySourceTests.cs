using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// VAL-626: a projected source item that sets no source at all is not an error. validateProjectionSources counts the
/// sources an item sets and reports only <c>numSources &gt; 1</c> (Forbidden at <c>sources[i]</c>); there is no
/// <c>numSources == 0</c> branch, and validateProjectedVolumeSource adds only the defaultMode check. Read in validation.go
/// vendored by openshift-kni/scheduler-plugins at v1.32.5 (<c>0aead6551</c>, blob <c>694896ee75</c>, the check at line
/// 1242), v1.33.3 (<c>0c967825a</c>, blob <c>71233f5074</c>, line 1251), v1.34.1 (<c>313dff1ce</c>, blob
/// <c>c9ea96aae3</c>, line 1316) and v1.35.4 (<c>4495d2058</c>, blob <c>213f4d7b7d</c>, line 1363). Such an item arises
/// when the only source it had is removed before validation: at 1.33 <c>podCertificate</c> is not in the API (an unknown
/// field, SCHEMA-002), from 1.34 with PodCertificateRequest off the create strategy drops it (DEF-409), and likewise
/// <c>clusterTrustBundle</c> with ClusterTrustBundleProjection off. No upstream test pins the empty item; the cases are
/// written from the source.
/// </summary>
public class ProjectedEmptySourceTests
{
    private const string Certificate = "podCertificate: {signerName: example.com/s, keyType: ED25519, credentialBundlePath: b}";

    private static Profile At(int minor, params (string Gate, bool On)[] gates) => new(new KubernetesVersion(1, minor), ValueMap.Of(gates));

    private static (PodCreateResult Created, ManifestReadResult Read) Create(string sourceItems, Profile profile)
    {
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n  volumes:\n  - name: v\n    projected:\n      sources:\n" + sourceItems;
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        return (PodCreate.Run(Assert.Single(read.Pods).Pod, profile), read);
    }

    public static TheoryData<string, int, bool, string> EmptiedItems() => new()
    {
        // What was written, the release, PodCertificateRequest's value there, the warning the reader gives (none: "").
        { "      - " + Certificate + "\n", 33, false, "test:13:9: unknown field \"spec.volumes[0].projected.sources[0].podCertificate\"" },
        { "      - " + Certificate + "\n", 34, false, "" },
        { "      - " + Certificate + "\n", 35, false, "" },
        { "      - {}\n", 32, false, "" },
        { "      - {}\n", 33, false, "" },
        { "      - {}\n", 37, true, "" },
    };

    [Theory]
    [MemberData(nameof(EmptiedItems))]
    public void An_item_with_no_source_left_is_accepted_as_it_is(string items, int minor, bool gate, string warning)
    {
        // PodCertificateRequest exists from 1.34; before, the profile names no gate.
        var (created, read) = Create(items, minor >= 34 ? At(minor, (FeatureGateNames.PodCertificateRequest, gate)) : At(minor));

        Assert.Equal(warning.Length == 0 ? [] : [warning], read.Diagnostics.Select(d => d.ToString()));
        Assert.True(created.Accepted, created.Rejection?.Message);
        Assert.Empty(created.Validation.Errors);
        // Volume 0 is the pod's own (the ServiceAccount plugin appends kube-api-access-…).
        var source = Assert.Single(created.Stored.Spec.Volumes[0].Projected!.Sources);
        Assert.Null(source.PodCertificate);
        Assert.Null(source.ConfigMap);
    }

    /// <summary>ClusterTrustBundleProjection off (beta, off by default at 1.33): the bundle is dropped and its item stays, empty and accepted.</summary>
    [Fact]
    public void An_item_emptied_by_dropping_a_cluster_trust_bundle_is_accepted()
    {
        var (created, _) = Create("      - clusterTrustBundle: {signerName: example.com/s, path: p}\n", At(33, (FeatureGateNames.ClusterTrustBundleProjection, false)));

        Assert.Empty(created.Validation.Errors);
        Assert.Null(Assert.Single(created.Stored.Spec.Volumes[0].Projected!.Sources).ClusterTrustBundle);
    }

    /// <summary>The same loop's one per-item check, beside an empty item: only the item with two sources is refused.</summary>
    [Theory]
    [InlineData(33)]
    [InlineData(35)]
    public void Only_an_item_with_more_than_one_source_is_refused(int minor)
    {
        var (created, _) = Create("      - {}\n      - {configMap: {name: a}, secret: {name: b}}\n      - " + Certificate + "\n", minor >= 34 ? At(minor, (FeatureGateNames.PodCertificateRequest, false)) : At(minor));

        Assert.Equal(["spec.volumes[0].projected.sources[1]: Forbidden: may not specify more than 1 volume type per source"], created.Validation.Errors.Select(e => e.ToString()));
    }
}
