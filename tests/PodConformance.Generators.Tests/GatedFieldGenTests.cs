using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="GatedFieldGen"/> through <see cref="PodGen.ValidWholeApiFor"/>: with every gate on (AllAlpha, AllBeta and the
/// dependencies they need) the whole-API pods use each gated field of the release and the create path accepts them
/// with the field kept; with a gate off the field never appears.
/// </summary>
public sealed class GatedFieldGenTests
{
    /// <summary>Releases where gated fields arrive or change, with all gates on.</summary>
    public static TheoryData<string> AllGatesOn => ["1.28", "1.30", "1.31", "1.33", "1.34", "1.35", "1.36", "1.37"];

    internal static Profile AllOn(string version)
    {
        var release = Support.ProfileFor(version).Version;
        Assert.True(FeatureGateParser.TryParse("AllAlpha=true,AllBeta=true", release, out var overrides, out string error), error);
        return Profile.For(release) with { Overrides = overrides };
    }

    [Theory]
    [MemberData(nameof(AllGatesOn))]
    public void Pods_with_gated_fields_are_accepted_and_keep_them(string version)
    {
        var profile = AllOn(version);
        var property = Prop.ForAll(Arb.From(PodGen.ValidWholeApiFor(profile)), pod =>
        {
            var created = PodCreate.Run(pod, profile);
            var kept = GatedFieldGen.For(profile).Where(f => Uses(pod, f.Field) && !Uses(created.Stored, f.Field)).Select(f => f.Field).ToList();
            return (created.Accepted && kept.Count == 0)
                .Label((created.Rejection?.ToString() ?? "") + created.Validation.ToAggregateString() + " dropped: " + string.Join(", ", kept) + "\n" + pod);
        });
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3161), 150), property);
    }

    [Theory]
    [MemberData(nameof(AllGatesOn))]
    public void Each_field_of_the_release_appears(string version)
    {
        var profile = AllOn(version);
        var pods = Seeds.Sample(PodGen.ValidWholeApiFor(profile), ReplaySeed.Of(3162), 300, 60);
        var applicable = GatedFieldGen.For(profile);
        Assert.NotEmpty(applicable);
        foreach (var field in applicable)
        {
            int count = pods.Count(p => Uses(p, field.Field));
            Assert.True(count >= 15, $"{field} in {count} of 300 pods at {version}");
        }
    }

    [Fact]
    public void A_field_whose_gate_is_off_is_never_generated()
    {
        // 1.37's defaults (spec/profiles.md): ImageVolume, InPlacePodVerticalScaling, RecursiveReadOnlyMounts, HostnameOverride
        // (GA, locked), ClusterTrustBundleProjection, VolumeAttributesClass, PodCertificateRequest (GA) on, ContainerRestartRules
        // (beta, on), PodLifecycleSleepAction removed while locked on; every 1.35–1.37 alpha (AtomicWriteVolumeUserFields,
        // CrossNamespaceVolumeDataSource…) and GenericWorkload (beta) off.
        var profile = Profile.Default;
        string[] on =
        [
            FeatureGateNames.ImageVolume, FeatureGateNames.InPlacePodVerticalScaling, FeatureGateNames.RecursiveReadOnlyMounts, FeatureGateNames.ClusterTrustBundleProjection,
            FeatureGateNames.VolumeAttributesClass, FeatureGateNames.HostnameOverride, FeatureGateNames.PodLifecycleSleepAction, FeatureGateNames.PodCertificateRequest,
            FeatureGateNames.ContainerRestartRules,
        ];
        Assert.Equal(on.Order(StringComparer.Ordinal), GatedFieldGen.For(profile).Select(f => f.Gate).Order(StringComparer.Ordinal));
        var pods = Seeds.Sample(PodGen.ValidWholeApiFor(profile), ReplaySeed.Of(3163), 300, 60);
        foreach (var field in GatedFieldGen.All)
        {
            bool used = pods.Any(p => Uses(p, field.Field));
            Assert.True(used == on.Contains(field.Gate), field + (used ? " used" : " not used") + " at 1.37's defaults");
        }

        // 1.35's defaults: ImageVolume is beta and on, GenericWorkload alpha and off (no workloadRef).
        var older = Seeds.Sample(PodGen.ValidWholeApiFor(Profile.For(new KubernetesVersion(1, 35))), ReplaySeed.Of(3164), 200, 60);
        Assert.False(older.Any(p => Uses(p, "PodSpec.workloadRef")), "workloadRef at 1.35 with GenericWorkload off");
        Assert.Contains(older, p => Uses(p, "Volume.image"));

        // 1.33: ImageVolume is beta and off.
        var off = Seeds.Sample(PodGen.ValidWholeApiFor(Profile.For(new KubernetesVersion(1, 33))), ReplaySeed.Of(3166), 200, 60);
        Assert.False(off.Any(p => Uses(p, "Volume.image")), "image volumes at 1.33 with ImageVolume off");
    }

    /// <summary>A profile that turns on no gated field draws what <see cref="PodGen.ValidWholeApiFor"/> drew before the entries existed.</summary>
    [Fact]
    public void A_profile_without_gated_fields_draws_the_same_pods()
    {
        var profile = Profile.For(KubernetesVersion.Oldest);
        Assert.Empty(GatedFieldGen.For(profile));
        var before = PodGen.ValidWholeApi.SelectMany(pod => GracePeriodGen.Decorate(pod, profile));
        Assert.Equal(Seeds.Sample(before, ReplaySeed.Of(3165), 50, 40), Seeds.Sample(PodGen.ValidWholeApiFor(profile), ReplaySeed.Of(3165), 50, 40));
    }

    [Fact]
    public void A_gate_on_in_a_release_without_the_field_does_not_use_it()
    {
        var profile = AllOn("1.37");
        Assert.True(profile.IsEnabled(FeatureGateNames.GenericWorkload));
        Assert.DoesNotContain(GatedFieldGen.For(profile), f => f.Field == "PodSpec.workloadRef");
        Assert.DoesNotContain(GatedFieldGen.For(AllOn("1.35")), f => f.Field == "PodSpec.schedulingGroup");
    }

    /// <summary>
    /// A field inside a gated field needs both gates: with AtomicWriteVolumeUserFields on and ClusterTrustBundleProjection or
    /// PodCertificateRequest turned off at 1.37, the projection's <c>user</c> entry does not apply (the projection is dropped).
    /// </summary>
    [Fact]
    public void A_field_inside_a_gated_field_needs_both_gates()
    {
        var release = new KubernetesVersion(1, 37);
        Profile With(string gates)
        {
            Assert.True(FeatureGateParser.TryParse(gates, release, out var overrides, out string error), error);
            return Profile.For(release) with { Overrides = overrides };
        }

        var both = GatedFieldGen.For(With("AtomicWriteVolumeUserFields=true")).Select(f => f.Field).ToList();
        Assert.Contains("ClusterTrustBundleProjection.user", both);
        Assert.Contains("PodCertificateProjection.user", both);
        var noBundle = GatedFieldGen.For(With("AtomicWriteVolumeUserFields=true,ClusterTrustBundleProjection=false")).Select(f => f.Field).ToList();
        Assert.DoesNotContain("ClusterTrustBundleProjection.user", noBundle);
        Assert.Contains("PodCertificateProjection.user", noBundle);
        var noCertificate = GatedFieldGen.For(With("AtomicWriteVolumeUserFields=true,PodCertificateRequest=false")).Select(f => f.Field).ToList();
        Assert.DoesNotContain("PodCertificateProjection.user", noCertificate);
        Assert.DoesNotContain("VolumeProjection.podCertificate", noCertificate);
    }

    /// <summary>Whether the pod sets the field an entry names (its schema path).</summary>
    internal static bool Uses(Pod pod, string field)
    {
        var spec = pod.Spec;
        var containers = spec.Containers;
        return field switch
        {
            "Volume.image" => spec.Volumes.Any(v => v.Image is not null),
            "Lifecycle.stopSignal" => spec.InitContainers.Concat(containers).Any(c => c.Lifecycle?.StopSignal is not null),
            "PodSpec.workloadRef" => spec.WorkloadRef is not null,
            "PodSpec.schedulingGroup" => spec.SchedulingGroup is not null,
            "PodSpec.evictionResponders" => !spec.EvictionResponders.IsEmpty,
            "VolumeMount.bindMountOptions" => containers.Any(c => c.VolumeMounts.Any(m => !m.BindMountOptions.IsEmpty)),
            "HTTPGetAction.protocol" => containers.Any(c => Probes(c).Any(p => p?.Handler.HttpGet?.Protocol is not null)),
            "GRPCAction.mode" => containers.Any(c => Probes(c).Any(p => p?.Handler.GrpcMode is not null)),
            "ConfigMapVolumeSource.defaultUser" => spec.Volumes.Any(v => v.ConfigMap?.DefaultUser is not null || v.Secret?.DefaultUser is not null || v.DownwardApiDefaultUser is not null || v.Projected?.DefaultUser is not null),
            "EmptyDirVolumeSource.mode" => spec.Volumes.Any(v => v.EmptyDir?.Mode is not null),
            "Container.resizePolicy" => spec.InitContainers.Concat(containers).Any(c => !c.ResizePolicy.IsEmpty),
            "VolumeMount.recursiveReadOnly" => spec.InitContainers.Concat(containers).Any(c => c.VolumeMounts.Any(m => m.RecursiveReadOnly is not null)),
            "VolumeProjection.clusterTrustBundle" => spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.ClusterTrustBundle is not null) == true),
            "PodSpec.hostnameOverride" => spec.HostnameOverride is not null,
            "LifecycleHandler.sleep" => spec.InitContainers.Concat(containers).Any(c => c.Lifecycle?.PreStop?.SleepSeconds is not null || c.Lifecycle?.PostStart?.SleepSeconds is not null),
            "PersistentVolumeClaimSpec.volumeAttributesClassName" => spec.Volumes.Any(v => v.Ephemeral?.VolumeClaimTemplate?.Spec.VolumeAttributesClassName is not null),
            "VolumeProjection.podCertificate" => spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.PodCertificate is not null) == true),
            "ClusterTrustBundleProjection.user" => spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.ClusterTrustBundle?.User is not null) == true),
            "PodCertificateProjection.user" => spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.PodCertificate?.User is not null) == true),
            "TypedObjectReference.namespace" => spec.Volumes.Any(v => v.Ephemeral?.VolumeClaimTemplate?.Spec.DataSourceRef?.Namespace is not null),
            "Container.restartPolicyRules" => spec.InitContainers.Concat(containers).Any(c => !c.RestartPolicyRules.IsEmpty),
            _ => throw new ArgumentException("no check for " + field, nameof(field)),
        };

        static Probe?[] Probes(Container c) => [c.LivenessProbe, c.ReadinessProbe, c.StartupProbe];
    }
}
