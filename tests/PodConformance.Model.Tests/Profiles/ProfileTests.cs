using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>PROF-002/004: a gate's value is the override, else AllAlpha/AllBeta, else the release default; a gate absent from the release is off.</summary>
public class ProfileTests
{
    [Fact]
    public void Catalog_agrees_with_the_hand_typed_rows_in_every_release()
    {
        foreach (var (name, _) in VerifiedGateRows.Rows)
        {
            var gate = FeatureGateCatalog.Find(name);
            Assert.NotNull(gate);
            foreach (var release in VerifiedGateRows.Releases)
            {
                var want = VerifiedGateRows.At(name, release);
                var got = gate.StageAt(release);
                Assert.True((want is null) == (got is null), $"{name} exists in {release}: want {want is not null}");
                if (want is not null)
                {
                    Assert.Equal((want.Stage, want.Default, want.Locked), (got!.Stage, got.Default, got.Locked));
                }
            }
        }
    }

    /// <summary>
    /// Default of sample gates in every supported release, 1.28 … 1.37 (one character per release:
    /// <c>-</c> absent, <c>+</c> absent but on because it was removed while locked on, <c>0</c> off, <c>1</c> on, <c>L</c> on
    /// and locked), written out by hand from the source rows quoted
    /// in <see cref="VerifiedGateRows"/>.
    /// </summary>
    [Theory]
    //                     release: 1.28 .. 1.37
    [InlineData(SidecarContainers,                    "01111LLLL+")]
    [InlineData(PodLevelResources,                    "----001111")]
    [InlineData(ContainerRestartRules,                "------0111")]
    [InlineData(RestartAllContainersOnContainerExits, "-------011")]
    [InlineData(PodReadyToStartContainersCondition,   "011111111L")]
    [InlineData(KubeletCrashLoopBackOffMax,           "----000111")]
    [InlineData(ReduceDefaultCrashLoopBackOffDecay,   "-----00000")]
    [InlineData(RelaxedEnvironmentVariableValidation, "--0011LLLL")]
    [InlineData(InPlacePodVerticalScaling,            "0000011LLL")]
    [InlineData(EnvFiles,                             "------0111")]
    [InlineData("DynamicResourceAllocation",          "0000001LLL")]
    [InlineData("ImageVolume",                        "---00001LL")]
    [InlineData("RelaxedDNSSearchValidation",         "----01LLL+")]
    [InlineData("PodLifecycleSleepAction",            "-01111LLL+")]
    [InlineData("PodLifecycleSleepActionAllowZero",   "----01LLL+")]
    [InlineData("ClusterTrustBundle",                 "0000000001")]
    [InlineData("ClusterTrustBundleProjection",       "-000000001")]
    [InlineData(PodLevelResourcesFixDefaulting,       "---------1")]
    [InlineData("NodeDeclaredFeatures",               "-------01L")]
    [InlineData("TaintTolerationComparisonOperators", "-------000")]
    [InlineData("KubeletEnsureSecretPulledImages",    "-----00111")]
    [InlineData("PodHostIPs",                         "01LL++++++")]
    [InlineData("AllAlpha",                           "0000000000")]
    [InlineData("AllBeta",                            "0000000000")]
    [InlineData("ContextualLogging",                  "0011111111")]
    public void Defaults_per_release(string gate, string perRelease)
    {
        Assert.Equal(10, perRelease.Length);
        var catalogGate = FeatureGateCatalog.Find(gate);
        Assert.NotNull(catalogGate);
        for (int i = 0; i < perRelease.Length; i++)
        {
            var release = new KubernetesVersion(1, 28 + i);
            char want = perRelease[i];
            var stage = catalogGate.StageAt(release);
            Assert.True((want is '-' or '+') == (stage is null), $"{gate} exists in {release}?");
            Assert.True(Profile.For(release).IsEnabled(gate) == want is '1' or 'L' or '+', $"{gate} default in {release}");
            if (stage is not null)
            {
                Assert.True(stage.Locked == (want == 'L'), $"{gate} locked in {release}");
            }

            // Same answer from the hand-typed source rows.
            var row = VerifiedGateRows.At(gate, release);
            Assert.Equal(want is '-' or '+', row is null);
            Assert.Equal(want is '1' or 'L', row?.Default ?? false);
        }
    }

