using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>PROF-002: a gate's value is the override, else the release default; a gate absent from the release is off.</summary>
public class ProfileTests
{
    [Fact]
    public void Catalog_history_matches_the_verified_kube_features_rows()
    {
        Assert.Equal(VerifiedGateRows.Rows.Keys.Order(StringComparer.Ordinal), FeatureGateCatalog.All.Select(g => g.Name).Order(StringComparer.Ordinal));
        foreach (var gate in FeatureGateCatalog.All)
        {
            var expected = VerifiedGateRows.Rows[gate.Name]
                .Select(r => new FeatureGateStage(new KubernetesVersion(1, r.Minor), r.Stage, r.Default, r.Locked));
            Assert.Equal(expected, gate.History);
        }
    }

    /// <summary>
    /// Default of every known gate in every supported release, 1.28 … 1.37 (one character per release:
    /// <c>-</c> absent, <c>0</c> off, <c>1</c> on, <c>L</c> on and locked). Written out from the kube_features.go rows
    /// quoted in <see cref="VerifiedGateRows"/>; releases after the newest row repeat it (no 1.36/1.37 rows seen).
    /// </summary>
    [Theory]
    //                     release: 1.28 .. 1.37
    [InlineData(SidecarContainers,                    "01111LLLLL")]
    [InlineData(PodLevelResources,                    "----001111")]
    [InlineData(ContainerRestartRules,                "------0111")]
    [InlineData(RestartAllContainersOnContainerExits, "-------000")]
    [InlineData(PodReadyToStartContainersCondition,   "0111111111")]
    [InlineData(KubeletCrashLoopBackOffMax,           "----000111")]
    [InlineData(ReduceDefaultCrashLoopBackOffDecay,   "-----00000")]
    [InlineData(RelaxedEnvironmentVariableValidation, "--0011LLLL")]
    [InlineData(InPlacePodVerticalScaling,            "0000011LLL")]
    [InlineData(EnvFiles,                             "------0111")]
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
            Assert.True((want == '-') == (stage is null), $"{gate} exists in {release}?");
            Assert.True(Profile.For(release).IsEnabled(gate) == want is '1' or 'L', $"{gate} default in {release}");
            if (stage is not null)
            {
                Assert.True(stage.Locked == (want == 'L'), $"{gate} locked in {release}");
            }

            // Same answer from the hand-typed source rows.
            var row = VerifiedGateRows.At(gate, release);
            Assert.Equal(want == '-', row is null);
            Assert.Equal(want is '1' or 'L', row?.Default ?? false);
        }
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
    public void Gate_absent_from_the_release_is_off()
    {
        var v131 = Profile.For(new KubernetesVersion(1, 31));
        Assert.Null(FeatureGateCatalog.Find(PodLevelResources)!.StageAt(v131.Version));
        Assert.False(v131.IsEnabled(PodLevelResources));
        Assert.False(Profile.For(new KubernetesVersion(1, 29)).IsEnabled(RelaxedEnvironmentVariableValidation));
        Assert.False(Profile.Default.IsEnabled("NoSuchGate"));
    }
}
