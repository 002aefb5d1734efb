using PodConformance.Manifests.Coverage;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Coverage;

/// <summary>ADM-099: every field a manifest sets that no model rule covers is named, cut at its first uncovered segment.</summary>
public class UncheckedFieldsTests
{
    private static IReadOnlyList<string> Of(string yaml)
    {
        var read = PodManifestReader.ReadText(yaml, "p.yaml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return [.. UncheckedFields.Of(read.Pods[0].Pod).Select(n => n.Field)];
    }

    [Fact]
    public void A_pod_with_only_checked_fields_has_nothing_unchecked()
    {
        Assert.Empty(Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: {app: a}}
            spec:
              securityContext: {runAsUser: 1000}
              tolerations: [{key: k, operator: Exists}]
              volumes: [{name: v, emptyDir: {}}]
              containers:
              - name: c
                image: nginx
                securityContext: {allowPrivilegeEscalation: false}
                resources: {limits: {cpu: 100m}}
            """));
    }

    [Fact]
    public void An_uncovered_field_is_listed_once_per_shape_at_its_first_uncovered_segment()
    {
        var found = Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, annotations: {controller.kubernetes.io/pod-deletion-cost: "5"}}
            spec:
              imagePullSecrets: [{name: regcred}]
              containers:
              - name: c
                image: nginx
                lifecycle: {postStart: {httpGet: {port: 80, host: a.example.com}}}
              - name: d
                image: nginx
                lifecycle: {postStart: {httpGet: {port: 81, host: b.example.com}}}
            """);
        Assert.Contains("metadata.annotations.controller.kubernetes.io/pod-deletion-cost", found);
        Assert.Contains("spec.imagePullSecrets[0]", found);
        Assert.Single(found, f => f.StartsWith("spec.containers[", StringComparison.Ordinal) && f.EndsWith("httpGet.host", StringComparison.Ordinal));
    }
}
