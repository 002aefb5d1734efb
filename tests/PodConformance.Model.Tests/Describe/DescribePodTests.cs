using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Describe;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Describe;

/// <summary>
/// Whole-pod cases of kubectl <c>pkg/describe/describe_test.go</c> (kubernetes/kubectl v0.37.0-beta.0,
/// 73d1fa00ef97ad19b0554986ba72d0ae39501bdd): TestDescribePod, …ServiceAccount, …EphemeralContainers, …Node,
/// …Tolerations, …Volumes, TestDescribeTopologySpreadConstraints, TestDescribePodPriority, …RuntimeClass,
/// …SchedulingGroup, TestDescribeSeccompProfile, TestDescribeProjectedVolumesOptionalSecret, TestDescribeTerminalEscape
/// (a ConfigMap there; the same prefix writer here). Upstream passes ShowEvents with a fake client: an empty event list.
/// Rows that differ by release cite the describe.go blob of the release (spec/describe.md).
/// </summary>
public class DescribePodTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly Profile Kubectl137 = Profile.Default;

    private static string Describe(Pod pod, Profile? kubectl = null) => DescribePod.Render(pod, [], Now, kubectl ?? Kubectl137).Text;

    private static Pod Bar(PodSpec? spec = null, PodStatus? status = null, string ns = "foo") =>
        new() { Metadata = new ObjectMeta { Name = "bar", Namespace = ns }, Spec = spec ?? new PodSpec(), Status = status };

    [Fact]
    public void An_image_volume_pod_prints_exactly_as_TestDescribePodVolumes()
    {
        var pod = Bar(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "image", Image = new ImageVolumeSource { Reference = "image", PullPolicy = "IfNotPresent" } }) });
        const string expected =
            "Name:         bar\n" +
            "Namespace:    foo\n" +
            "Node:         <none>\n" +
            "Labels:       <none>\n" +
            "Annotations:  <none>\n" +
            "Status:       \n" +
            "IP:           \n" +
            "IPs:          <none>\n" +
            "Containers: <none>\n" +
            "Volumes:\n" +
            "  image:\n" +
            "    Type:        Image (a container image or OCI artifact)\n" +
            "    Reference:   image\n" +
            "    PullPolicy:  IfNotPresent\n" +
            "QoS Class:       BestEffort\n" +
            "Node-Selectors:  <none>\n" +
            "Tolerations:     <none>\n" +
            "Events:          <none>\n";
        Assert.Equal(expected, Describe(pod));
    }

    [Fact]
    public void Before_1_32_an_image_volume_is_unknown_to_describe()
    {
        // describe.go v0.31.0 (blob fc76f232) has no Image case: the default prints "<unknown>" at level 1.
        var pod = Bar(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "image", Image = new ImageVolumeSource { Reference = "image", PullPolicy = "IfNotPresent" } }) });
        Assert.Contains("Volumes:\n  image:\n  <unknown>\nQoS Class:", Describe(pod, Profile.For(new KubernetesVersion(1, 31))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo", "bar", "Running", 37, "Terminating (lasts 10y)")]
    [InlineData("pod1", "ns1", "Pending", 37, "Terminating (lasts 10y)")]
    [InlineData("pod2", "ns2", "Succeeded", 37, "Succeeded")]
    [InlineData("pod3", "ns3", "Failed", 37, "Failed")]
    [InlineData("pod3", "ns3", "Failed", 30, "Terminating (lasts 10y)")] // v0.30.0 tests DeletionTimestamp alone
    public void A_pod_being_deleted_is_Terminating_unless_it_has_finished(string name, string ns, string phase, int minor, string status)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, DeletionTimestamp = Now.AddYears(-10), DeletionGracePeriodSeconds = 1234 },
            Spec = new PodSpec { ReadinessGates = ValueList.Of(new PodReadinessGate("condition1"), new PodReadinessGate("condition2")) },
            Status = new PodStatus { Phase = phase, Conditions = ValueList.Of(new PodCondition { Type = "condition1", Status = "True" }) },
        };
        var output = DescribePod.Render(pod, [], Now, Profile.For(new KubernetesVersion(1, minor)));
        string text = output.Text;
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains(ns, text, StringComparison.Ordinal);
        Assert.Contains("Status:", text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Equal(status.StartsWith("Terminating", StringComparison.Ordinal), text.Contains("Termination Grace Period:  1234s\n", StringComparison.Ordinal));
        // Readiness gates: the condition's status, or <none>; each cell ends with a space, as describe writes "%v \t%v \n".
        string raw = DescribePod.Write(pod, [], Now, Kubectl137).Unaligned;
        Assert.Contains("Readiness Gates:\n  Type\tStatus\n  condition1 \tTrue \n  condition2 \t<none> \n", raw, StringComparison.Ordinal);
        Assert.Empty(output.NotRendered);
    }

    [Fact]
    public void Service_account_node_and_nominated_node()
    {
        Assert.Contains("Service Account:  fooaccount\n", Describe(Bar(new PodSpec { ServiceAccountName = "fooaccount" })), StringComparison.Ordinal);
        string text = Describe(Bar(new PodSpec { NodeName = "all-in-one" }, new PodStatus { HostIP = "127.0.0.1", NominatedNodeName = "nodeA" }));
        Assert.Contains("all-in-one/127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains("NominatedNodeName:  nodeA\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_containers_get_their_own_section()
    {
        var pod = Bar(
            new PodSpec { EphemeralContainers = ValueList.Of(new Container { Name = "debugger", Image = "busybox" }) },
            new PodStatus { EphemeralContainerStatuses = ValueList.Of(new ContainerStatus { Name = "debugger", State = new ContainerState { Running = new ContainerStateRunning { StartedAt = Now } } }) });
        string text = Describe(pod);
        Assert.Contains("Ephemeral Containers:\n  debugger:\n", text, StringComparison.Ordinal);
        Assert.Contains("busybox", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerations_print_as_TestDescribePodTolerations_expects()
    {
        var pod = Bar(new PodSpec
        {
            Tolerations = ValueList.Of(
                new Toleration { Operator = "Exists" },
                new Toleration { Effect = "NoSchedule", Operator = "Exists" },
                new Toleration { Key = "key0", Operator = "Exists" },
                new Toleration { Key = "key1", Value = "value1" },
                new Toleration { Key = "key2", Operator = "Equal", Value = "value2", Effect = "NoSchedule" },
                new Toleration { Key = "key3", Value = "value3", Effect = "NoExecute", TolerationSeconds = 300 },
                new Toleration { Key = "key4", Effect = "NoExecute", TolerationSeconds = 60 }),
        });
        string text = Describe(pod);
        foreach (string expected in new[] { "  op=Exists\n", ":NoSchedule op=Exists\n", "key0 op=Exists\n", "key1=value1\n", "key2=value2:NoSchedule\n", "key3=value3:NoExecute for 300s\n", "key4:NoExecute for 60s\n", "Tolerations:" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Sorted by key, stable: the two empty keys keep their order and come first.
        Assert.Contains("Tolerations:     op=Exists\n                 :NoSchedule op=Exists\n                 key0 op=Exists\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_spread_constraints_print_sorted_with_their_selector()
    {
        var pod = Bar(new PodSpec
        {
            TopologySpreadConstraints = ValueList.Of(
                new TopologySpreadConstraint { MaxSkew = 3, TopologyKey = "topology.kubernetes.io/test1", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("key1", "val1"), ("key2", "val2")) } },
                new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "topology.kubernetes.io/test2", WhenUnsatisfiable = "ScheduleAnyway" }),
        });
        string text = Describe(pod);
        Assert.Contains("topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n", text, StringComparison.Ordinal);
        Assert.Contains("topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_and_runtime_class()
    {
        string text = Describe(new Pod { Metadata = new ObjectMeta { Name = "bar" }, Spec = new PodSpec { PriorityClassName = "high-priority", Priority = 1000 } });
        Assert.Contains("high-priority", text, StringComparison.Ordinal);
        Assert.Contains("1000", text, StringComparison.Ordinal);
        Assert.Contains("Runtime Class Name:", Describe(Bar(new PodSpec { RuntimeClassName = "test1" })), StringComparison.Ordinal);
        Assert.Contains("test1", Describe(Bar(new PodSpec { RuntimeClassName = "test1" })), StringComparison.Ordinal);
        Assert.DoesNotContain("Runtime Class Name", Describe(Bar(new PodSpec { RuntimeClassName = "" })), StringComparison.Ordinal);
        Assert.DoesNotContain("Runtime Class Name", Describe(Bar()), StringComparison.Ordinal);
    }

    [Fact]
    public void Scheduling_group_from_1_36_workload_ref_in_1_35()
    {
        var pod = Bar(new PodSpec { SchedulingGroup = new PodSchedulingGroup { PodGroupName = "pg" }, WorkloadRef = new WorkloadReference { Name = "w", PodGroup = "g" } });
        Assert.Contains("SchedulingGroup:\n  PodGroupName:  pg", Describe(pod), StringComparison.Ordinal);
        Assert.DoesNotContain("SchedulingGroup:", Describe(Bar()), StringComparison.Ordinal);
        // describe.go v0.35.0 (blob 578bc94c) prints WorkloadRef instead; v0.34.0 neither.
        string at135 = Describe(pod, Profile.For(new KubernetesVersion(1, 35)));
        Assert.Contains("WorkloadRef:\n  Name:      w\n  PodGroup:  g\n", at135, StringComparison.Ordinal);
        Assert.DoesNotContain("SchedulingGroup", at135, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkloadRef", Describe(pod, Profile.For(new KubernetesVersion(1, 34))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pod", "Localhost", "lauseafoodpod")]
    [InlineData("pod", "RuntimeDefault", null)]
    [InlineData("container", "Localhost", "tikkamasalaconatiner")]
    [InlineData("container", "Unconfined", null)]
    [InlineData("ephemeral", "Localhost", "dropshotephemeral")]
    public void Seccomp_profiles_of_pod_and_containers(string where, string type, string? localhost)
    {
        var profile = new SeccompProfile { Type = type, LocalhostProfile = localhost };
        var spec = where switch
        {
            "pod" => new PodSpec { SecurityContext = new PodSecurityContext { SeccompProfile = profile } },
            "container" => new PodSpec { Containers = ValueList.Of(new Container { SecurityContext = new SecurityContext { SeccompProfile = profile } }) },
            _ => new PodSpec { EphemeralContainers = ValueList.Of(new Container { SecurityContext = new SecurityContext { SeccompProfile = profile } }) },
        };
        string text = Describe(new Pod { Spec = spec });
        Assert.Contains("SeccompProfile", text, StringComparison.Ordinal);
        Assert.Contains(type, text, StringComparison.Ordinal);
        if (localhost is not null)
        {
            Assert.Contains("LocalhostProfile", text, StringComparison.Ordinal);
            Assert.Contains(localhost, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Projected_optional_secret_prints_Optional_true_from_1_33()
    {
        var pod = Bar(new PodSpec
        {
            Volumes = ValueList.Of(new Volume { Name = "optional-secret", Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { Secret = new SecretProjection { Name = "optional-secret", Optional = true } }) } }),
        });
        Assert.Contains("SecretName:  optional-secret\n    Optional:    true", Describe(pod), StringComparison.Ordinal);
        // describe.go v0.32.0 (blob 75b1662e) printed the *bool itself under SecretOptionalName.
        Assert.Contains("SecretName:          optional-secret\n    SecretOptionalName:  0xc000000000\n", Describe(pod, Profile.For(new KubernetesVersion(1, 32))), StringComparison.Ordinal);
    }

    /// <summary>DESC-032: the volume printers of describe.go (the same text v0.28.0–v0.37.0-beta.0).</summary>
    [Fact]
    public void Volume_kinds_print_their_fields()
    {
        var pod = Bar(new PodSpec
        {
            Volumes = ValueList.Of(
                new Volume { Name = "host", HostPath = new HostPathVolumeSource { Path = "/var/log" } },
                new Volume { Name = "cfg", ConfigMap = new ObjectReference { Name = "app-config" } },
                new Volume { Name = "pw", Secret = new ObjectReference { Name = "db", Optional = true } },
                new Volume { Name = "claim", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "data", ReadOnly = true } },
                new Volume { Name = "ceph", CephFS = new CephFSVolumeSource { Monitors = ValueList.Of("10.0.0.1:6789", "10.0.0.2:6789"), SecretRef = new LocalObjectReference { Name = "ceph-secret" } } },
                new Volume { Name = "flex", FlexVolume = new FlexVolumeSource { Driver = "example/lvm", Options = ValueMap.Of(("size", "1Gi"), ("mode", "rw")) } },
                new Volume { Name = "fc", FC = new FCVolumeSource { TargetWWNs = ValueList.Of("500a0982991b8dc5", "500a0982891b8dc5") } },
                new Volume { Name = "iscsi", ISCSI = new ISCSIVolumeSource { TargetPortal = "10.0.0.9:3260", IQN = "iqn.2001-04.com.example:storage", ISCSIInterface = "default", Portals = ValueList.Of("10.0.0.10:3260") } },
                new Volume { Name = "azure", AzureDisk = new AzureDiskVolumeSource { DiskName = "d1", DataDiskURI = "https://x/d1.vhd", Kind = "Shared", FSType = "ext4", CachingMode = "ReadWrite", ReadOnly = false } },
                new Volume { Name = "dapi", DownwardApiPresent = true, DownwardApiItems = ValueList.Of(new DownwardApiVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels" } }) }),
        });
        string raw = DescribePod.Write(pod, null, Now, Kubectl137).Unaligned;
        Assert.Contains("  host:\n    Type:\tHostPath (bare host directory volume)\n    Path:\t/var/log\n    HostPathType:\t<none>\n", raw, StringComparison.Ordinal);
        Assert.Contains("  cfg:\n    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\tapp-config\n    Optional:\tfalse\n", raw, StringComparison.Ordinal);
        Assert.Contains("  pw:\n    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\tdb\n    Optional:\ttrue\n", raw, StringComparison.Ordinal);
        Assert.Contains("    ClaimName:\tdata\n    ReadOnly:\ttrue\n", raw, StringComparison.Ordinal);
        Assert.Contains("    Monitors:\t[10.0.0.1:6789 10.0.0.2:6789]\n    Path:\t\n    User:\t\n    SecretFile:\t\n    SecretRef:\t&{ceph-secret}\n    ReadOnly:\tfalse\n", raw, StringComparison.Ordinal);
        Assert.Contains("    SecretRef:\t<nil>\n    ReadOnly:\tfalse\n    Options:\tmap[mode:rw size:1Gi]\n", raw, StringComparison.Ordinal);
        Assert.Contains("    TargetWWNs:\t500a0982991b8dc5, 500a0982891b8dc5\n    LUN:\t<none>\n", raw, StringComparison.Ordinal);
        Assert.Contains("    Lun:\t0\n    ISCSIInterface\tdefault\n    FSType:\t\n    ReadOnly:\tfalse\n    Portals:\t[10.0.0.10:3260]\n    DiscoveryCHAPAuth:\tfalse\n    SessionCHAPAuth:\tfalse\n    SecretRef:\t<nil>\n    InitiatorName:\t<none>\n", raw, StringComparison.Ordinal);
        Assert.Contains("    DiskURI:\thttps://x/d1.vhd\n    Kind: \tShared\n    FSType:\text4\n    CachingMode:\tReadWrite\n    ReadOnly:\tfalse\n", raw, StringComparison.Ordinal);
        Assert.Contains("    Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n      metadata.labels -> labels\n", raw, StringComparison.Ordinal);
        Assert.Empty(DescribePod.Render(pod, null, Now, Kubectl137).NotRendered);
    }

    /// <summary>DESC-003: where kubectl would dereference an unset pointer (and panic), the line is left out and the gap named.</summary>
    [Fact]
    public void Unset_pointers_kubectl_dereferences_are_reported_not_guessed()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "bar", Namespace = "foo", DeletionTimestamp = Now.AddSeconds(-5) },
            Spec = new PodSpec { Volumes = ValueList.Of(new Volume { Name = "disk", AzureDisk = new AzureDiskVolumeSource { DiskName = "d1" } }) },
        };
        var output = DescribePod.Render(pod, null, Now, Kubectl137);
        Assert.Contains("Status:       Terminating (lasts 5s)\n", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Termination Grace Period", output.Text, StringComparison.Ordinal);
        Assert.Contains("  disk:\nQoS Class:", output.Text, StringComparison.Ordinal);
        Assert.Equal(2, output.NotRendered.Count);
        Assert.Contains(output.NotRendered, n => n.StartsWith("Termination Grace Period", StringComparison.Ordinal));
        Assert.Contains(output.NotRendered, n => n.StartsWith("volume disk: azureDisk", StringComparison.Ordinal));
    }

    [Fact]
    public void Terminal_escapes_are_neutralised()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "mycm", Namespace = "foo", Annotations = ValueMap.Of(("annotation1", "terminal escape: \u001b")) } };
        string text = Describe(pod);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains("^[", text, StringComparison.Ordinal);
        Assert.Contains("a\\rb", Describe(Bar(new PodSpec(), new PodStatus { Message = "a\rb" })), StringComparison.Ordinal);
        // Event messages go through the same writer: escaped before the tabwriter measures them, after TrimSpace.
        var e = Model.Events.PodEvent.Once(Model.Events.PodEventType.Warning, "Failed", "bad \u001b[31mimage\r\n", "kubelet", null, Now, "EVENT-006");
        string events = DescribePod.Render(Bar(), [e], Now, Kubectl137).Text;
        Assert.EndsWith("  Warning  Failed  0s    kubelet  bad ^[[31mimage\n", events, StringComparison.Ordinal);
    }

    /// <summary>
    /// DESC-002: describe escapes only ESC and CR, so a <c>\v</c> or <c>\f</c> in a value reaches Go's tabwriter, which
    /// takes <c>\v</c> as a cell end (here the annotation's cell, padded by two) and <c>\f</c> as a line end that flushes
    /// (the lines after the message align on their own: <c>IP:</c> no longer pads to <c>Annotations:</c>). Worked out by
    /// hand from text/tabwriter's Write and format (golang/go src/text/tabwriter/tabwriter.go at commit 132d7ae99e2996349515a41832194a0d5c15725f).
    /// </summary>
    [Fact]
    public void Vertical_tabs_and_form_feeds_in_values_are_the_tabwriter_s()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "bar", Namespace = "foo", Annotations = ValueMap.Of(("k", "a\vb")) },
            Status = new PodStatus { Phase = "Pending", Message = "one\ftwo" },
        };
        string text = Describe(pod);
        Assert.StartsWith(
            "Name:         bar\n" +
            "Namespace:    foo\n" +
            "Node:         <none>\n" +
            "Labels:       <none>\n" +
            "Annotations:  k: a  b\n" +
            "Status:       Pending\n" +
            "Message:      one\n" +
            "two\n" +
            "IP:   \n" +
            "IPs:  <none>\n" +
            "Containers: <none>\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\v", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\f", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_events_there_is_no_Events_section_and_with_events_the_block_aligns_alone()
    {
        var pod = Bar();
        Assert.DoesNotContain("Events:", DescribePod.Render(pod, null, Now, Kubectl137).Text, StringComparison.Ordinal);
        var e = Model.Events.PodEvent.Once(Model.Events.PodEventType.Normal, "Scheduled", "Successfully assigned foo/bar to node-1", "default-scheduler", null, Now.AddSeconds(-5), "EVENT-001");
        string text = DescribePod.Render(pod, [e], Now, Kubectl137).Text;
        // DescribeEvents flushes the tabwriter first, so "Events:" is not padded to the lines above it.
        Assert.EndsWith("Tolerations:     <none>\nEvents:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  5s    default-scheduler  Successfully assigned foo/bar to node-1\n", text, StringComparison.Ordinal);
    }
}
