namespace PodConformance.Model.Validation;

/// <summary>
/// Spec rule IDs of spec/validation.md. <see cref="PodValidator"/> stamps one of them on every
/// <see cref="FieldError"/> it produces (<see cref="FieldError.Rule"/>): the rule whose check produced the text.
/// Where a rule only routes to others (overhead, downwardAPI volume files) the error carries the inner check's ID.
/// </summary>
public static class ValidationRules
{
    /// <summary>How an error prints (FieldError.ToString); never stamped on an error.</summary>
    public const string ErrorText = "VAL-001";

    /// <summary>How a field path prints (FieldPath.ToString); never stamped on an error.</summary>
    public const string PathText = "VAL-002";

    public const string ObjectMeta = "VAL-003";

    public const string AtLeastOneContainer = "VAL-010";
    public const string ContainerName = "VAL-011";
    public const string ContainerNameDots = "VAL-012";
    public const string ContainerNameUnique = "VAL-013";
    public const string Image = "VAL-014";
    public const string ContainerPolicies = "VAL-015";
    public const string EphemeralContainers = "VAL-016";

    public const string PortName = "VAL-020";
    public const string PortNumbersAndProtocol = "VAL-021";
    public const string HostPortConflicts = "VAL-022";
    public const string HostNetworkPorts = "VAL-023";

    public const string ResourceNames = "VAL-030";
    public const string ResourceQuantities = "VAL-031";
    public const string RequestsWithinLimits = "VAL-032";
    public const string NonOvercommittable = "VAL-033";
    public const string HugePages = "VAL-034";
    public const string Overhead = "VAL-035";
    public const string PodLevelResources = "VAL-036";
    public const string PodLevelConsistency = "VAL-037";

    public const string PodPolicies = "VAL-040";
    public const string ContainerRestartPolicy = "VAL-041";
    public const string RegularContainerRestartPolicy = "VAL-042";
    public const string InitProbesAndLifecycle = "VAL-043";
    public const string ResizePolicy = "VAL-044";
    public const string ProbeAndHandlerFields = "VAL-045";

    public const string EnvName = "VAL-050";
    public const string EnvValueFrom = "VAL-051";
    public const string FieldRef = "VAL-052";
    public const string ResourceFieldRef = "VAL-053";
    public const string KeyRef = "VAL-054";
    public const string EnvFrom = "VAL-055";

    public const string VolumesAndMounts = "VAL-060";
    public const string DownwardApiVolumeFiles = "VAL-061";

    public const string PodSpecFields = "VAL-070";

    // Security and host settings (spec/validation.md "Security and host settings"): VAL-2xx.
    public const string SecurityIds = "VAL-200";

    /// <summary>How non-primitive bad values print (GoValueText, SecurityValueText); never stamped on an error.</summary>
    public const string SecurityValueText = "VAL-201";
    public const string ShareProcessNamespace = "VAL-202";
    public const string SysctlNames = "VAL-203";
    public const string SysctlHostNamespaces = "VAL-204";
    public const string FsGroupChangePolicy = "VAL-205";
    public const string SeccompField = "VAL-206";
    public const string WindowsOptions = "VAL-207";
    public const string AppArmorField = "VAL-208";
    public const string SupplementalGroupsPolicy = "VAL-209";
    public const string SELinuxChangePolicy = "VAL-210";
    public const string ContainerSecurityIds = "VAL-211";
    public const string ProcMount = "VAL-212";
    public const string PrivilegeEscalation = "VAL-213";
    public const string WindowsHostProcess = "VAL-214";
    public const string HostUsers = "VAL-215";
    public const string OsName = "VAL-216";
    public const string LinuxPod = "VAL-217";
    public const string WindowsPod = "VAL-218";
    public const string SeccompAnnotations = "VAL-219";
    public const string AppArmorAnnotations = "VAL-220";
    public const string SeccompAnnotationsMatchFields = "VAL-221";
    public const string AppArmorAnnotationsMatchFields = "VAL-222";
}
