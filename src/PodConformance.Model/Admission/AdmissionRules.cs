namespace PodConformance.Model.Admission;

/// <summary>Spec rule IDs of spec/admission.md.</summary>
public static class AdmissionRules
{
    public const string Pipeline = "ADM-001";
    public const string RequestNamespace = "ADM-002";
    public const string GeneratedNames = "ADM-003";
    public const string StorageRoundTrip = "ADM-004";

    public const string DefaultPlugins = "ADM-010";
    public const string ForbiddenText = "ADM-011";
    public const string PluginsNotModelled = "ADM-012";
    public const string RuntimeClassOverhead = "ADM-013";
    public const string RuntimeClassNotFound = "ADM-014";
    public const string RuntimeClassSetOverhead = "ADM-015";
    public const string RuntimeClassNodeSelector = "ADM-016";
    public const string RuntimeClassTolerations = "ADM-017";
    public const string RuntimeClassValidateOverhead = "ADM-018";

    public const string LimitRangerDefaults = "ADM-020";
    public const string LimitRangerMin = "ADM-021";
    public const string LimitRangerMax = "ADM-022";
    public const string LimitRangerRatio = "ADM-023";
    public const string LimitRangerPodItems = "ADM-024";
    public const string LimitRangeDefaulting = "ADM-025";
    public const string LimitRangerRefusal = "ADM-026";

    public const string ServiceAccountDefaultName = "ADM-030";
    public const string ServiceAccountLookup = "ADM-031";
    public const string ServiceAccountAutomount = "ADM-032";
    public const string ServiceAccountTokenVolume = "ADM-033";
    public const string ServiceAccountPullSecrets = "ADM-034";
    public const string ServiceAccountMirrorPods = "ADM-035";
    public const string ServiceAccountMountableSecrets = "ADM-036";

    public const string PriorityDefault = "ADM-040";
    public const string PriorityClassResolution = "ADM-041";
    public const string PriorityClassNotFound = "ADM-042";
    public const string PriorityValueMismatch = "ADM-043";
    public const string PreemptionPolicy = "ADM-044";

    public const string DefaultTolerationSeconds = "ADM-050";

    public const string QuotaMatching = "ADM-060";
    public const string QuotaConstraints = "ADM-061";
    public const string QuotaStatus = "ADM-062";
    public const string QuotaExceeded = "ADM-063";
    public const string QuotaUsage = "ADM-064";

    public const string Generation = "ADM-070";
    public const string StatusOnCreate = "ADM-071";
    public const string SchedulingGatedCondition = "ADM-072";
    public const string NameWarning = "ADM-075";

    public const string DropDisabledFields = "ADM-080";
    public const string DropPodLevelResources = "ADM-081";
    public const string DropResizePolicy = "ADM-087";
    public const string DropContainerRestartPolicy = "ADM-088";
    public const string DropFileKeyRef = "ADM-091";
    public const string DropSleepAction = "ADM-092";
    public const string DropStopSignal = "ADM-094";
    public const string DropNewFields137 = "ADM-096";

    public const string ValidationOptions = "ADM-097";
    public const string MissingObjects = "ADM-098";
    public const string CheckedFields = "ADM-099";
}
