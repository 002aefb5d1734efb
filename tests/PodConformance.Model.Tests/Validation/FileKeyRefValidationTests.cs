using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// VAL-051 / VAL-056: the <c>fileKeyRef</c> env source. Expected texts from validateEnvVarValueFrom, validateFileKeySelector
/// and validateFileKeyRefVolumes in validation.go vendored by openshift-kni/scheduler-plugins at v1.34.1 (313dff1ce) and
/// v1.35.4 (4495d2058), identical in both; before session 11 the model ignored the source (a valid pod was refused with
/// "must specify one of" at 1.35, where EnvFiles is on by default).
/// </summary>
public class FileKeyRefValidationTests
{
    private static EnvVar FileEnv(string name, string volumeName, string path, string key) =>
        new() { Name = name, ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { VolumeName = volumeName, Path = path, Key = key, Optional = false } } };

    private static Volume EmptyDirVolume(string name) => new() { Name = name, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() };

    private static Pod WithVolumes(Pod pod, params Volume[] volumes) => pod.WithSpec(s => s with { Volumes = ValueList.Of(volumes) });

    [Fact]
    public void A_file_key_ref_to_an_emptydir_is_valid_at_1_35()
    {
        var pod = WithVolumes(Pod(Container().WithEnv(FileEnv("CONFIG", "cfg", "env.txt", "CONFIG"))), EmptyDirVolume("cfg"));
        Assert.Empty(Errors(pod, V(35)));
    }

    [Fact]
    public void Selector_fields_are_checked_and_the_volume_last()
    {
        var pod = Pod(Container().WithEnv(FileEnv("A", "Bad_Name", "a/../b", ""), FileEnv("B", "cfg", "", "1=2")));
        Assert.Equal(
        [
            "spec.containers[0].env[0].valueFrom.fileKeyRef.key: Required value",
            "spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: \"Bad_Name\": " + NameRules.Dns1123LabelRegexMessage,
            "spec.containers[0].env[0].valueFrom.fileKeyRef.path: Invalid value: \"a/../b\": must not contain '..'",
            "spec.containers[0].env[1].valueFrom.fileKeyRef.key: Invalid value: \"1=2\": " + NameRules.RelaxedEnvVarNameMessage,
            "spec.containers[0].env[1].valueFrom.fileKeyRef.path: Required value",
            "spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: \"Bad_Name\"",
            "spec.containers[0].env[1].valueFrom.fileKeyRef.volumeName: Not found: \"cfg\"",
        ], Errors(pod, V(35)));
    }

    [Fact]
    public void The_volume_must_be_an_emptydir_and_init_containers_come_first()
    {
        var secret = new Volume { Name = "sec", SourceKind = "secret", Secret = new ObjectReference { Name = "s" } };
        var pod = WithVolumes(
            Pod(Container().WithEnv(FileEnv("A", "sec", "x", "A"))).WithInit(Container("init").WithEnv(FileEnv("B", "gone", "x", "B"))),
            secret);
        Assert.Equal(
        [
            "spec.initContainers[0].env[0].valueFrom.fileKeyRef.volumeName: Not found: \"gone\"",
            "spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: \"sec\": referenced volume must be of type emptyDir",
        ], Errors(pod, V(35)));
    }

    [Fact]
    public void A_backstep_is_a_whole_segment()
    {
        var pod = WithVolumes(Pod(Container().WithEnv(FileEnv("A", "cfg", "..a/b..", "A"), FileEnv("B", "cfg", "x/..", "B"))), EmptyDirVolume("cfg"));
        Assert.Equal(["spec.containers[0].env[1].valueFrom.fileKeyRef.path: Invalid value: \"x/..\": must not contain '..'"], Errors(pod, V(35)));
    }

    [Fact]
    public void The_missing_source_text_names_file_key_ref_only_with_env_files_on()
    {
        var pod = Pod(Container().WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource() }));
        const string four = "spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
        const string five = "spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`";
        Assert.Equal([four], Errors(pod, V(33)));
        Assert.Equal([four], Errors(pod, V(34))); // EnvFiles alpha, off
        Assert.Equal([five], Errors(pod, V(35)));
    }
}
