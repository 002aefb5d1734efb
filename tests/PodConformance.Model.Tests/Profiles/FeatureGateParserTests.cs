using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>
/// PROF-003. Expected texts are those of k8s.io/component-base/featuregate/feature_gate.go:
/// <c>featureGate.Set</c> — <c>fmt.Errorf("missing bool value for %s", k)</c>,
/// <c>fmt.Errorf("invalid value of %s=%s, err: %v", k, v, err)</c> with <c>err</c> from <c>strconv.ParseBool</c>
/// (<c>strconv.ParseBool: parsing "v": invalid syntax</c>, the input <c>strconv.Quote</c>d);
/// <c>unsafeSetFromMap</c> — <c>fmt.Errorf("unrecognized feature gate: %s", k)</c> and
/// <c>fmt.Errorf("cannot set feature gate %v to %v, feature is locked to %v", k, v, featureSpec.Default)</c>;
/// several errors joined by <c>utilerrors.NewAggregate</c> as <c>[a, b]</c>.
/// </summary>
public class FeatureGateParserTests
{
    private static readonly KubernetesVersion V137 = KubernetesVersion.Newest;
    private static readonly KubernetesVersion V136 = new(1, 36);

    private static ValueMap<bool> Ok(string? text, KubernetesVersion? version = null)
    {
        Assert.True(FeatureGateParser.TryParse(text, version ?? V137, out var overrides, out string error), error);
        Assert.Equal("", error);
        return overrides;
    }

    private static string Fail(string text, KubernetesVersion? version = null)
    {
        Assert.False(FeatureGateParser.TryParse(text, version ?? V137, out var overrides, out string error));
        Assert.True(overrides.IsEmpty);
        return error;
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(",")]
    [InlineData(",,,")]
    public void Empty_input_and_empty_items_give_no_overrides(string? text) =>
        Assert.True(Ok(text).IsEmpty);

    [Fact]
    public void Parses_several_gates()
    {
        var o = Ok("KubeletCrashLoopBackOffMax=false,EnvFiles=true");
        Assert.Equal(ValueMap.Of((KubeletCrashLoopBackOffMax, false), (EnvFiles, true)), o);
    }

    [Fact]
    public void Trims_key_and_value_but_not_inside()
    {
        Assert.Equal(ValueMap.Of((KubeletCrashLoopBackOffMax, false), (EnvFiles, true)),
            Ok("  KubeletCrashLoopBackOffMax =\tfalse , EnvFiles= true ,"));
    }

