using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// dropDisabledFields on create (ADM-080…096) against kubernetes pkg/api/pod/util.go: v1.32.1 and v1.33.3 as vendored in
/// openshift/openshift-apiserver (c596b6e88, cd1ea2cd7), 1.35 at kubernetes 462ee14a, 1.37 at kubernetes a6694418.
/// </summary>
public class DisabledFieldsTests
{
    private static Pod WithContainer(Container c) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "team-a" },
        Spec = new PodSpec { Containers = [c] },
    };

    private static Container C() => new() { Name = "app", Image = "nginx" };

    private static Profile SleepGate(int minor, bool on) => new(new KubernetesVersion(1, minor), ValueMap.Of((FeatureGateNames.PodLifecycleSleepAction, on)));

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, false)]
    public void An_empty_lifecycle_goes_while_the_sleep_gate_is_off_ADM_092(int minor, bool? gate)
    {
        // dropPodLifecycleSleepAction adjusts every container's lifecycle, then drops one with neither handler (nor, from
        // 1.33, a stop signal), whether or not it had a sleep: `lifecycle: {}` is not stored.
        var profile = gate is { } on ? SleepGate(minor, on) : Profile.For(new KubernetesVersion(1, minor));
        var r = PodCreate.Run(WithContainer(C() with { Lifecycle = new Lifecycle() }), profile);
        Assert.True(r.Accepted);
        Assert.Null(r.Stored.Spec.Containers[0].Lifecycle);
        var prepare = r.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare.Changes, c => c.Rule == AdmissionRules.DropSleepAction && c.Field == "spec.containers[0].lifecycle"
            && c.Value == "(dropped: feature gate PodLifecycleSleepAction is off)");
    }

    [Fact]
    public void In_1_29_only_the_sleep_goes_and_the_handler_and_lifecycle_stay_ADM_092()
    {
        // The 1.29.9 dropDisabledFields (rancher/support-bundle-kit c37d268c4) sets each handler's Sleep to nil and nothing
        // else; PodLifecycleSleepAction is alpha, off, in 1.29.
        var v129 = Profile.For(new KubernetesVersion(1, 29));
        var empty = PodCreate.Run(WithContainer(C() with { Lifecycle = new Lifecycle() }), v129);
        Assert.True(empty.Accepted);
        Assert.Equal(new Lifecycle(), empty.Stored.Spec.Containers[0].Lifecycle);

        var sleepOnly = PodCreate.Run(WithContainer(C() with { Lifecycle = new Lifecycle { PreStop = new ProbeHandler { SleepSeconds = 5 } } }), v129);
        Assert.False(sleepOnly.Accepted);
        Assert.Equal(["spec.containers[0].lifecycle.preStop: Required value: must specify a handler type"], sleepOnly.Validation.Errors.Select(e => e.ToString()));
        var prepare = sleepOnly.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare.Changes, c => c.Rule == AdmissionRules.DropSleepAction && c.Field == "spec.containers[0].lifecycle.preStop.sleep");

        var both = new Lifecycle { PostStart = new ProbeHandler { ExecCommand = ["true"], SleepSeconds = 5 } };
        var kept = PodCreate.Run(WithContainer(C() with { Lifecycle = both }), v129);
        Assert.True(kept.Accepted);
        Assert.Equal(new Lifecycle { PostStart = new ProbeHandler { ExecCommand = ["true"] } }, kept.Stored.Spec.Containers[0].Lifecycle);

        // From 1.30 (1.32 read) a handler left empty goes, and the lifecycle with it.
        var removed = PodCreate.Run(WithContainer(C() with { Lifecycle = new Lifecycle { PreStop = new ProbeHandler { SleepSeconds = 5 } } }), SleepGate(32, false));
        Assert.True(removed.Accepted);
        Assert.Null(removed.Stored.Spec.Containers[0].Lifecycle);
    }

    [Fact]
    public void Without_the_AppArmor_gate_its_container_annotations_are_not_stored_DEF_201()
    {
        // dropDisabledFields of v1.27.11 and v1.29.9 (rancher/support-bundle-kit 2f54eb6b4, c37d268c4) deletes every
        // container.apparmor.security.beta.kubernetes.io/ annotation while AppArmor is off (beta, on by default, in 1.29).
        const string key = "container.apparmor.security.beta.kubernetes.io/app";
        var pod = WithContainer(C());
        pod = pod with { Metadata = pod.Metadata with { Annotations = ValueMap.Of((key, "runtime/default"), ("team", "a")) } };

        var off = PodCreate.Run(pod, new Profile(new KubernetesVersion(1, 29), ValueMap.Of(("AppArmor", false))));
        Assert.True(off.Accepted);
        Assert.False(off.Stored.Metadata.Annotations.ContainsKey(key));
        Assert.Equal("a", off.Stored.Metadata.Annotations["team"]);
        var prepare = off.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare.Changes, c => c.Field == "metadata.annotations[" + key + "]" && c.Value == "(dropped: feature gate AppArmor is off)");

        Assert.Equal("runtime/default", PodCreate.Run(pod, Profile.For(new KubernetesVersion(1, 29))).Stored.Metadata.Annotations[key]);
    }

    /// <summary>
    /// v1.30.7's dropDisabledFields (kubeedge/kubeedge 9b280adfa, vendoring kubeedge/kubernetes v1.30.7-kubeedge1; its
    /// v1.32.10 copy differs from upstream v1.32.1 only by two upstream patch fixes, so the fork leaves util.go alone): the
    /// AppArmor annotations, then with AppArmor or AppArmorFields off the pod's and each container's appArmorProfile, then
    /// hostUsers. Session 14: the model dropped the fields after procMount, so explain's order differed.
    /// </summary>
    [Theory]
    [InlineData("AppArmorFields")]
    [InlineData("AppArmor")]
    public void At_1_30_the_AppArmor_fields_go_first_with_either_gate_off_DEF_201(string gate)
    {
        var profile = new Profile(new KubernetesVersion(1, 30), ValueMap.Of((gate, false)));
        var runtimeDefault = new AppArmorProfile { Type = "RuntimeDefault" };
        var pod = WithContainer(C() with { SecurityContext = new SecurityContext { AppArmorProfile = runtimeDefault } });
        pod = pod with { Spec = pod.Spec with { HostUsers = false, SecurityContext = new PodSecurityContext { AppArmorProfile = runtimeDefault } } };
        var r = PodCreate.Run(pod, profile);
        Assert.True(r.Accepted, r.Validation.ToAggregateString());
        Assert.Null(r.Stored.Spec.SecurityContext?.AppArmorProfile);
        Assert.Null(r.Stored.Spec.Containers[0].SecurityContext?.AppArmorProfile);
        var prepare = r.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Equal(
            ["spec.securityContext.appArmorProfile", "spec.containers[0].securityContext.appArmorProfile", "spec.hostUsers"],
            prepare.Changes.Where(c => c.Rule == "DEF-201").Select(c => c.Field));

        // On at 1.30 (both beta, on): kept.
        Assert.NotNull(PodCreate.Run(pod with { Spec = pod.Spec with { HostUsers = null } }, Profile.For(new KubernetesVersion(1, 30))).Stored.Spec.SecurityContext?.AppArmorProfile);
    }

    /// <summary>
    /// An ephemeral volume's claim template keeps <c>dataSourceRef.namespace</c> whatever CrossNamespaceVolumeDataSource says
    /// (alpha, off, in every release): no pod util.go read drops it (v1.27.11, v1.29.9, v1.30.7, v1.31.11, v1.32.1, v1.35.0 have
    /// no DataSourceRef in dropDisabledFields; the drop of pkg/api/persistentvolumeclaim is the claim's own create, made later
    /// by the ephemeral volume controller), and ValidatePersistentVolumeClaimTemplate's options of a new template carry no
    /// such gate (v1.28.1, v1.29.9, v1.32.1, v1.34.1, v1.35.0 validation.go). Session 14 (VAL-633).
    /// </summary>
    [Theory]
    [InlineData(28)]
    [InlineData(37)]
    public void An_ephemeral_claim_templates_data_source_namespace_is_kept_and_validated_whatever_the_gate_VAL_633(int minor)
    {
        static Pod WithTemplate(string ns) => new()
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = "team-a" },
            Spec = new PodSpec
            {
                Containers = [new Container { Name = "app", Image = "nginx", VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/data" }] }],
                Volumes =
                [
                    new Volume
                    {
                        Name = "data",
                        SourceKind = "ephemeral",
                        Ephemeral = new EphemeralVolumeSource
                        {
                            VolumeClaimTemplate = new PersistentVolumeClaimTemplate
                            {
                                Spec = new PersistentVolumeClaimSpec
                                {
                                    AccessModes = ["ReadWriteOnce"],
                                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", PodConformance.Model.Quantities.Quantity.Parse("1Gi"))) },
                                    DataSourceRef = new TypedObjectReference { Kind = "PersistentVolumeClaim", Name = "source", Namespace = ns },
                                },
                            },
                        },
                    },
                ],
            },
        };

        var release = new KubernetesVersion(1, minor);
        var off = Profile.For(release);
        var on = new Profile(release, ValueMap.Of(("CrossNamespaceVolumeDataSource", true)));
        Assert.False(off.IsEnabled("CrossNamespaceVolumeDataSource"));
        foreach (var profile in new[] { off, on })
        {
            var kept = PodCreate.Run(WithTemplate("backups"), profile);
            Assert.True(kept.Accepted, kept.Validation.ToAggregateString());
            Assert.Equal("backups", kept.Stored.Spec.Volumes[0].Ephemeral!.VolumeClaimTemplate!.Spec.DataSourceRef!.Namespace);
            Assert.DoesNotContain(kept.Steps.SelectMany(s => s.Changes), c => c.Field.Contains("dataSourceRef", StringComparison.Ordinal));
        }

        var errorsOff = PodCreate.Run(WithTemplate("Shared_Data"), off).Validation.Errors.Select(e => e.ToString()).ToList();
        Assert.Single(errorsOff, e => e.StartsWith("spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRef.namespace: Invalid value: \"Shared_Data\": ", StringComparison.Ordinal));
        Assert.Equal(errorsOff, PodCreate.Run(WithTemplate("Shared_Data"), on).Validation.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_empty_lifecycle_stays_while_the_sleep_gate_is_on_or_absent_ADM_092()
    {
        var pod = WithContainer(C() with { Lifecycle = new Lifecycle() });
        Assert.NotNull(PodCreate.Run(pod, SleepGate(33, true)).Stored.Spec.Containers[0].Lifecycle);
        Assert.NotNull(PodCreate.Run(pod, Profile.For(new KubernetesVersion(1, 28))).Stored.Spec.Containers[0].Lifecycle); // no gate yet
        Assert.NotNull(PodCreate.Run(pod, Profile.For(new KubernetesVersion(1, 35))).Stored.Spec.Containers[0].Lifecycle); // locked on
    }

    [Fact]
    public void A_lifecycle_with_a_handler_or_a_stop_signal_stays_while_the_sleep_gate_is_off_ADM_092()
    {
        var exec = new Lifecycle { PreStop = new ProbeHandler { ExecCommand = ["true"] } };
        Assert.Equal(exec, PodCreate.Run(WithContainer(C() with { Lifecycle = exec }), SleepGate(32, false)).Stored.Spec.Containers[0].Lifecycle);

        // 1.33: ContainerStopSignals is alpha; with it on the signal survives, and so does the lifecycle.
        var signal = new Lifecycle { StopSignal = "SIGTERM" };
        var profile = new Profile(new KubernetesVersion(1, 33), ValueMap.Of((FeatureGateNames.PodLifecycleSleepAction, false), ("ContainerStopSignals", true)));
        var withOs = WithContainer(C() with { Lifecycle = signal });
        withOs = withOs with { Spec = withOs.Spec with { OS = new PodOS { Name = "linux" } } };
        Assert.Equal("SIGTERM", PodCreate.Run(withOs, profile).Stored.Spec.Containers[0].Lifecycle?.StopSignal);
    }
}
