using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// Valid <c>env[].valueFrom.fileKeyRef</c> sources for the whole-API pods of the defaulting property, where EnvFiles is on
/// (alpha 1.34, on from 1.35): one container in six reads a key of an env file from an emptyDir volume the pod gets,
/// <c>optional</c> unset (DEF-020 defaults it to false), true or false. Without the gate the pod is left as it is: the
/// create strategy would drop the source (ADM-091).
/// </summary>
public static class FileKeyRefGen
{
    /// <summary>The volume added; a name the whole-API generator does not use (checked: a pod that has it is left alone).</summary>
    public const string Volume = "podconf-env-file";

    /// <summary><paramref name="pod"/>, or with EnvFiles on sometimes a fileKeyRef in its first container and the emptyDir it names.</summary>
    public static Gen<Pod> Sometimes(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.IsEnabled(FeatureGateNames.EnvFiles) || pod.Spec.Containers.IsEmpty || pod.Spec.Volumes.Any(v => v.Name == Volume))
        {
            return Gen.Constant(pod);
        }

        return from add in GenSequence.Chance(17)
               from optional in Gen.Elements<bool?>(null, null, true, false)
               from path in Gen.Elements("app.env", "conf/app.env")
               select add ? With(pod, optional, path) : pod;
    }

    private static Pod With(Pod pod, bool? optional, string path)
    {
        var first = pod.Spec.Containers[0];
        var env = new EnvVar { Name = "FROM_FILE", ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { VolumeName = Volume, Path = path, Key = "MODE", Optional = optional } } };
        return pod with
        {
            Spec = pod.Spec with
            {
                Volumes = pod.Spec.Volumes.Add(new Volume { Name = Volume, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }),
                Containers = pod.Spec.Containers.SetItem(0, first with { Env = first.Env.Add(env) }),
            },
        };
    }
}