    [Fact]
    public void Later_value_for_the_same_gate_wins()
    {
        Assert.Equal(ValueMap.Of((EnvFiles, false)), Ok("EnvFiles=true,EnvFiles=false"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Accepts_every_Go_ParseBool_spelling(string raw, bool expected)
    {
        Assert.Equal(ValueMap.Of((EnvFiles, expected)), Ok("EnvFiles=" + raw));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData("on")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("true false")]
    public void Rejects_other_spellings(string raw)
    {
        Assert.Equal($"invalid value of EnvFiles={raw}, err: strconv.ParseBool: parsing \"{raw}\": invalid syntax",
            Fail("EnvFiles=" + raw));
    }

    [Fact]
    public void Invalid_value_is_reported_trimmed_and_Go_quoted()
    {
        Assert.Equal("invalid value of EnvFiles=ye\"s, err: strconv.ParseBool: parsing \"ye\\\"s\": invalid syntax",
            Fail(" EnvFiles = ye\"s "));
        Assert.Equal("invalid value of EnvFiles=a\\b, err: strconv.ParseBool: parsing \"a\\\\b\": invalid syntax",
            Fail("EnvFiles=a\\b"));
    }

    [Fact]
    public void Missing_value()
    {
        Assert.Equal("missing bool value for EnvFiles", Fail("EnvFiles"));
        Assert.Equal("missing bool value for EnvFiles", Fail("  EnvFiles  "));
        Assert.Equal("missing bool value for EnvFiles", Fail("PodLevelResources=true,EnvFiles"));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("EnvFiles=true, ")]
    [InlineData("\t,EnvFiles=true")]
    public void A_blank_item_is_not_skipped(string text)
    {
        // Set skips only len(s) == 0; a blank item trims to an empty key with no '='.
        Assert.Equal("missing bool value for ", Fail(text));
    }

    [Fact]
    public void Unknown_gate()
    {
        Assert.Equal("unrecognized feature gate: NoSuchGate", Fail("NoSuchGate=true"));
        Assert.Equal("unrecognized feature gate: envfiles", Fail("envfiles=true")); // names are case-sensitive
        Assert.Equal("unrecognized feature gate: ", Fail("=true"));
    }

    [Fact]
    public void Syntax_errors_win_over_unknown_gates()
    {
        // Set parses every item before SetFromMap looks any gate up.
        Assert.Equal("missing bool value for EnvFiles", Fail("NoSuchGate=true,EnvFiles"));
        Assert.Equal("invalid value of EnvFiles=x, err: strconv.ParseBool: parsing \"x\": invalid syntax",
            Fail("NoSuchGate=true,EnvFiles=x"));
    }

    [Fact]
    public void Gate_unknown_in_an_older_release()
    {
        // PodLevelResources: first row {1.32, false, Alpha} — a 1.31 binary does not know it.
        Assert.Equal("unrecognized feature gate: PodLevelResources",
            Fail("PodLevelResources=true", new KubernetesVersion(1, 31)));
        Assert.Equal(ValueMap.Of((PodLevelResources, true)), Ok("PodLevelResources=true", new KubernetesVersion(1, 32)));

        // EnvFiles and ContainerRestartRules from 1.34; RestartAllContainersOnContainerExits from 1.35.
        Assert.Equal("unrecognized feature gate: EnvFiles", Fail("EnvFiles=true", new KubernetesVersion(1, 33)));
        Assert.Equal("unrecognized feature gate: RestartAllContainersOnContainerExits",
            Fail("RestartAllContainersOnContainerExits=true", new KubernetesVersion(1, 34)));
    }

    [Fact]
    public void Locked_gate_cannot_be_set_to_the_other_value()
    {
        // SidecarContainers {1.33, true, GA, LockToDefault: true}; gone from the 1.37 copy (G137).
        Assert.Equal("cannot set feature gate SidecarContainers to false, feature is locked to true",
            Fail("SidecarContainers=false", V136));
        Assert.Equal("unrecognized feature gate: SidecarContainers", Fail("SidecarContainers=false"));
        Assert.Equal("cannot set feature gate SidecarContainers to false, feature is locked to true",
            Fail("SidecarContainers=0", new KubernetesVersion(1, 33)));

        // ... but may be set to its default (Go logs a warning, no error).
        Assert.Equal(ValueMap.Of((SidecarContainers, true)), Ok("SidecarContainers=true", V136));

        // Before the lock (1.32, beta) it can be turned off.
        Assert.Equal(ValueMap.Of((SidecarContainers, false)), Ok("SidecarContainers=false", new KubernetesVersion(1, 32)));

        // InPlacePodVerticalScaling {1.35, true, GA, LockToDefault: true}
        Assert.Equal("cannot set feature gate InPlacePodVerticalScaling to false, feature is locked to true",
            Fail("InPlacePodVerticalScaling=false", new KubernetesVersion(1, 35)));
        Assert.Equal(ValueMap.Of((InPlacePodVerticalScaling, false)),
            Ok("InPlacePodVerticalScaling=false", new KubernetesVersion(1, 34)));
    }

    [Fact]
    public void Several_lock_errors_are_aggregated()
    {
        Assert.Equal(
            "[cannot set feature gate SidecarContainers to false, feature is locked to true, "
            + "cannot set feature gate RelaxedEnvironmentVariableValidation to false, feature is locked to true]",
            Fail("SidecarContainers=false,EnvFiles=true,RelaxedEnvironmentVariableValidation=false", V136));
    }

    [Fact]
    public void Unknown_gate_is_reported_alone()
    {
        Assert.Equal("unrecognized feature gate: NoSuchGate", Fail("SidecarContainers=false,NoSuchGate=true", V136));
    }

    [Fact]
    public void Real_gates_that_were_unrecognized_are_known()
    {
        // Issue 9's list; ClusterTrustBundleProjection needs ClusterTrustBundle (PROF-005).
        var o = Ok("DynamicResourceAllocation=true,ImageVolume=true,"
            + "ClusterTrustBundle=true,ClusterTrustBundleProjection=true,"
            + "NodeDeclaredFeatures=true,RestartAllContainersOnContainerExits=true,PerPodPIDLimit=true,EmptyDirVolumeMode=true,"
            + "TaintTolerationComparisonOperators=true,KubeletEnsureSecretPulledImages=true");
        Assert.Equal(10, o.Count);

        // Two more of the list are GA and locked on through 1.36 and gone from the 1.37 copy (G137).
        Assert.Equal(2, Ok("RelaxedDNSSearchValidation=true,PodLifecycleSleepActionAllowZero=true", new KubernetesVersion(1, 36)).Count);
        Assert.Equal("unrecognized feature gate: RelaxedDNSSearchValidation", Fail("RelaxedDNSSearchValidation=true"));
        Assert.Equal("unrecognized feature gate: PodLifecycleSleepActionAllowZero", Fail("PodLifecycleSleepActionAllowZero=true"));
        Assert.True(new Profile(V137, o).IsEnabled("TaintTolerationComparisonOperators"));
        Assert.False(Profile.Default.IsEnabled("TaintTolerationComparisonOperators")); // alpha, off in 1.37
    }

    [Fact]
    public void A_removed_gate_is_unrecognized_from_the_release_that_dropped_it()
    {
        // PodHostIPs: {1.30, true, GA, LockToDefault} // remove in 1.32 — in v1.31.1's kube_features.go (K131), not in
        // v1.32.1's versioned_kube_features.go (K132; the early-1.32 copy B132 still had it).
        Assert.Equal(ValueMap.Of(("PodHostIPs", true)), Ok("PodHostIPs=true", new KubernetesVersion(1, 31)));
        Assert.Equal("unrecognized feature gate: PodHostIPs", Fail("PodHostIPs=true", new KubernetesVersion(1, 32)));
    }

    /// <summary>
    /// Gates v1.34.1 registers (K134: openshift/openshift-apiserver 71b7016d0, vendor/k8s.io/kubernetes/pkg/features/
    /// kube_features.go; generic-apiserver gates relisted there) and v1.35.0 no longer does (K135 and GA135:
    /// rancher/support-bundle-kit 1efdd22c2, vendor/k8s.io/kubernetes/pkg/features/kube_features.go and
    /// vendor/k8s.io/apiserver/pkg/features/kube_features.go). The value is each gate's 1.34 default (locked GA gates
    /// accept only it). Before session 11 the data carried them to 1.35 from the 1.33 copy.
    /// </summary>
    [Theory]
    [InlineData("AllowServiceLBStatusOnNonLB", false)] // {1.29, false, Deprecated}, {1.32, false, Deprecated, LockToDefault}
    [InlineData("CronJobsScheduledAnnotation", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("LoadBalancerIPMode", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("PodIndexLabel", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("SizeMemoryBackedVolumes", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("StatefulSetAutoDeletePVC", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("StrictCostEnforcementForVAP", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("StrictCostEnforcementForWebhooks", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("UserNamespacesPodSecurityStandards", false)] // {1.29, false, Alpha}
    public void Gates_v1_35_0_removed_are_known_at_1_34_and_unrecognized_at_1_35(string gate, bool value)
    {
        string item = gate + "=" + (value ? "true" : "false");
        Assert.Equal(ValueMap.Of((gate, value)), Ok(item, new KubernetesVersion(1, 34)));
        Assert.Equal("unrecognized feature gate: " + gate, Fail(item, new KubernetesVersion(1, 35)));
    }

    /// <summary>
    /// Gates the data carried to 1.35 from the 1.33 copy that neither v1.34.1 (K134) nor v1.35.0 (K135) registers.
    /// </summary>
    [Theory]
    [InlineData("DevicePluginCDIDevices")]
    [InlineData("ElasticIndexedJob")]
    [InlineData("LegacySidecarContainers")]
    [InlineData("PodDisruptionConditions")]
    [InlineData("StatefulSetStartOrdinal")]
    public void Gates_v1_34_1_removed_are_unrecognized_at_1_34_and_1_35(string gate)
    {
        Assert.Equal("unrecognized feature gate: " + gate, Fail(gate + "=true", new KubernetesVersion(1, 34)));
        Assert.Equal("unrecognized feature gate: " + gate, Fail(gate + "=true", new KubernetesVersion(1, 35)));
    }

    [Fact]
    public void Gates_v1_35_0_registers_that_the_data_had_only_from_1_36()
    {
        var v135 = new KubernetesVersion(1, 35);
        // K135: StatefulSetSemanticRevisionComparison {1.0, true, Beta} — a 1.34 regression's mitigation; not in K134.
        Assert.Equal(ValueMap.Of(("StatefulSetSemanticRevisionComparison", false)),
            Ok("StatefulSetSemanticRevisionComparison=false", v135));
        Assert.True(Profile.For(v135).IsEnabled("StatefulSetSemanticRevisionComparison"));
        Assert.Equal("unrecognized feature gate: StatefulSetSemanticRevisionComparison",
            Fail("StatefulSetSemanticRevisionComparison=false", new KubernetesVersion(1, 34)));

        // ImageVolumeWithDigest: in neither K135 nor GA135 (the early-1.36 copy C136 has a 1.35 Alpha row); from 1.36.
        Assert.Equal("unrecognized feature gate: ImageVolumeWithDigest", Fail("ImageVolumeWithDigest=true", v135));
        Assert.Equal(ValueMap.Of(("ImageVolumeWithDigest", true)), Ok("ImageVolumeWithDigest=true", V136));
    }

    /// <summary>
    /// Gates v1.35.0 registers (K135, GA135) and v1.36.3 no longer does: K136 and GA136, pkg/features/kube_features.go and
    /// staging/src/k8s.io/apiserver/pkg/features/kube_features.go as carried by openshift/microshift ab25d114
    /// (deps/github.com/openshift/kubernetes, OpenShift's fork at v1.36.3). The data had them at 1.36 from the early-1.36
    /// copy C136 until session 15. The value is each gate's 1.35 default (locked gates accept only it).
    /// </summary>
    [Theory]
    [InlineData("CSIMigrationPortworx", true)] // {1.33, true, GA, LockToDefault} // remove in 1.36
    [InlineData("HonorPVReclaimPolicy", true)] // {1.33, true, GA, LockToDefault} // remove in 1.36
    [InlineData("InPlacePodVerticalScalingAllocatedStatus", false)] // {1.33, false, Deprecated} // remove in 1.36
    [InlineData("InTreePluginPortworxUnregister", false)] // {1.23, false, Alpha}
    [InlineData("MemoryManager", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("ServiceTrafficDistribution", true)]
    [InlineData("StructuredAuthorizationConfiguration", true)] // {1.32, true, GA, LockToDefault}
    [InlineData("TopologyAwareHints", true)]
    [InlineData("WatchFromStorageWithoutResourceVersion", false)] // {1.33, false, Deprecated, LockToDefault}
    public void Gates_v1_36_3_removed_are_known_at_1_35_and_unrecognized_at_1_36(string gate, bool value)
    {
        string item = gate + "=" + (value ? "true" : "false");
        Assert.Equal(ValueMap.Of((gate, value)), Ok(item, new KubernetesVersion(1, 35)));
        Assert.Equal("unrecognized feature gate: " + item.Split('=')[0], Fail(item, V136));
    }

    [Fact]
    public void Gates_and_dependencies_of_v1_36_3_that_the_data_had_only_from_1_37()
    {
        // K136: AllowServiceExternalIPs {1.0, true, GA} (kubernetes#137293, in the 1.36 CHANGELOG); the data had it from
        // the 1.37 copy H137 only.
        Assert.Equal(ValueMap.Of(("AllowServiceExternalIPs", false)), Ok("AllowServiceExternalIPs=false", V136));
        Assert.Equal("unrecognized feature gate: AllowServiceExternalIPs", Fail("AllowServiceExternalIPs=false", new KubernetesVersion(1, 35)));

        // K136's dependency map: UserNamespacesHostNetworkSupport: {NodeDeclaredFeatures, UserNamespacesSupport} (1.35:
        // {UserNamespacesSupport}); WorkloadAwarePreemption: {GangScheduling} (GangScheduling alpha, off).
        // NodeDeclaredFeatures is beta, on, at 1.36: the default-on gates that depend on it are turned off too.
        const string OthersOff = ",ExtendWebSocketsToKubelet=false,InPlacePodLevelResourcesVerticalScaling=false,"
            + "InPlacePodVerticalScalingInitContainers=false,RestartAllContainersOnContainerExits=false";
        Assert.Equal("UserNamespacesHostNetworkSupport is enabled, but depends on features that are disabled: [NodeDeclaredFeatures]",
            Fail("UserNamespacesHostNetworkSupport=true,NodeDeclaredFeatures=false" + OthersOff, V136));
        Ok("NodeDeclaredFeatures=false" + OthersOff, V136);
        Ok("UserNamespacesHostNetworkSupport=true,NodeDeclaredFeatures=false", new KubernetesVersion(1, 35));
        Assert.Equal("WorkloadAwarePreemption is enabled, but depends on features that are disabled: [GangScheduling]",
            Fail("WorkloadAwarePreemption=true", V136));
        Ok("WorkloadAwarePreemption=true,GangScheduling=true,GenericWorkload=true", V136);
    }

    [Fact]
    public void A_gate_is_known_by_its_string_not_its_Go_identifier()
    {
        // K129: ExperimentalHostUserNamespaceDefaultingGate featuregate.Feature = "ExperimentalHostUserNamespaceDefaulting",
        // {Default: false, PreRelease: featuregate.Deprecated, LockToDefault: true}.
        var v129 = new KubernetesVersion(1, 29);
        Assert.Equal(ValueMap.Of(("ExperimentalHostUserNamespaceDefaulting", false)),
            Ok("ExperimentalHostUserNamespaceDefaulting=false", v129));
        Assert.Equal("unrecognized feature gate: ExperimentalHostUserNamespaceDefaultingGate",
            Fail("ExperimentalHostUserNamespaceDefaultingGate=false", v129));
    }

    [Fact]
    public void AllAlpha_and_AllBeta_are_gates_of_every_release()
    {
        foreach (int minor in new[] { 28, 32, 37 })
        {
            Assert.Equal(ValueMap.Of(("AllAlpha", false), ("AllBeta", true)), Ok("AllAlpha=false,AllBeta=true", new KubernetesVersion(1, minor)));
        }

        Assert.Equal(ValueMap.Of(("AllAlpha", true)), Ok("AllAlpha=true", new KubernetesVersion(1, 35)));
    }

    /// <summary>
    /// PROF-005, from 1.35: <c>fmt.Errorf("%s is enabled, but depends on features that are disabled: %v", feature, disabledDeps)</c>
    /// with the dependencies of C136's defaultKubernetesFeatureGateDependencies.
    /// </summary>
    [Fact]
    public void Enabling_a_gate_whose_dependency_is_off_is_an_error_from_1_35()
    {
        var v135 = new KubernetesVersion(1, 35);
        // RestartAllContainersOnContainerExits: {ContainerRestartRules, NodeDeclaredFeatures}; NodeDeclaredFeatures is alpha, off.
        Assert.Equal("RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [NodeDeclaredFeatures]",
            Fail("RestartAllContainersOnContainerExits=true", v135));
        Assert.Equal("RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [ContainerRestartRules NodeDeclaredFeatures]",
            Fail("RestartAllContainersOnContainerExits=true,ContainerRestartRules=false", v135));
        Ok("RestartAllContainersOnContainerExits=true,NodeDeclaredFeatures=true", v135);

        // Several are joined by utilerrors.NewAggregate, here in gate-name order.
        Assert.Equal("[ClusterTrustBundleProjection is enabled, but depends on features that are disabled: [ClusterTrustBundle], "
            + "RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [NodeDeclaredFeatures]]",
            Fail("RestartAllContainersOnContainerExits=true,ClusterTrustBundleProjection=true", v135));

        // Turning off a dependency of gates that are on by default: in 1.37 (H137) InPlacePodLevelResourcesVerticalScaling,
        // PodLevelResourceManagers, PodLevelResourcesFixDefaulting and PodLevelResourcesFixKubeletQOSClass are beta, on, and
        // depend on PodLevelResources (kubernetes#140848: a kubelet with only PodLevelResources off panics at startup).
        Assert.Equal("[InPlacePodLevelResourcesVerticalScaling is enabled, but depends on features that are disabled: [PodLevelResources], "
            + "PodLevelResourceManagers is enabled, but depends on features that are disabled: [PodLevelResources], "
            + "PodLevelResourcesFixDefaulting is enabled, but depends on features that are disabled: [PodLevelResources], "
            + "PodLevelResourcesFixKubeletQOSClass is enabled, but depends on features that are disabled: [PodLevelResources]]",
            Fail("PodLevelResources=false"));
        Ok("PodLevelResources=false,InPlacePodLevelResourcesVerticalScaling=false,PodLevelResourceManagers=false,"
            + "PodLevelResourcesFixDefaulting=false,PodLevelResourcesFixKubeletQOSClass=false");
        Assert.Equal("InPlacePodLevelResourcesVerticalScaling is enabled, but depends on features that are disabled: [PodLevelResources]",
            Fail("PodLevelResources=false", new KubernetesVersion(1, 36)));

        // AllAlpha enables the alpha dependents, and an explicit value still wins for the dependency.
        Assert.Equal("[InPlacePodLevelResourcesVerticalScaling is enabled, but depends on features that are disabled: [NodeDeclaredFeatures], "
            + "RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [NodeDeclaredFeatures]]",
            Fail("AllAlpha=true,NodeDeclaredFeatures=false", v135));
    }

    [Fact]
    public void Dependencies_are_not_checked_before_1_35()
    {
        // 1.34 has no dependency map (the 1.33 copy has none; the model applies it from 1.35).
        Assert.Equal(ValueMap.Of((PodLevelResources, false)), Ok("PodLevelResources=false", new KubernetesVersion(1, 34)));
        Assert.Equal(ValueMap.Of(("ClusterTrustBundleProjection", true)), Ok("ClusterTrustBundleProjection=true", new KubernetesVersion(1, 34)));
    }

    [Fact]
    public void No_release_has_a_default_that_breaks_its_own_dependencies()
    {
        foreach (var release in VerifiedGateRows.Releases)
        {
            Assert.Empty(FeatureGateParser.DependencyErrors(Profile.For(release)));
        }
    }
}
