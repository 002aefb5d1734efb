namespace PodConformance.Model.Defaulting;

/// <summary>Spec rule IDs of spec/defaulting.md.</summary>
public static class DefaultingRules
{
    public const string RequestsFromLimits = "DEF-001";
    public const string PodHugePageLimits = "DEF-002";
    public const string PodRequests = "DEF-003";
    public const string PodLimits = "DEF-004";
    public const string EnableServiceLinks = "DEF-005";
    public const string HostNetworkPorts = "DEF-006";
    public const string DnsPolicy = "DEF-007";
    public const string RestartPolicy = "DEF-008";
    public const string TerminationGracePeriod = "DEF-009";
    public const string SchedulerName = "DEF-010";
    public const string VolumeEmptyDir = "DEF-011";
    public const string ImagePullPolicy = "DEF-012";
    public const string TerminationMessagePath = "DEF-013";
    public const string TerminationMessagePolicy = "DEF-014";
    public const string PortProtocol = "DEF-015";
    public const string FieldRefApiVersion = "DEF-016";
    public const string RoundUpToMilli = "DEF-017";
    public const string ProbeDefaults = "DEF-018";
    public const string HttpGetDefaults = "DEF-019";
    public const string FileKeyRefOptional = "DEF-020";
    public const string HttpGetProtocol = "DEF-021";
    public const string PodLevelFixDefaulting = "DEF-022";
    public const string InitContainerAnnotations = "DEF-023";
    public const string GrpcService = "DEF-024";
    public const string ServiceAccountAlias = "DEF-025";
    public const string ResizePolicy = "DEF-026";
    public const string NegativeGracePeriod = "DEF-027";

    // Security and host settings: DEF-2xx (spec/defaulting.md).
    public const string PodSecurityContext = "DEF-200";
    public const string DropDisabledSecurityFields = "DEF-201";
    public const string AppArmorAnnotationToField = "DEF-205";
    public const string AppArmorFieldToAnnotation = "DEF-206";

    // The create strategy's changes to scheduling, DNS and claim fields (PodDefaulter.SchedulingStrategy.cs).
    public const string DropDisabledFields = "DEF-300";
    public const string MergeAffinityLabelKeys = "DEF-301";
    public const string MergeSpreadLabelKeys = "DEF-302";

    // Volumes (DEF-4xx).
    public const string HostPathType = "DEF-400";
    public const string VolumeDefaultMode = "DEF-401";
    public const string ServiceAccountTokenExpiration = "DEF-402";
    public const string IscsiInterface = "DEF-403";
    public const string RbdDefaults = "DEF-404";
    public const string AzureDiskDefaults = "DEF-405";
    public const string ScaleIoDefaults = "DEF-406";
    public const string PvcTemplateVolumeMode = "DEF-407";
    public const string ImageVolumePullPolicy = "DEF-408";
    public const string DropDisabledVolumeFields = "DEF-409";
}
