using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary>
/// MANI-054: kubectl maps a kind to its resource exactly (apimachinery pkg/api/meta errors.go NoKindMatchError, v0.33.0:
/// <c>no matches for kind "pod" in version "v1"</c>), so a kind podconf reads written in another case is refused, not
/// passed over as some other object.
/// </summary>
public class KindCaseTests
{
    [Theory]
    [InlineData("v1", "pod", "Pod")]
    [InlineData("apps/v1", "deployment", "Deployment")]
    [InlineData("batch/v1", "CRONJOB", "CronJob")]
    [InlineData("v1", "podlist", "PodList")]
    public void A_known_kind_in_another_case_is_an_error_at_the_kind(string apiVersion, string kind, string meant)
    {
        var result = PodManifestReader.ReadText($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: web}}\n", "k.yaml");

        Assert.Empty(result.Pods);
        Assert.Empty(result.OtherObjects);
        Assert.Equal([$"k.yaml:2:7: kind: no matches for kind \"{kind}\" in version \"{apiVersion}\" (kinds are case-sensitive: \"{meant}\")"], Fixtures.Printed(result));
    }

    [Fact]
    public void Other_kinds_are_other_objects()
    {
        var result = PodManifestReader.ReadText("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "k.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["Widget", "Service"], result.OtherObjects.Select(o => o.Kind));
    }
}
