using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// A field added in a later release is, at an earlier release, the strict decoder's unknown-field warning and
/// is dropped (SCHEMA-002). Examples from the checked-in data: emptyDir.mode (1.37, spec/api/1.37.json, absent
/// from 1.36.json) and containers[].restartPolicyRules (1.34, absent from 1.33.json).
/// </summary>
public sealed class ReleaseFieldTests
{
    private const string EmptyDirMode = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: c
            image: i
          volumes:
          - name: scratch
            emptyDir:
              mode: 0700
        """;

    private const string RestartRules = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: i
            restartPolicy: Never
            restartPolicyRules:
            - action: Restart
              exitCodes: {operator: In, values: [42]}
        """;

    [Fact]
    public void EmptyDir_mode_is_a_1_37_field()
    {
        var at37 = Read(EmptyDirMode, 37);
        var at36 = Read(EmptyDirMode, 36);

        Assert.Empty(Fixtures.Printed(at37));
        Assert.Equal(448, at37.Pods[0].Pod.Spec.Volumes[0].EmptyDir!.Mode);
        Assert.Equal(["pod.yaml:12:7: unknown field \"spec.volumes[0].emptyDir.mode\""], Fixtures.Printed(at36));
        Assert.Null(at36.Pods[0].Pod.Spec.Volumes[0].EmptyDir!.Mode);
    }

    [Fact]
    public void Container_restart_policy_rules_are_a_1_34_field()
    {
        var at34 = Read(RestartRules, 34);
        var at33 = Read(RestartRules, 33);

        Assert.Empty(Fixtures.Printed(at34));
        Assert.Single(at34.Pods[0].Pod.Spec.Containers[0].RestartPolicyRules);
        Assert.Equal(["pod.yaml:11:5: unknown field \"spec.containers[0].restartPolicyRules\""], Fixtures.Printed(at33));
        Assert.True(at33.Pods[0].Pod.Spec.Containers[0].RestartPolicyRules.IsEmpty);
    }

    [Fact]
    public void Default_release_is_the_newest()
    {
        Assert.Empty(Fixtures.Printed(PodManifestReader.ReadText(EmptyDirMode, "pod.yaml")));
    }

    private static ManifestReadResult Read(string text, int minor) =>
        PodManifestReader.ReadText(text, "pod.yaml", new KubernetesVersion(1, minor));
}
