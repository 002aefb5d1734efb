using System.Collections.Frozen;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Fields of the core/v1 Go structs (kubernetes/api core/v1/types.go, v1.34) that the model does not map.
/// They are accepted silently and listed as "not modelled"; anything in neither set is an unknown field,
/// which the API server reports as a warning and drops.
/// </summary>
internal static class NotModelledFields
{
    public static readonly FrozenSet<string> ObjectMeta = Set(
        "selfLink", "resourceVersion", "generation", "ownerReferences", "finalizers", "managedFields");

    public static readonly FrozenSet<string> PodSpec = Set(
        "serviceAccount", "automountServiceAccountToken", "hostPID", "hostIPC", "shareProcessNamespace",
        "securityContext", "imagePullSecrets", "affinity", "hostAliases", "dnsConfig",
        "runtimeClassName", "preemptionPolicy", "topologySpreadConstraints", "os",
        "hostUsers", "resourceClaims", "hostnameOverride", "workloadRef");

    public static readonly FrozenSet<string> Container = Set(
        "volumeDevices", "securityContext", "stdin", "stdinOnce", "tty");

    public static readonly FrozenSet<string> ResourceRequirements = Set("claims");

    public static readonly FrozenSet<string> EnvVarSource = Set("fileKeyRef");

    /// <summary>ProbeHandler / LifecycleHandler sub-fields and Lifecycle's stopSignal.</summary>
    public static readonly FrozenSet<string> HttpGet = Set("httpHeaders");

    public static readonly FrozenSet<string> TcpSocket = Set("host");

    public static readonly FrozenSet<string> Grpc = Set("service");

    public static readonly FrozenSet<string> Lifecycle = Set("stopSignal");

    public static readonly FrozenSet<string> KeyToPathVolume = Set("items", "defaultMode");

    public static readonly FrozenSet<string> DownwardApiVolume = Set("defaultMode");

    public static readonly FrozenSet<string> DownwardApiVolumeFile = Set("mode");

    /// <summary>VolumeSource members other than emptyDir, configMap, secret and downwardAPI.</summary>
    public static readonly FrozenSet<string> OtherVolumeSources = Set(
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs",
        "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile",
        "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume",
        "scaleIO", "storageos", "csi", "ephemeral", "image");

    public static readonly FrozenSet<string> PodStatus = Set(
        "observedGeneration", "resize", "resourceClaimStatuses", "extendedResourceClaimStatus");

    public static readonly FrozenSet<string> PodCondition = Set("observedGeneration");

    public static readonly FrozenSet<string> ContainerStatus = Set(
        "allocatedResources", "resources", "volumeMounts", "user", "allocatedResourcesStatus", "stopSignal");

    public static readonly FrozenSet<string> None = Set();

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
