using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="GatedDropGen"/>: pods that set a gated field whose gate is registered but off (in the release's defaults, or
/// turned off by the case's own gates) are created by the model with the field gone from the stored pod and an
/// <c>explain</c> line <c>(dropped: feature gate GATE is off)</c> (procMount: <c>Default (feature gate ProcMountType is off)</c>,
/// rewritten, not removed) — every listed drop, at a fixed seed, at least
/// <see cref="Floor"/> times across the releases 1.28–1.37.
/// </summary>
public sealed class GatedDropGenTests
{
    /// <summary>Drops a field must reach in the sample of each release that has it off.</summary>
    private const int Floor = 5;

    /// <summary>Cases drawn per release, every one with a drop (percent 100).</summary>
    private const int PerRelease = 160;

    /// <summary>The releases' defaults, 1.28 to 1.37: between them every drop is off somewhere, or can be turned off.</summary>
    private static readonly string[] ReleaseNames = ["1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"];

    public static TheoryData<string> Releases => [.. ReleaseNames];

    /// <summary>
    /// Each drop and a release whose defaults (no override) drop it, as spec/gates/feature-gates.json has the gate: off by
    /// default there, or (marked <c>+off</c>) on and unlocked, so the case turns it off itself.
    /// </summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "Volume.image", "1.34" }, { "Volume.image", "1.35+off" },
        { "Lifecycle.stopSignal", "1.37" }, { "PodSpec.workloadRef", "1.35" }, { "PodSpec.schedulingGroup", "1.37" },
        { "PodSpec.evictionResponders", "1.37" }, { "VolumeMount.bindMountOptions", "1.37" }, { "HTTPGetAction.protocol", "1.37" },
        { "GRPCAction.mode", "1.37" }, { "ConfigMapVolumeSource.defaultUser", "1.37" }, { "EmptyDirVolumeSource.mode", "1.37" },
        { "Container.resizePolicy", "1.32" }, { "VolumeMount.recursiveReadOnly", "1.30" }, { "VolumeMount.recursiveReadOnly", "1.32+off" },
        { "VolumeProjection.clusterTrustBundle", "1.36" }, { "VolumeProjection.clusterTrustBundle", "1.37+off" },
        { "PodSpec.hostnameOverride", "1.34" }, { "PodSpec.hostnameOverride", "1.36+off" }, { "LifecycleHandler.sleep", "1.33+off" },
        { "PodSpec.resourceClaims", "1.33" }, { "PodSpec.resourceClaims", "1.29" }, { "PodAffinityTerm.matchLabelKeys", "1.30" },
        { "PodAffinityTerm.matchLabelKeys", "1.32+off" }, { "TopologySpreadConstraint.matchLabelKeys", "1.37+off" },

        // Session 13: DEF-201's security fields, pod-level resources (ADM-081) and container restart rules (ADM-088).
        { "PodSpec.hostUsers", "1.28" }, { "PodSpec.hostUsers", "1.32" }, { "PodSpec.hostUsers", "1.34+off" },
        { "PodSecurityContext.supplementalGroupsPolicy", "1.31" }, { "PodSecurityContext.supplementalGroupsPolicy", "1.33+off" },
        { "SecurityContext.procMount", "1.29" }, { "SecurityContext.procMount", "1.32" }, { "SecurityContext.procMount", "1.35+off" },
        { "PodSecurityContext.seLinuxChangePolicy", "1.32" }, { "PodSecurityContext.seLinuxChangePolicy", "1.34+off" },
        { "ObjectMeta.annotations[container.apparmor.security.beta.kubernetes.io/NAME]", "1.28+off" },
        { "ObjectMeta.annotations[container.apparmor.security.beta.kubernetes.io/NAME]", "1.29+off" },
        { "ObjectMeta.annotations[container.apparmor.security.beta.kubernetes.io/NAME]", "1.30+off" }, // session 14
        { "PodSecurityContext.appArmorProfile", "1.30+off" }, // session 14
        { "PodSpec.resources", "1.32" }, { "PodSpec.resources", "1.33" }, { "PodSpec.resources", "1.37+off" },
        { "Container.restartPolicyRules", "1.34" }, { "Container.restartPolicyRules", "1.36+off" },

        // Session 14: ADM-088's SidecarContainers part (alpha and off at 1.28; beta and on, unlocked, 1.29-1.32).
        { "Container.restartPolicy", "1.28" }, { "Container.restartPolicy", "1.29+off" }, { "Container.restartPolicy", "1.32+off" },
    };

    private static Profile Release(string version) => Support.ProfileFor(version);

    private static readonly Dictionary<string, Lazy<Reached>> Samples = ReleaseNames.ToDictionary(r => r, r => new Lazy<Reached>(() => Sample(r)), StringComparer.Ordinal);

    /// <summary>Per field: the cases that dropped it as the model does, and the first case that did not (or null).</summary>
    /// <param name="Dropped">Per field, the cases that dropped it as the model does.</param>
    /// <param name="ByCaseGates">Per field, whether the case turned its gate off.</param>
    /// <param name="Failure">The first case that kept a field the profile drops, or was refused.</param>
    /// <param name="WrongRule">The first drop the create logged under another rule than <see cref="GatedDrop.Rule"/>.</param>
    /// <param name="TwoDrops">Cases that dropped two listed fields.</param>
    private sealed record Reached(Dictionary<string, int> Dropped, Dictionary<string, bool> ByCaseGates, string? Failure, string? WrongRule, int TwoDrops);

    private static Reached Sample(string version)
    {
        var profile = Release(version);
        var drops = GatedDropGen.For(profile);
        var gen = PodGen.ValidWholeApiFor(profile).SelectMany(GatedDropGen.Sometimes(profile, percent: 100));
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var byGates = new Dictionary<string, bool>(StringComparer.Ordinal);
        string? failure = null;
        string? wrongRule = null;
        int two = 0;
        foreach (var c in Seeds.Sample(gen, ReplaySeed.Of(3171), PerRelease, 60))
        {
            var caseProfile = c.Gates.IsEmpty ? profile : profile with { Overrides = Merge(profile.Overrides, c.Gates) };
            var created = PodCreate.Run(c.Pod, caseProfile);
            var changes = created.Steps.SelectMany(s => s.Changes).ToList();
            var lines = changes.Select(ch => ch.Value).ToHashSet(StringComparer.Ordinal);
            int gones = 0;
            foreach (var (drop, gates) in drops)
            {
                // A case that carries two drops carries both drops' gates (session 14).
                if (!drop.Present(c.Pod) || !gates.All(g => c.Gates.TryGetValue(g.Key, out bool on) && on == g.Value))
                {
                    continue;
                }

                bool gone = !drop.Present(created.Stored) && lines.Contains(drop.Explain);
                if (gone && created.Accepted)
                {
                    dropped[drop.Field] = dropped.GetValueOrDefault(drop.Field) + 1;
                    byGates[drop.Field] = !gates.IsEmpty;
                    gones++;
                    if (wrongRule is null && !changes.Any(ch => ch.Value == drop.Explain && ch.Rule == drop.Rule))
                    {
                        wrongRule = $"{drop} at {version}: GatedDrop.Rule {drop.Rule}, the create logged {string.Join(",", changes.Where(ch => ch.Value == drop.Explain).Select(ch => ch.Rule))}";
                    }
                }
                else if (drop.DroppedUnder(caseProfile) && failure is null)
                {
                    failure = $"{drop} at {version}: stored with the field: {!gone}, accepted: {created.Accepted} {created.Rejection} {created.Validation.ToAggregateString()}\n{c.Pod}";
                }
            }

            two += gones >= 2 ? 1 : 0;
        }

        return new Reached(dropped, byGates, failure, wrongRule, two);
    }

    private static ValueMap<bool> Merge(ValueMap<bool> run, ValueMap<bool> gates)
    {
        var all = new List<(string, bool)>();
        foreach (var (k, v) in run)
        {
            if (!gates.ContainsKey(k))
            {
                all.Add((k, v));
            }
        }

        foreach (var (k, v) in gates)
        {
            all.Add((k, v));
        }

        return ValueMap.Of([.. all]);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void A_case_that_sets_a_gated_field_is_accepted_with_the_field_dropped(string version)
    {
        var reached = Samples[version].Value;
        Assert.True(reached.Failure is null, reached.Failure);
        foreach (var (drop, _) in GatedDropGen.For(Release(version)))
        {
            Assert.True(reached.Dropped.GetValueOrDefault(drop.Field) >= Floor, $"{drop} at {version}: dropped in {reached.Dropped.GetValueOrDefault(drop.Field)} of {PerRelease} cases");
        }
    }

    /// <summary>
    /// Each drop names the rule the create logs its line under (<see cref="GatedDrop.Rule"/>), and many cases carry two drops
    /// (the second chosen by rule, session 14): at least a quarter of those that drop anything where the release has two
    /// rules to drop for.
    /// </summary>
    [Theory]
    [MemberData(nameof(Releases))]
    public void Each_drop_names_its_rule_and_cases_carry_two(string version)
    {
        var reached = Samples[version].Value;
        Assert.True(reached.WrongRule is null, reached.WrongRule);
        var drops = GatedDropGen.For(Release(version));
        Assert.All(drops, d => Assert.Matches("^(DEF|ADM)-[0-9]{3}$", d.Drop.Rule));
        if (drops.Select(d => d.Drop.Rule).Distinct().Count() >= 2)
        {
            Assert.True(reached.TwoDrops >= PerRelease / 4, $"{version}: {reached.TwoDrops} of {PerRelease} cases carry two drops");
        }
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_listed_drop_is_reached(string field, string where)
    {
        bool byCaseGates = where.EndsWith("+off", StringComparison.Ordinal);
        string version = byCaseGates ? where[..^4] : where;
        var reached = Samples[version].Value;
        int count = reached.Dropped.GetValueOrDefault(field);
        Assert.True(count >= Floor, $"{field} at {version}: dropped in {count} of {PerRelease} cases");
        Assert.Equal(byCaseGates, reached.ByCaseGates[field]);
    }

    /// <summary>
    /// ADM-088's SidecarContainers part (session 14): with the gate off (1.28's default; turned off by the case 1.29–1.32)
    /// dropDisabledFields sets every init container's restartPolicy to nil (util.go v1.29.9, support-bundle-kit c37d268c4;
    /// v1.32.1, openshift-apiserver c596b6e88), and the pod is accepted: GatedDropGen's sidecars carry no lifecycle, probes or
    /// resizePolicy, which validateInitContainers forbids on an init container without <c>restartPolicy: Always</c>. Where the
    /// run's profile has the gate on, the same pod is valid with its sidecars.
    /// </summary>
    [Theory]
    [InlineData("1.28")]
    [InlineData("1.29")]
    [InlineData("1.32")]
    public void A_sidecar_dropped_with_SidecarContainers_off_is_a_plain_init_container(string version)
    {
        var profile = Release(version);
        var (drop, gates) = GatedDropGen.For(profile).Single(d => d.Drop.Field == "Container.restartPolicy");
        var under = GateSwitch.Apply(profile, gates);
        Assert.False(under.IsEnabled(FeatureGateNames.SidecarContainers));
        Assert.Equal(version != "1.28", !gates.IsEmpty);
        var pods = Seeds.Sample(PodGen.ValidWholeApiFor(profile).SelectMany(drop.Apply), ReplaySeed.Of(3172), 40, 60);
        Assert.All(pods, pod =>
        {
            Assert.True(drop.Present(pod));
            var created = PodCreate.Run(pod, under);
            Assert.True(created.Accepted, created.Validation.ToAggregateString());
            Assert.All(created.Stored.Spec.InitContainers, c => Assert.Null(c.RestartPolicy));
            var expected = pod.Spec.InitContainers.Select((c, i) => (c, i)).Where(x => x.c.RestartPolicy is not null).Select(x => "spec.initContainers[" + x.i + "].restartPolicy");
            var logged = created.Steps.SelectMany(s => s.Changes).Where(ch => ch.Rule == AdmissionRules.DropContainerRestartPolicy).Select(ch => ch.Field + " " + ch.Value);
            Assert.Equal(expected.Select(f => f + " (dropped: feature gate SidecarContainers is off)"), logged);
            if (!gates.IsEmpty)
            {
                Assert.True(PodCreate.Run(pod, profile).Accepted);
            }
        });
    }

    /// <summary>
    /// The AppArmor drops (session 14): offered at 1.30 only, each case turning its beta gate off; 1.31–1.32 lock both gates
    /// on and their util.go has no AppArmor drop, 1.33 removed the gates. The fields' case carries no AppArmor annotation.
    /// </summary>
    [Fact]
    public void The_AppArmor_drops_are_offered_at_1_30_with_the_case_turning_the_gate_off()
    {
        var at130 = GatedDropGen.For(Release("1.30"));
        var fields = at130.Single(d => d.Drop.Field == "PodSecurityContext.appArmorProfile");
        Assert.Equal(ValueMap.Of(("AppArmorFields", false)), fields.Gates);
        Assert.Equal(ValueMap.Of(("AppArmor", false)), at130.Single(d => d.Drop.Field.StartsWith("ObjectMeta.annotations", StringComparison.Ordinal)).Gates);
        foreach (string version in new[] { "1.31", "1.32", "1.33" })
        {
            Assert.DoesNotContain(GatedDropGen.For(Release(version)), d => d.Drop.Gate is "AppArmor" or "AppArmorFields");
        }

        var pods = Seeds.Sample(PodGen.ValidWholeApiFor(Release("1.30")).SelectMany(fields.Drop.Apply), ReplaySeed.Of(3173), 30, 60);
        Assert.All(pods.Where(p => p.Spec.OS?.Name != "windows"), p =>
        {
            Assert.True(fields.Drop.Present(p));
            Assert.DoesNotContain(p.Metadata.Annotations.Keys, k => k.StartsWith("container.apparmor.security.beta.kubernetes.io/", StringComparison.Ordinal));
            var created = PodCreate.Run(p, GateSwitch.Apply(Release("1.30"), fields.Gates));
            Assert.True(created.Accepted, created.Validation.ToAggregateString());
            Assert.False(fields.Drop.Present(created.Stored));
        });
    }

    /// <summary>Why the sidecars are stripped: one with a probe, the gate off, is refused once its restartPolicy is dropped.</summary>
    [Fact]
    public void A_sidecar_with_a_probe_is_refused_once_SidecarContainers_drops_its_restart_policy()
    {
        var profile = Release("1.28");
        var probe = new Probe { Handler = new ProbeHandler { ExecCommand = ValueList.Of("true") } };
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new PodSpec
            {
                Containers = ValueList.Of(new Container { Name = "app", Image = "nginx" }),
                InitContainers = ValueList.Of(new Container { Name = "proxy", Image = "envoy", RestartPolicy = "Always", ReadinessProbe = probe }),
            },
        };
        var created = PodCreate.Run(pod, profile);
        Assert.Equal(["spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"], created.Validation.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_default_profile_drops_the_off_gates_fields_without_case_gates()
    {
        // 1.37's defaults: the alpha gates and GenericWorkload (beta) are off; ClusterTrustBundleProjection (GA, not locked),
        // MatchLabelKeysInPodTopologySpread, PodLevelResources and ContainerRestartRules (beta, on) can be turned off by a
        // case; the locked gates (the DEF-201 security gates among them) cannot.
        var drops = GatedDropGen.For(Profile.Default);
        Assert.Equal(
            ["Lifecycle.stopSignal", "PodSpec.schedulingGroup", "PodSpec.evictionResponders", "VolumeMount.bindMountOptions", "HTTPGetAction.protocol", "GRPCAction.mode", "ConfigMapVolumeSource.defaultUser", "EmptyDirVolumeSource.mode"],
            drops.Where(d => d.Gates.IsEmpty).Select(d => d.Drop.Field));
        Assert.Equal(
            ["VolumeProjection.clusterTrustBundle", "TopologySpreadConstraint.matchLabelKeys", "PodSpec.resources", "Container.restartPolicyRules"],
            drops.Where(d => !d.Gates.IsEmpty).Select(d => d.Drop.Field));
        Assert.Equal(ValueMap.Of((FeatureGateNames.ClusterTrustBundleProjection, false)), drops.Single(d => d.Drop.Field == "VolumeProjection.clusterTrustBundle").Gates);

        // MatchLabelKeysInPodTopologySpreadSelectorMerge depends on MatchLabelKeysInPodTopologySpread from 1.35 (PROF-005): both go off.
        Assert.Equal(
            ValueMap.Of((FeatureGateNames.MatchLabelKeysInPodTopologySpread, false), (FeatureGateNames.MatchLabelKeysInPodTopologySpreadSelectorMerge, false)),
            drops.Single(d => d.Drop.Field == "TopologySpreadConstraint.matchLabelKeys").Gates);
    }

    [Fact]
    public void A_gate_the_run_names_is_never_turned_off_by_a_case()
    {
        var release = Profile.Default.Version;
        Assert.True(FeatureGateParser.TryParse("ClusterTrustBundleProjection=true,AllBeta=true", release, out var overrides, out string error), error);
        var drops = GatedDropGen.For(Profile.For(release) with { Overrides = overrides });
        Assert.DoesNotContain(drops, d => d.Drop.Gate is FeatureGateNames.ClusterTrustBundleProjection or FeatureGateNames.MatchLabelKeysInPodTopologySpread);
    }
}
