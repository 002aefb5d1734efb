using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// The invalid variants of the <c>env[].valueFrom.fileKeyRef</c> source, joined to <see cref="PodMutations.All"/>: a bad
/// selector (VAL-056), and the source with EnvFiles off (ADM-091, <see cref="FileKeyRefWithoutEnvFiles"/>). The source
/// exists only with EnvFiles on (alpha 1.34, beta/on from 1.35): without it the create strategy drops the field
/// (ADM-091), so the VAL-056 variant applies where the gate is on. The pod gets the emptyDir volume the reference names, so only
/// validateFileKeySelector's checks fail: an empty key, a key that is no environment variable name (<c>=</c>), or a path
/// with a <c>..</c> segment.
/// </summary>
public static class FileKeyRefMutations
{
    private static readonly KubernetesVersion EnvFilesSince = new(1, 34);

    private static Pod WithFileKeyRef(Pod pod, string key, string volume, string path)
    {
        var volumes = pod.Spec.Volumes.Add(new Volume { Name = volume, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() });
        var env = new EnvVar { Name = "FROM_FILE", ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { Key = key, VolumeName = volume, Path = path } } };
        var first = pod.Spec.Containers[0];
        return pod with
        {
            Spec = pod.Spec with
            {
                Volumes = volumes,
                Containers = pod.Spec.Containers.SetItem(0, first with { Env = first.Env.Add(env) }),
            },
        };
    }

    /// <summary>VAL-056: <c>spec.containers[0].env[k].valueFrom.fileKeyRef.key: Required value</c> and its siblings.</summary>
    public static PodMutation BadFileKeyRef { get; } = new("bad-file-key-ref", ValidationRules.EnvFileKeyRef,
        pod => Gen.Elements(("", "env-files", "app.env"), ("A=B", "env-files", "app.env"), ("MODE", "env-files", "../app.env"))
            .Select(x => WithFileKeyRef(pod, x.Item1, x.Item2, x.Item3)),
        profile => profile.Version >= EnvFilesSince && profile.IsEnabled(FeatureGateNames.EnvFiles));

    /// <summary>
    /// ADM-091: a valid fileKeyRef (the one <see cref="FileKeyRefGen"/> gives with the gate on) where EnvFiles is registered
    /// and off — alpha and off by default at 1.34, or turned off by the case from 1.35 (beta, on, unlocked; the case's
    /// <see cref="PodMutation.GatesFor"/>). dropFileKeyRefInUse sets the source to nil and leaves the <c>valueFrom</c>, now
    /// with no source, so validation refuses it with VAL-051's four-source text (AllowEnvFilesValidation is the gate on a
    /// create): <c>spec.containers[0].env[k].valueFrom: Invalid value: "": must specify one of: `fieldRef`,
    /// `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`</c>. The emptyDir the source named stays, unused.
    /// </summary>
    public static PodMutation FileKeyRefWithoutEnvFiles { get; } = new("file-key-ref-without-env-files", AdmissionRules.DropFileKeyRef,
        pod => Gen.Elements(("MODE", "app.env"), ("LOG_LEVEL", "conf/app.env")).Select(x => WithFileKeyRef(pod, x.Item1, "env-files", x.Item2)),
        profile => profile.Version >= EnvFilesSince && (!profile.IsEnabled(FeatureGateNames.EnvFiles) || GateSwitch.Off(profile, FeatureGateNames.EnvFiles) is not null))
    {
        GatesFor = profile => profile.IsEnabled(FeatureGateNames.EnvFiles) ? GateSwitch.Off(profile, FeatureGateNames.EnvFiles) ?? ValueMap<bool>.Empty : ValueMap<bool>.Empty,
    };

    public static IReadOnlyList<PodMutation> All { get; } = [BadFileKeyRef, FileKeyRefWithoutEnvFiles];
}
