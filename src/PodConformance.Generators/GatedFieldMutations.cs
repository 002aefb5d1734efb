using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per rule of the gated fields <see cref="GatedFieldGen"/>'s later entries use (issue 9 item 7), joined
/// to <see cref="PodMutations.All"/>: container restart rules (VAL-041), the trust bundle's and the pod certificate's owner
/// UIDs (VAL-709) and a cross-namespace <c>dataSourceRef</c> (VAL-633). The podCertificate projection's own rule (VAL-631)
/// already has <c>bad-pod-certificate</c>. The first two apply only where their fields' gates are on (the create strategy
/// drops them otherwise); ContainerRestartRules is on by default from 1.35, so the default run uses <c>bad-restart-rules</c>.
/// The <c>dataSourceRef</c> one applies everywhere (session 14): a pod create neither drops an ephemeral claim template's
/// <c>dataSourceRef.namespace</c> nor validates it by CrossNamespaceVolumeDataSource (spec/validation.md VAL-633).
/// Each variant produces one error, at the field it breaks (Generators.Tests checks the whole validation result).
/// </summary>
public static class GatedFieldMutations
{
    private static readonly KubernetesVersion RestartRulesSince = new(1, 34);
    private static readonly KubernetesVersion Release137 = new(1, 37);

    /// <summary>The added volume's name, as <see cref="VolumeMutations.Name"/>: in no generator's name pool.</summary>
    private const string Name = VolumeMutations.Name;

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(pod.Spec.Containers[0])) } };

    private static Pod WithVolume(Pod pod, Volume v) => pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.Add(v with { Name = Name }) } };

    private static ContainerRestartRule Rule(string action, string? op) => new()
    {
        Action = action,
        ExitCodes = op is null ? null : new ContainerRestartRuleOnExitCodes { Operator = op, Values = ValueList.Of(1) },
    };

    /// <summary>
    /// VAL-041 on the first regular container: rules without a policy, a policy outside Always/Never/OnFailure, an unknown
    /// action, a rule without exitCodes, an unknown operator (each alone, the rest valid).
    /// </summary>
    private static readonly (string? Policy, ContainerRestartRule Rule)[] BadRestartRules =
    [
        (null, Rule("Restart", "In")),
        ("Sometimes", Rule("Restart", "In")),
        ("Never", Rule("Retry", "NotIn")),
        ("OnFailure", Rule("Restart", null)),
        ("Always", Rule("Restart", "Equals")),
    ];

    private static Volume Projecting(VolumeProjection source) =>
        new() { SourceKind = "projected", Projected = new ProjectedVolumeSource { Sources = ValueList.Of(source) } };

    /// <summary>VAL-709 on the projections' owner UIDs: below 0 or above 2147483647, each on an otherwise valid source.</summary>
    private static readonly VolumeProjection[] BadProjectedOwners =
    [
        new() { ClusterTrustBundle = new ClusterTrustBundleProjection { Name = "example-bundle", Path = "ca.pem", User = -1 } },
        new() { ClusterTrustBundle = new ClusterTrustBundleProjection { SignerName = "example.com/signer", LabelSelector = new LabelSelector(), Path = "ca.pem", User = 1L << 31 } },
        new() { PodCertificate = new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "ED25519", CredentialBundlePath = "credentials.pem", User = -1000 } },
        new() { PodCertificate = new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "RSA4096", KeyPath = "key.pem", CertificateChainPath = "chain.pem", User = 1L << 31 } },
    ];

    /// <summary>
    /// VAL-633 on an ephemeral volume's claim template: a cross-namespace <c>dataSourceRef</c> whose namespace is not a DNS
    /// label, or a valid one with a <c>dataSource</c> beside it (which may not be set with a namespace).
    /// </summary>
    private static readonly (string Namespace, bool WithDataSource)[] BadDataSourceRefs =
    [
        ("Shared_Data", false),
        ("-backups", false),
        ("backups", true),
    ];

    private static Volume Ephemeral((string Namespace, bool WithDataSource) bad) => new()
    {
        SourceKind = "ephemeral",
        Ephemeral = new EphemeralVolumeSource
        {
            VolumeClaimTemplate = new PersistentVolumeClaimTemplate
            {
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of("ReadWriteOnce"),
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.Parse("1Gi"))) },
                    DataSource = bad.WithDataSource ? new TypedLocalObjectReference { Kind = "PersistentVolumeClaim", Name = "golden-image" } : null,
                    DataSourceRef = new TypedObjectReference { Kind = "PersistentVolumeClaim", Name = "golden-image", Namespace = bad.Namespace },
                },
            },
        },
    };

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("bad-restart-rules", ValidationRules.ContainerRestartPolicy,
            pod => Pick(pod, BadRestartRules, (p, x) => WithFirst(p, c => c with { RestartPolicy = x.Policy, RestartPolicyRules = ValueList.Of(x.Rule) })),
            profile => profile.Version >= RestartRulesSince && profile.IsEnabled(FeatureGateNames.ContainerRestartRules)),
        new("bad-projected-owner-uid", ValidationRules.VolumeUserFields,
            pod => Pick(pod, BadProjectedOwners, (p, source) => WithVolume(p, Projecting(source))),
            profile => profile.Version >= Release137 && profile.IsEnabled(FeatureGateNames.AtomicWriteVolumeUserFields)
                && profile.IsEnabled(FeatureGateNames.ClusterTrustBundleProjection) && profile.IsEnabled(FeatureGateNames.PodCertificateRequest)),
        new("bad-data-source-ref-namespace", ValidationRules.PvcTemplateSpec,
            pod => Pick(pod, BadDataSourceRefs, (p, bad) => WithVolume(p, Ephemeral(bad))),
            _ => true),
    ];
}