    [Fact]
    public void Every_gate_the_model_wires_is_in_the_catalog_in_the_newest_release_or_was_removed_locked_on()
    {
        foreach (var field in typeof(FeatureGateNames).GetFields())
        {
            string name = (string)field.GetRawConstantValue()!;
            var gate = FeatureGateCatalog.Find(name);
            Assert.NotNull(gate);
            Assert.True(gate.StageAt(KubernetesVersion.Newest) is not null || gate.RemovedLockedOn(KubernetesVersion.Newest), name);
        }
    }

    [Fact]
    public void Catalog_is_sorted_unique_and_every_gate_exists_in_some_release()
    {
        var names = FeatureGateCatalog.All.Select(g => g.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.True(names.Count > 300, $"{names.Count} gates");
        foreach (var gate in FeatureGateCatalog.All)
        {
            Assert.Contains(VerifiedGateRows.Releases, r => gate.StageAt(r) is not null);
            Assert.All(gate.History, s => Assert.False(string.IsNullOrEmpty(s.Source), gate.Name));
        }
    }

    [Fact]
    public void Rows_carried_past_the_copies_are_marked_unverified()
    {
        // ContextualLogging's logging-gates copy is a 1.36 one: its 1.37 row is carried. SidecarContainers in 1.33 is a
        // later copy's record, in 1.28 the release-branch copy's; the 1.37 copy (G137) no longer lists it.
        Assert.False(FeatureGateCatalog.Find("ContextualLogging")!.StageAt(KubernetesVersion.Newest)!.Verified);
        var sidecars = FeatureGateCatalog.Find(SidecarContainers)!;
        Assert.Null(sidecars.StageAt(KubernetesVersion.Newest));
        Assert.True(sidecars.StageAt(new KubernetesVersion(1, 33))!.Verified);
        Assert.Equal(GateRowBasis.ReleaseCopy, sidecars.StageAt(KubernetesVersion.Oldest)!.Basis);

        // ImageVolume, outside the scheduler file, is read for 1.37 from G137.
        Assert.Equal(GateRowBasis.DevCopy, FeatureGateCatalog.Find("ImageVolume")!.StageAt(KubernetesVersion.Newest)!.Basis);

        // NodeDeclaredFeatures is a scheduler gate: the 1.37 file records 1.37 itself.
        Assert.True(FeatureGateCatalog.Find("NodeDeclaredFeatures")!.StageAt(KubernetesVersion.Newest)!.Verified);

        // EmptyDirVolumeMode, once known only from k8s.io/api's +featureGate tag at 1.37, is read from H137 (kubernetes'
        // own kube_features.go of 2026-07-24); PerPodPIDLimit is still known only from other code (secondary).
        var emptyDirMode = FeatureGateCatalog.Find("EmptyDirVolumeMode")!;
        Assert.Null(emptyDirMode.StageAt(new KubernetesVersion(1, 36)));
        Assert.Equal((GateRowBasis.DevCopy, "H137"), (emptyDirMode.StageAt(KubernetesVersion.Newest)!.Basis, emptyDirMode.StageAt(KubernetesVersion.Newest)!.Source));
        Assert.False(FeatureGateCatalog.Find("PerPodPIDLimit")!.StageAt(KubernetesVersion.Newest)!.Verified);
    }

    [Fact]
    public void Release_branch_copy_wins_for_1_28()
    {
        // E128 lists WindowsHostNetwork: {Default: true, PreRelease: featuregate.Alpha}; the 1.33 and later copies' histories
        // record {1.26, false, Alpha}, but the release copies of 1.29-1.32 agree with E128 (v1.32.1, K132:
        // {Version: version.MustParse("1.26"), Default: true, PreRelease: featuregate.Alpha}).
        var gate = FeatureGateCatalog.Find("WindowsHostNetwork")!;
        var stage = gate.StageAt(KubernetesVersion.Oldest)!;
        Assert.Equal((FeatureStage.Alpha, true, "E128"), (stage.Stage, stage.Default, stage.Source));
        var v132 = gate.StageAt(new KubernetesVersion(1, 32))!;
        Assert.Equal((FeatureStage.Alpha, true, "K132", GateRowBasis.ReleaseCopy), (v132.Stage, v132.Default, v132.Source, v132.Basis));

        // The const whose string differs from its identifier: CPUCFSQuotaPeriod = "CustomCPUCFSQuotaPeriod".
        Assert.NotNull(FeatureGateCatalog.Find("CustomCPUCFSQuotaPeriod"));
        Assert.Null(FeatureGateCatalog.Find("CPUCFSQuotaPeriod"));
        Assert.NotNull(FeatureGateCatalog.Find("RuntimeClassInImageCriApi"));
    }

    [Fact]
    public void Default_profile_is_1_37_with_no_overrides()
    {
        Assert.Equal(new KubernetesVersion(1, 37), Profile.Default.Version);
        Assert.True(Profile.Default.Overrides.IsEmpty);
        Assert.Equal("1.37", Profile.Default.ToString());
    }

    [Fact]
    public void Override_wins_over_the_release_default()
    {
        var on = Profile.Default with { Overrides = ValueMap.Of((ReduceDefaultCrashLoopBackOffDecay, true)) };
        Assert.False(Profile.Default.IsEnabled(ReduceDefaultCrashLoopBackOffDecay));
        Assert.True(on.IsEnabled(ReduceDefaultCrashLoopBackOffDecay));

        var off = Profile.Default with { Overrides = ValueMap.Of((PodLevelResources, false)) };
        Assert.True(Profile.Default.IsEnabled(PodLevelResources));
        Assert.False(off.IsEnabled(PodLevelResources));
        Assert.True(off.IsEnabled(ContainerRestartRules)); // other gates keep their defaults
        Assert.Equal("1.37 (PodLevelResources=false)", off.ToString());
    }

    [Fact]
    public void AllAlpha_and_AllBeta_decide_the_gates_of_their_stage_not_set_explicitly()
    {
        var v134 = new KubernetesVersion(1, 34);
        var allAlpha = new Profile(v134, ValueMap.Of((FeatureGateCatalog.AllAlpha, true)));
        Assert.True(allAlpha.IsEnabled(ReduceDefaultCrashLoopBackOffDecay)); // Alpha, off by default
        Assert.True(allAlpha.IsEnabled(ContainerRestartRules));              // Alpha in 1.34
        Assert.True(allAlpha.IsEnabled(PodLevelResources));                  // Beta, on: unchanged
        Assert.True(allAlpha.IsEnabled(SidecarContainers));                  // GA: unchanged

        var explicitOff = new Profile(v134, ValueMap.Of((FeatureGateCatalog.AllAlpha, true), (ReduceDefaultCrashLoopBackOffDecay, false)));
        Assert.False(explicitOff.IsEnabled(ReduceDefaultCrashLoopBackOffDecay));

        var allBetaOff = new Profile(v134, ValueMap.Of((FeatureGateCatalog.AllBeta, false)));
        Assert.False(allBetaOff.IsEnabled(PodLevelResources));               // Beta, on by default
        Assert.True(allBetaOff.IsEnabled(SidecarContainers));                // GA, locked: not a beta gate
        Assert.False(allBetaOff.IsEnabled(ContainerRestartRules));           // Alpha: default off anyway
    }

    [Fact]
    public void Overrides_from_the_parser_apply()
    {
        var v = new KubernetesVersion(1, 32);
        Assert.True(FeatureGateParser.TryParse("PodLevelResources=true,SidecarContainers=false", v, out var o, out string error), error);
        var p = new Profile(v, o);
        Assert.True(p.IsEnabled(PodLevelResources));
        Assert.False(p.IsEnabled(SidecarContainers));
        Assert.True(p.IsEnabled(RelaxedEnvironmentVariableValidation));
    }

    [Fact]
    public void Gate_absent_from_the_release_is_off_unless_removed_while_locked_on()
    {
        var v131 = Profile.For(new KubernetesVersion(1, 31));
        Assert.Null(FeatureGateCatalog.Find(PodLevelResources)!.StageAt(v131.Version));
        Assert.False(v131.IsEnabled(PodLevelResources));
        Assert.False(Profile.For(new KubernetesVersion(1, 29)).IsEnabled(RelaxedEnvironmentVariableValidation));
        Assert.False(Profile.Default.IsEnabled("NoSuchGate"));

        // Removed while locked on: PodHostIPs is GA, locked on in 1.31 (K131) and gone in 1.32 (K132), where its feature stays on.
        Assert.True(Profile.For(new KubernetesVersion(1, 31)).IsEnabled("PodHostIPs"));
        Assert.Null(FeatureGateCatalog.Find("PodHostIPs")!.StageAt(new KubernetesVersion(1, 32)));
        Assert.True(Profile.For(new KubernetesVersion(1, 32)).IsEnabled("PodHostIPs"));

        // Removed unlocked: GangScheduling (Alpha, off) is in the 1.36 copy and not in the 1.37 one.
        Assert.Null(FeatureGateCatalog.Find("GangScheduling")!.StageAt(KubernetesVersion.Newest));
        Assert.False(Profile.Default.IsEnabled("GangScheduling"));
    }
}
