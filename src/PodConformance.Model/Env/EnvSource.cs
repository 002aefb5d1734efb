namespace PodConformance.Model.ContainerEnv;

/// <summary>Where a resolved variable's value came from; drives masking.</summary>
public enum EnvSource
{
    /// <summary><c>env[].value</c> (expanded), or neither value nor valueFrom (empty string).</summary>
    Value,

    /// <summary><c>envFrom[].configMapRef</c> or <c>valueFrom.configMapKeyRef</c>.</summary>
    ConfigMap,

    /// <summary><c>envFrom[].secretRef</c> or <c>valueFrom.secretKeyRef</c>.</summary>
    Secret,

    /// <summary><c>valueFrom.fieldRef</c>.</summary>
    FieldRef,

    /// <summary><c>valueFrom.resourceFieldRef</c>.</summary>
    ResourceFieldRef,

    /// <summary><c>valueFrom.fileKeyRef</c>: a key of an env file in an emptyDir volume (ENV-016).</summary>
    File,

    /// <summary>A Service link variable added by the kubelet.</summary>
    Service,

    /// <summary>Added by the container runtime, not the kubelet (HOSTNAME, ENV-014).</summary>
    Runtime,
}
