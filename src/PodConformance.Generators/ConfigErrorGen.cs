using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Containers whose config the kubelet may fail to build (ENV-004/007/009, EXPAND-004): a valid, runnable pod whose
/// first container (or first init container, one case in four) reads ConfigMap <c>cfg</c> and Secret <c>creds</c>
/// through envFrom or key references (some optional, some naming a key that does not exist) and may mount a volume
/// with a subPathExpr over those variables. The scenario holds none, one or both objects, and half of the time a step
/// creates a missing one at 15 s, so a run shows CreateContainerConfigError, its retries, and the recovery.
/// </summary>
public static class ConfigErrorGen
{
    public const string ConfigMapName = "cfg";
    public const string SecretName = "creds";

    private static readonly ClusterObject Cfg = ClusterObject.ConfigMap("", ConfigMapName, ValueMap.Of(("mode", "prod"), ("empty", "")));
    private static readonly ClusterObject Creds = ClusterObject.Secret("", SecretName, ValueMap.Of(("password", "s3cret")));

    /// <summary>One way of reading the objects; several may be combined.</summary>
    public static Gen<EnvVar> Reference { get; } = Gen.Elements(
        new EnvVar { Name = "MODE", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = ConfigMapName, Key = "mode" } } },
        new EnvVar { Name = "LEVEL", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = ConfigMapName, Key = "level" } } },
        new EnvVar { Name = "LEVEL", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = ConfigMapName, Key = "level", Optional = true } } },
        new EnvVar { Name = "PASSWORD", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = SecretName, Key = "password" } } },
        new EnvVar { Name = "PASSWORD", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = SecretName, Key = "password", Optional = true } } },
        new EnvVar { Name = "EMPTY", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = ConfigMapName, Key = "empty", Optional = true } } });

    public static Gen<EnvFromSource> EnvFrom { get; } = Gen.Elements(
        new EnvFromSource { ConfigMapRef = new ObjectReference { Name = ConfigMapName } },
        new EnvFromSource { ConfigMapRef = new ObjectReference { Name = ConfigMapName, Optional = true } },
        new EnvFromSource { SecretRef = new ObjectReference { Name = SecretName }, Prefix = "S_" });

    /// <summary>subPathExprs over the variables above: defined, undefined (LEVEL may be), always missing, empty.</summary>
    public static IReadOnlyList<string> SubPathExprs { get; } = ["$(MODE)", "logs/$(LEVEL)", "$(UNSET)", "$(EMPTY)/x"];

    public static Gen<Container> Configured(Container c) =>
        from refs in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
        from env in GenSequence.Indexed(refs, _ => Reference)
        from hasEnvFrom in GenSequence.Chance(35)
        from envFrom in EnvFrom
        from hasSubPath in GenSequence.Chance(30)
        from subPath in Gen.Elements(SubPathExprs.ToArray())
        select c with
        {
            Env = env.DistinctBy(e => e.Name).ToValueList(),
            EnvFrom = hasEnvFrom ? ValueList.Of(envFrom) : default,
            VolumeMounts = hasSubPath ? ValueList.Of(new VolumeMount { Name = "data", MountPath = "/data", SubPathExpr = subPath }) : default,
        };

    public static Gen<ScenarioCase> Case { get; } =
        from pod in PodGen.Valid
        from inInit in GenSequence.Chance(25)
        from target in inInit && pod.Spec.InitContainers.Any(c => !c.IsSidecarPolicy)
            ? Configured(pod.Spec.InitContainers.First(c => !c.IsSidecarPolicy))
            : Configured(pod.Spec.Containers[0])
        from hasCfg in GenSequence.Bool
        from hasCreds in GenSequence.Bool
        from createLate in GenSequence.Bool
        select Build(pod, target, inInit && pod.Spec.InitContainers.Any(c => !c.IsSidecarPolicy), hasCfg, hasCreds, createLate);

    private static ScenarioCase Build(Pod pod, Container target, bool inInit, bool hasCfg, bool hasCreds, bool createLate)
    {
        var spec = pod.Spec with
        {
            Resources = null,
            InitContainers = pod.Spec.InitContainers.Select(Runnable).ToValueList(),
            Containers = pod.Spec.Containers.Select(Runnable).ToValueList(),
            Volumes = WithData(pod.Spec.Volumes, !target.VolumeMounts.IsEmpty),
        };
        spec = inInit
            ? spec with { InitContainers = spec.InitContainers.Select(c => c.Name == target.Name ? Runnable(target) : c).ToValueList() }
            : spec with { Containers = spec.Containers.SetItem(0, Runnable(target)) };
        var objects = new List<ClusterObject>();
        if (hasCfg)
        {
            objects.Add(Cfg);
        }

        if (hasCreds)
        {
            objects.Add(Creds);
        }

        var missing = !hasCfg ? Cfg : !hasCreds ? Creds : null;
        return new ScenarioCase(pod with { Spec = spec }, new Scenario
        {
            Until = TimeSpan.FromMinutes(1),
            Objects = objects.ToValueList(),
            Steps = createLate && missing is not null ? ValueList.Of(new ScenarioStep { At = TimeSpan.FromSeconds(15), Create = missing }) : default,
        });
    }

    /// <summary>
    /// The pod's own volumes stay (its other containers mount them); the subPathExpr target mounts "data", which becomes an
    /// emptyDir so the mount itself can never be what fails.
    /// </summary>
    private static ValueList<Volume> WithData(ValueList<Volume> volumes, bool needsData) =>
        !needsData
            ? volumes
            : volumes.Where(v => v.Name != "data")
                .Append(new Volume { Name = "data", SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() })
                .ToValueList();

    /// <summary>No resources and the defaulted pull policy: the container reaches its config step on the default node.</summary>
    private static Container Runnable(Container c) => c with { Resources = ResourceRequirements.Empty, ImagePullPolicy = "" };
}
