namespace PodConformance.Model.Warnings;

/// <summary>The spec rule of each warning (spec/validation.md, "Warnings"), in warnings.go's order where it has one.</summary>
public static partial class PodWarnings
{
    public const string SeccompAnnotationWithoutField = "WARN-001";
    public const string DeprecatedAnnotation = "WARN-002";
    public const string AppArmorAnnotationDeprecated = "WARN-003";
    public const string DeprecatedNodeSelectorLabel = "WARN-010";
    public const string DeprecatedNodeAffinityKey = "WARN-011";
    public const string InvalidPreferredNodeAffinityValue = "WARN-012";
    public const string DeprecatedTopologyKey = "WARN-013";
    public const string NullTopologySpreadSelector = "WARN-014";
    public const string DeprecatedVolumePlugin = "WARN-015";
    public const string FractionalEphemeralClaimStorage = "WARN-016";
    public const string OverlappingVolumePath = "WARN-017";
    public const string EmptyProjectionSource = "WARN-018";
    public const string DuplicateHostAliasIp = "WARN-019";
    public const string DuplicateImagePullSecret = "WARN-020";
    public const string EmptyImagePullSecretName = "WARN-021";
    public const string FractionalByteValue = "WARN-022";
    public const string HiddenEnvDefinition = "WARN-023";
    public const string HostIpWithoutHostPort = "WARN-024";
    public const string ConflictingPortDefinition = "WARN-025";
    public const string DuplicatePortName = "WARN-026";
    public const string NegativeGracePeriodSeconds = "WARN-027";
    public const string NullPodAffinitySelector = "WARN-028";
    public const string NonStandardIpAddress = "WARN-029";
}
