using System.Reflection;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Every error PodValidator produces names the spec/validation.md rule that produced it, and the rule IDs of the
/// code (<see cref="ValidationRules"/>) and of the spec are the same set.
/// </summary>
public class ValidationRuleTests
{
    /// <summary>Rules about printing (VAL-001/002/201), VAL-035 (overhead is checked by the container rules, whose IDs its
    /// errors carry), and the not-checked container fields (VAL-049).</summary>
    private static readonly string[] NeverStamped =
    [
        ValidationRules.ErrorText, ValidationRules.PathText, ValidationRules.Overhead, ValidationRules.BadValueText,
        ValidationRules.UncheckedContainerFields, ValidationRules.UncheckedNewFields,
    ];

    private static readonly Lazy<HashSet<string>> SpecIds = new(ReadSpecIds);

    private static HashSet<string> ReadSpecIds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(dir.FullName, "spec", "validation.md")))
        {
            var m = Regex.Match(line, @"^\|\s*(VAL-\d{3})\s*\|");
            if (m.Success)
            {
                Assert.True(ids.Add(m.Groups[1].Value), "spec row listed twice: " + m.Groups[1].Value);
            }
        }

        return ids;
    }

    private static Dictionary<string, string> RuleConstants()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in typeof(ValidationRules).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (f.IsLiteral && f.FieldType == typeof(string))
            {
                map.Add(f.Name, (string)f.GetRawConstantValue()!);
            }
        }

        return map;
    }

    private static Probe GoodProbe => new() { Handler = new ProbeHandler { TcpSocketPort = IntOrString.FromInt(80) }, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 };

    private static Volume DownwardVolume(params DownwardApiVolumeFile[] items) =>
        new() { Name = "info", SourceKind = "downwardAPI", DownwardApiItems = ValueList.Of(items) };

    /// <summary>Changes the first container (a fresh one when an earlier breakage removed them all); drops the rest.</summary>
    private static Pod WithC(Pod pod, Func<Container, Container> change) =>
        pod.WithSpec(s => s with { Containers = ValueList.Of(change(s.Containers.IsEmpty ? Container() : s.Containers[0])) });

    /// <summary>Named ways to break a valid one-container pod, one or more rules each; combined freely by the property below.</summary>
    public static readonly (string Name, Func<Pod, Pod> Break)[] Breakages =
    [
        ("no name", p => p with { Metadata = p.Metadata with { Name = "" } }),
        ("bad name and generateName", p => p with { Metadata = p.Metadata with { Name = "Web", GenerateName = "Gen_" } }),
        ("bad namespace, label, annotation", p => p with { Metadata = p.Metadata with { Namespace = "A.b", Labels = ValueMap.Of(("-x", "y z")), Annotations = ValueMap.Of(("-A", "v")) } }),
        ("no containers", p => p.WithSpec(s => s with { Containers = ValueList<Container>.Empty })),
        ("container name", p => WithC(p, c => c with { Name = "Bad_Name" })),
        ("container name with dots", p => WithC(p, c => c with { Name = "a.b" })),
        ("empty container name", p => WithC(p, c => c with { Name = "" })),
        ("duplicate names", p => p.WithSpec(s => s with { Containers = s.Containers.IsEmpty ? ValueList.Of(Container(), Container()) : ValueList.Of(s.Containers[0], s.Containers[0]) }).WithInit(Container(p.Spec.Containers.IsEmpty ? "app" : p.Spec.Containers[0].Name))),
        ("image", p => WithC(p, c => c with { Image = "" })),
        ("image whitespace", p => WithC(p, c => c with { Image = " nginx " })),
        ("policies", p => WithC(p, c => c with { ImagePullPolicy = "Sometimes", TerminationMessagePolicy = "" })),
        ("ephemeral", p => p.WithSpec(s => s with { EphemeralContainers = ValueList.Of(Container("dbg") with { TargetContainerName = "nope", Ports = ValueList.Of(Port(80)), LivenessProbe = GoodProbe }) })),
        ("port names", p => WithC(p, c => c.WithPorts(Port(80, name: "HTTP--"), Port(81, name: "web"), Port(82, name: "web")))),
        ("port numbers", p => WithC(p, c => c.WithPorts(Port(0), Port(70000, hostPort: -1, protocol: "ICMP"), Port(1, protocol: "")))),
        ("host port conflicts", p => WithC(p, c => c.WithPorts(Port(80, hostPort: 8080), Port(81, hostPort: 8080)))),
        ("host network", p => WithC(p, c => c.WithPorts(Port(80, hostPort: 8080))).WithSpec(s => s with { HostNetwork = true })),
        ("resource names", p => WithC(p, c => c.WithResources(Res(("disk", "1"), ("pods", "1"), ("a/b/c", "1")), ValueMap<Quantity>.Empty))),
        ("quantities", p => WithC(p, c => c.WithResources(Res(("cpu", "-1"), ("example.com/gpu", "500m")), Res(("example.com/gpu", "500m"))))),
        ("requests above limits", p => WithC(p, c => c.WithResources(Res(("cpu", "300m"), ("memory", "2Gi")), Res(("cpu", "50m"), ("memory", "1Gi"))))),
        ("non overcommittable", p => WithC(p, c => c.WithResources(Res(("example.com/gpu", "1"), ("example.com/fpga", "1")), Res(("example.com/gpu", "2"))))),
        ("hugepages", p => WithC(p, c => c.WithResources(ValueMap<Quantity>.Empty, Res(("hugepages-2Mi", "3Mi"))))),
        ("overhead", p => p.WithSpec(s => s with { Overhead = Res(("cpu", "-1"), ("disk", "1"), ("hugepages-2Mi", "3Mi")) })),
        ("pod-level resources", p => p.WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("ephemeral-storage", "1Gi"), ("cpu", "1m")), Limits = Res(("cpu", "1m")) } })),
        ("pod-level consistency", p => WithC(p, c => c.WithResources(Res(("cpu", "500m")), Res(("cpu", "1")))).WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("cpu", "200m")), Limits = Res(("cpu", "800m")) } })),
        ("pod policies", p => p.WithSpec(s => s with { RestartPolicy = "Sometimes", DnsPolicy = "" })),
        ("init restart policy", p => p.WithInit(Container("i") with { RestartPolicy = "OnFailure", LivenessProbe = GoodProbe, Lifecycle = new Lifecycle() })),
        ("regular restart policy", p => WithC(p, c => c with { RestartPolicy = "Never" })),
        ("restart rules", p => WithC(p, c => c with
        {
            RestartPolicyRules = ValueList.Of(
                new ContainerRestartRule { Action = "Explode" },
                new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "Maybe" } }),
        })),
        ("resize policy", p => WithC(p, c => c with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "RestartContainer"), new ContainerResizePolicy("cpu", "Sometimes"), new ContainerResizePolicy("gpu", "")) }).WithSpec(s => s with { RestartPolicy = "Never" })),
        ("probes and handlers", p => WithC(p, c => c with
        {
            LivenessProbe = GoodProbe with { SuccessThreshold = 2, TimeoutSeconds = -1, TerminationGracePeriodSeconds = 0 },
            ReadinessProbe = GoodProbe with { Handler = new ProbeHandler { ExecCommand = ValueList<string>.Empty, HttpGet = new HttpGetAction { Port = IntOrString.FromString("HTTP--") } }, TerminationGracePeriodSeconds = 5 },
            StartupProbe = GoodProbe with { Handler = new ProbeHandler() },
            Lifecycle = new Lifecycle { PreStop = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/", Port = IntOrString.FromInt(0), Scheme = "FTP" } } },
        })),
        ("pod annotations", p => p with { Metadata = p.Metadata with { Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "x"), ("controller.kubernetes.io/pod-deletion-cost", "+1")) } }),
        ("http header names and sleep", p => WithC(p, c => c with
        {
            ReadinessProbe = GoodProbe with { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/", Port = IntOrString.FromInt(80), Scheme = "HTTP", HTTPHeaders = ValueList.Of(new HTTPHeader { Name = "X_Bad" }) } } },
            Lifecycle = new Lifecycle { PreStop = new ProbeHandler { SleepSeconds = 31 } },
        })),
        ("env names", p => WithC(p, c => c.WithEnv(Env("1BAD"), Env("A=B"), Env("")))),
        ("env value from", p => WithC(p, c => c.WithEnv(FieldEnv("A", "metadata.name") with { Value = "x" }, new EnvVar { Name = "B", ValueFrom = new EnvVarSource() }))),
        ("field refs", p => WithC(p, c => c.WithEnv(FieldEnv("A", "status.phase"), FieldEnv("B", "metadata.x"), FieldEnv("C", "metadata.labels['-bad']"), FieldEnv("D", "metadata.name", apiVersion: "")))),
        ("resource field refs", p => WithC(p, c => c.WithEnv(ResourceEnv("A", "limits.cpu", "2m"), ResourceEnv("B", "limits.gpu"), ResourceEnv("C", "")))),
        ("key refs", p => WithC(p, c => c.WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "", Key = "a/b" } } }))),
        ("file key refs", p => WithC(p, c => c.WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { VolumeName = "Bad_Vol", Path = "../x", Key = "" } } }))),
        ("env from", p => WithC(p, c => c with
        {
            EnvFrom = ValueList.Of(
                new EnvFromSource { Prefix = "1_", ConfigMapRef = new ObjectReference { Name = "Bad" } },
                new EnvFromSource(),
                new EnvFromSource { ConfigMapRef = new ObjectReference { Name = "" }, SecretRef = new ObjectReference { Name = "s" } }),
        })),
        ("volumes and mounts", p => WithC(p, c => c with
        {
            VolumeMounts = ValueList.Of(
                new VolumeMount { Name = "", MountPath = "" },
                new VolumeMount { Name = "data", MountPath = "", SubPath = "/abs/..", SubPathExpr = "x" }),
        }).WithSpec(s => s with { Volumes = ValueList.Of(new Volume { Name = "Bad_Vol" }, new Volume { Name = "", SourceKind = "emptyDir" }) })),
        ("downwardAPI volume", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(DownwardVolume(
                new DownwardApiVolumeFile { Path = "", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" }, ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } },
                new DownwardApiVolumeFile { Path = "..x", ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } },
                new DownwardApiVolumeFile { Path = "/x" })),
        })),
        ("volume sources", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "two", EmptyDir = new EmptyDirVolumeSource(), HostPath = new HostPathVolumeSource { Path = "/x" } },
                new Volume { Name = "neg", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Q("-1") } },
                new Volume { Name = "hp", HostPath = new HostPathVolumeSource { Path = "/a/..", Type = "Dir" } },
                new Volume { Name = "git", GitRepo = new GitRepoVolumeSource { Directory = "/abs" } },
                new Volume { Name = "gce", GCEPersistentDisk = new GCEPersistentDiskVolumeSource { Partition = 256 } }),
        })),
        ("secret and configMap volumes", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "s", Secret = new ObjectReference { DefaultMode = 512, Items = ValueList.Of(new KeyToPath { Path = "../x", Mode = -1 }) } },
                new Volume { Name = "c", ConfigMap = new ObjectReference { Name = "c", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "..x" }) } }),
        })),
        ("network volumes", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "nfs", NFS = new NFSVolumeSource { Path = "rel" } },
                new Volume { Name = "iscsi", ISCSI = new ISCSIVolumeSource { IQN = "iqnx", Lun = 300, DiscoveryCHAPAuth = true, InitiatorName = "x" } },
                new Volume { Name = "gluster", Glusterfs = new GlusterfsVolumeSource() },
                new Volume { Name = "pvc", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource() },
                new Volume { Name = "rbd", RBD = new RBDVolumeSource() }),
        })),
        ("plugin volumes", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(
                new Volume { Name = "flex", FlexVolume = new FlexVolumeSource { Options = ValueMap.Of(("kubernetes.io/x", "y")) } },
                new Volume { Name = "cinder", Cinder = new CinderVolumeSource { SecretRef = new LocalObjectReference() } },
                new Volume { Name = "cephfs", CephFS = new CephFSVolumeSource() },
                new Volume { Name = "flocker", Flocker = new FlockerVolumeSource { DatasetName = "a/b", DatasetUUID = "u" } },
                new Volume { Name = "fc", FC = new FCVolumeSource { TargetWWNs = ValueList.Of("w"), WWIDs = ValueList.Of("i") } },
                new Volume { Name = "azure-file", AzureFile = new AzureFileVolumeSource() },
                new Volume { Name = "vsphere", VsphereVolume = new VsphereVirtualDiskVolumeSource() },
                new Volume { Name = "quobyte", Quobyte = new QuobyteVolumeSource { Registry = "reg" } },
                new Volume { Name = "azure-disk", AzureDisk = new AzureDiskVolumeSource { CachingMode = "Sometimes", Kind = "Managed" } },
                new Volume { Name = "photon", PhotonPersistentDisk = new PhotonPersistentDiskVolumeSource() },
                new Volume { Name = "portworx", PortworxVolume = new PortworxVolumeSource() },
                new Volume { Name = "scaleio", ScaleIO = new ScaleIOVolumeSource() },
                new Volume { Name = "storageos", StorageOS = new StorageOSVolumeSource { VolumeNamespace = "Bad_NS" } },
                new Volume { Name = "csi", CSI = new CSIVolumeSource { NodePublishSecretRef = new LocalObjectReference { Name = "Bad_Name" } } }),
        })),
        ("projected volume", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(new Volume
            {
                Name = "proj",
                Projected = new ProjectedVolumeSource
                {
                    DefaultMode = -1,
                    Sources = ValueList.Of(
                        new VolumeProjection { Secret = new SecretProjection(), ConfigMap = new ConfigMapProjection { Name = "c" } },
                        new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { ExpirationSeconds = 1 } },
                        new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection { Name = "a", SignerName = "b" } },
                        new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = ValueList.Of(new DownwardApiVolumeFile { Path = "/p" }) } }),
                },
            }),
        })),
        ("ephemeral volume", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(new Volume
            {
                Name = "scratch",
                Ephemeral = new EphemeralVolumeSource
                {
                    VolumeClaimTemplate = new PersistentVolumeClaimTemplate
                    {
                        ObjectMeta = new ObjectMeta { Name = "x" },
                        Spec = new PersistentVolumeClaimSpec { AccessModes = ValueList.Of("Bogus"), VolumeMode = "Filesystem" },
                    },
                },
            }),
        })),
        ("image volume", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(new Volume { Name = "img", Image = new ImageVolumeSource { PullPolicy = "Sometimes" } }),
        })),
        ("mount options", p => WithC(p, c => c with
        {
            VolumeMounts = ValueList.Of(
                new VolumeMount { Name = "data", MountPath = "/a", MountPropagation = "Bidirectional", RecursiveReadOnly = "Enabled" },
                new VolumeMount { Name = "data", MountPath = "/b", MountPropagation = "Sideways", RecursiveReadOnly = "Maybe" }),
        }).WithSpec(s => s with { Volumes = ValueList.Of(new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource() }) })),
        ("volume devices", p => WithC(p, c => c with
        {
            VolumeDevices = ValueList.Of(new VolumeDevice { Name = "data", DevicePath = "/dev/x/.." }, new VolumeDevice { Name = "", DevicePath = "" }),
        }).WithSpec(s => s with { Volumes = ValueList.Of(new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource() }) })),
        ("pod spec fields", p => p.WithSpec(s => s with
        {
            TerminationGracePeriodSeconds = null,
            ActiveDeadlineSeconds = 0,
            NodeSelector = ValueMap.Of(("-k", "v v")),
            SchedulingGates = ValueList.Of(new PodSchedulingGate("-g"), new PodSchedulingGate("-g")),
            ServiceAccountName = "SA",
            NodeName = "Node",
            PriorityClassName = "Prio",
        })),
        ("readiness gates and names", p => p.WithSpec(s => s with
        {
            ReadinessGates = ValueList.Of(new PodReadinessGate("a/b/c")),
            Hostname = "Host_1",
            Subdomain = "sub.domain",
            HostnameOverride = "Bad_Name",
            HostNetwork = true,
            SetHostnameAsFQDN = true,
            RuntimeClassName = "",
            PreemptionPolicy = "Sometimes",
            WorkloadRef = new WorkloadReference { Name = "W", PodGroup = "g.1" },
        })),
        ("eviction responders", p => p.WithSpec(s => s with
        {
            SchedulingGroup = new PodSchedulingGroup { PodGroupName = "g" },
            EvictionResponders = ValueList.Of(new EvictionResponder { Name = "k8s.io/x", Priority = 5 }, new EvictionResponder { Name = "k8s.io/x" }),
        })),
        ("node affinity", p => p.WithSpec(s => s with
        {
            Affinity = new Affinity
            {
                NodeAffinity = new NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                    {
                        NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm
                        {
                            MatchExpressions = ValueList.Of(new NodeSelectorRequirement { Key = "zone", Operator = "Bogus", Values = ValueList.Of("a b") }),
                            MatchFields = ValueList.Of(new NodeSelectorRequirement { Key = "metadata.uid", Operator = "Exists" }),
                        }),
                    },
                    PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm { Weight = 0 }),
                },
            },
        })),
        ("pod affinity", p => p.WithSpec(s => s with
        {
            Affinity = new Affinity
            {
                PodAntiAffinity = new PodAntiAffinity
                {
                    PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new WeightedPodAffinityTerm
                    {
                        Weight = 101,
                        PodAffinityTerm = new PodAffinityTerm
                        {
                            LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = "In" }) },
                            Namespaces = ValueList.Of("Bad_NS"),
                            MatchLabelKeys = ValueList.Of("tier", "tier"),
                            MismatchLabelKeys = ValueList.Of("tier"),
                        },
                    }),
                },
            },
        })),
        ("tolerations", p => p.WithSpec(s => s with
        {
            Tolerations = ValueList.Of(
                new Toleration { Operator = "Equal", Value = "v v", TolerationSeconds = 5, Effect = "NoSchedule" },
                new Toleration { Key = "k", Operator = "Bogus", Effect = "Never" },
                new Toleration { Key = "n", Operator = "Gt", Value = "5" }),
        })),
        ("topology spread", p => p.WithSpec(s => s with
        {
            TopologySpreadConstraints = ValueList.Of(
                new TopologySpreadConstraint { MaxSkew = 0, TopologyKey = "", WhenUnsatisfiable = "Maybe", MinDomains = 0, NodeAffinityPolicy = "Always", MatchLabelKeys = ValueList.Of("app") },
                new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "", WhenUnsatisfiable = "Maybe", LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("-x", "y")) } }),
        })),
        ("dns config and host aliases", p => p.WithSpec(s => s with
        {
            DnsPolicy = "None",
            DNSConfig = new PodDNSConfig
            {
                Nameservers = ValueList.Of("1.2.3.4", "not-an-ip", "::1", "10.0.0.1"),
                Searches = ValueList.Of("under_score.example.com", "Bad"),
                Options = ValueList.Of(new PodDNSConfigOption()),
            },
            HostAliases = ValueList.Of(new HostAlias { IP = "999.1.1.1", Hostnames = ValueList.Of("Bad_Host") }),
        })),
        ("resource claims", p => WithC(p, c => c with
        {
            Resources = c.Resources with { Claims = ValueList.Of(new ResourceClaim { Name = "" }, new ResourceClaim { Name = "nope" }) },
        }).WithSpec(s => s with
        {
            ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "Bad_Claim" }, new PodResourceClaim { Name = "ok", ResourceClaimName = "a", ResourceClaimTemplateName = "b" }),
        })),
        ("stop signal without os", p => WithC(p, c => c with { Lifecycle = new Lifecycle { StopSignal = "SIGTERM" } })),
        ("tolerations annotation", p => p with { Metadata = p.Metadata with { Annotations = ValueMap.Of(("scheduler.alpha.kubernetes.io/tolerations", "[{\"key\":1}]")) } }),
        ("pod certificate projection", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(new Volume
            {
                Name = "cert",
                Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { PodCertificate = new PodCertificateProjection { KeyType = "RSA2048" } }) },
            }),
        })),
        ("scheduling group without a name", p => p.WithSpec(s => s with { SchedulingGroup = new PodSchedulingGroup() })),
        ("1.37 probe fields", p => WithC(p, c => c with
        {
            LivenessProbe = new Probe { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/", Port = IntOrString.FromInt(80), Scheme = "HTTPS", Protocol = "HTTP2" } } },
            ReadinessProbe = new Probe { Handler = new ProbeHandler { GrpcPort = 9000, GrpcMode = "mTLS" } },
        })),
        ("bind mount options", p => WithC(p, c => c with
        {
            VolumeMounts = ValueList.Of(new VolumeMount { Name = "v", MountPath = "/v", BindMountOptions = ValueList.Of("ro", "noexec", "noexec") }),
        }).WithSpec(s => s with { Volumes = ValueList.Of(new Volume { Name = "v", EmptyDir = new EmptyDirVolumeSource() }) })),
        ("volume user fields", p => p.WithSpec(s => s with
        {
            Volumes = ValueList.Of(new Volume { Name = "s", Secret = new ObjectReference { Name = "s", DefaultUser = -1, Items = ValueList.Of(new KeyToPath { Key = "k", Path = "p", User = 1L << 31 }) } }),
        })),
        .. SecurityBreakages.All,
    ];

    /// <summary>Profiles that switch the gated rules on and off.</summary>
    private static readonly int[] Minors = [28, 31, 33, 34, 35, 37];

    private static ValidationResult Validate(Pod pod, int minor) => PodValidator.Validate(pod, V(minor));

    /// <summary>1.37 with every alpha and beta gate on, so rules behind off-by-default gates are reached too.</summary>
    private static readonly Profile AllGatesOn = new(new KubernetesVersion(1, 37), ValueMap.Of(("AllAlpha", true), ("AllBeta", true)));

    private static void AssertRulesKnown(ValidationResult result, string scenario)
    {
        foreach (var e in result.Errors)
        {
            Assert.False(e.Rule.Length == 0, scenario + ": no rule on " + e);
            Assert.True(SpecIds.Value.Contains(e.Rule), scenario + ": " + e.Rule + " is not a spec/validation.md row, on " + e);
            Assert.DoesNotContain(e.Rule, NeverStamped);
        }
    }

    [Fact]
    public void Every_error_of_every_breakage_names_a_spec_rule()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, brk) in Breakages)
        {
            bool anyError = false;
            foreach (int minor in Minors)
            {
                var result = Validate(brk(OneContainer()), minor);
                anyError |= !result.IsValid;
                AssertRulesKnown(result, name + " on 1." + minor);
                foreach (var e in result.Errors)
                {
                    seen.Add(e.Rule);
                }
            }

            var allOn = PodValidator.Validate(brk(OneContainer()), AllGatesOn);
            AssertRulesKnown(allOn, name + " with every gate on");
            foreach (var e in allOn.Errors)
            {
                seen.Add(e.Rule);
            }

            Assert.True(anyError, name + " breaks nothing on any profile");
        }

        // The corpus reaches every rule that can be stamped, so no mapping goes untested.
        foreach (var (constant, id) in RuleConstants())
        {
            if (Array.IndexOf(NeverStamped, id) < 0)
            {
                Assert.True(seen.Contains(id), constant + " (" + id + ") was never produced by the breakages");
            }
        }
    }

    [Fact]
    public void Errors_of_the_existing_tables_name_spec_rules()
    {
        foreach (var row in PodValidatorTests.ResourceCases)
        {
            var pod = Pod(Container().WithResources((ValueMap<Quantity>)row[1], (ValueMap<Quantity>)row[2]));
            AssertRulesKnown(PodValidator.Validate(pod, Profile.Default), (string)row[0]);
        }

        foreach (var table in new[] { PodValidatorTests.FieldRefCases, PodValidatorTests.ResourceFieldRefCases })
        {
            foreach (var row in table)
            {
                var env = (EnvVar)row[0];
                AssertRulesKnown(PodValidator.Validate(Pod(Container().WithEnv(env)), Profile.Default), env.ToString());
            }
        }
    }

    private static readonly Gen<(int[] Picks, int Minor)> Combos =
        from picks in Gen.ArrayOf(Gen.Choose(0, Breakages.Length - 1)).Where(a => a.Length is > 0 and <= 6)
        from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
        select (picks, minor);

    [Property(Replay = "(1618033988,2718281829)", MaxTest = 300)]
    public Property Combined_breakages_give_only_spec_rules() =>
        Prop.ForAll(Arb.From(Combos), t =>
        {
            var pod = OneContainer();
            foreach (int i in t.Picks)
            {
                pod = Breakages[i].Break(pod);
            }

            var result = Validate(pod, t.Minor);
            bool ok = true;
            foreach (var e in result.Errors)
            {
                ok &= e.Rule.Length != 0 && SpecIds.Value.Contains(e.Rule);
            }

            return ok.Label(result.ToAggregateString());
        });

    [Fact]
    public void Rule_constants_and_spec_rows_are_the_same_set()
    {
        var constants = RuleConstants();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, id) in constants)
        {
            Assert.Matches(@"^VAL-\d{3}$", id);
            Assert.True(ids.Add(id), name + " repeats " + id + ": one constant per rule");
            Assert.True(SpecIds.Value.Contains(id), name + " = " + id + " has no row in spec/validation.md");
        }

        foreach (string id in SpecIds.Value)
        {
            Assert.True(ids.Contains(id), "spec/validation.md row " + id + " has no ValidationRules constant");
        }
    }

    // ---- exact rules ----

    private static FieldError Single(Pod pod, int minor = 35)
    {
        var result = Validate(pod, minor);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Request_above_limit_is_VAL_032()
    {
        var e = Single(Pod(Container().WithResources(Res(("cpu", "300m")), Res(("cpu", "50m")))));
        Assert.Equal(ValidationRules.RequestsWithinLimits, e.Rule);
        Assert.Equal("VAL-032", e.Rule);
        Assert.Equal("spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m", e.ToString());
    }

    public static TheoryData<string, string, string> ExactCases => new()
    {
        { "extended request below limit", "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2", ValidationRules.NonOvercommittable },
        { "dotted container name", "spec.containers[0].name: Invalid value: \"a.b\": must not contain dots", ValidationRules.ContainerNameDots },
        { "regex container name", "spec.containers[0].name: Invalid value: \"Bad_Name\": " + NameRules.Dns1123LabelRegexMessage, ValidationRules.ContainerName },
        { "negative overhead", "spec.overhead.limits[cpu]: Invalid value: \"-1\": must be greater than or equal to 0", ValidationRules.ResourceQuantities },
        { "pod-level name", "spec.resources.requests[ephemeral-storage]: Unsupported value: \"ephemeral-storage\": supported values: \"cpu\", \"hugepages-\", \"memory\"", ValidationRules.PodLevelResources },
        { "downwardAPI volume fieldRef", "spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"", ValidationRules.FieldRef },
        { "envFrom prefix", "spec.containers[0].envFrom[0].prefix: Invalid value: \"1_\": " + NameRules.EnvVarNameRegexMessage, ValidationRules.EnvName },
        { "sidecar probe handler", "spec.initContainers[0].startupProbe: Required value: must specify a handler type", ValidationRules.ProbeAndHandlerFields },
        { "init probe", "spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always", ValidationRules.InitProbesAndLifecycle },
    };

    private static Pod ExactPod(string scenario) => scenario switch
    {
        "extended request below limit" => Pod(Container().WithResources(Res(("example.com/gpu", "1")), Res(("example.com/gpu", "2")))),
        "dotted container name" => Pod(Container("a.b")),
        "regex container name" => Pod(Container("Bad_Name")),
        "negative overhead" => OneContainer().WithSpec(s => s with { Overhead = Res(("cpu", "-1")) }),
        "pod-level name" => OneContainer().WithSpec(s => s with { Resources = new ResourceRequirements { Requests = Res(("ephemeral-storage", "1Gi")) } }),
        "downwardAPI volume fieldRef" => OneContainer().WithSpec(s => s with
        {
            Volumes = ValueList.Of(DownwardVolume(new DownwardApiVolumeFile { Path = "n", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" } })),
        }),
        "envFrom prefix" => Pod(Container() with { EnvFrom = ValueList.Of(new EnvFromSource { Prefix = "1_", ConfigMapRef = new ObjectReference { Name = "cm" } }) }),
        "sidecar probe handler" => OneContainer().WithInit(Sidecar("s") with { StartupProbe = GoodProbe with { Handler = new ProbeHandler() } }),
        "init probe" => OneContainer().WithInit(Container("i") with { StartupProbe = GoodProbe }),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void Errors_carry_the_rule_of_their_check(string scenario, string text, string rule)
    {
        // 1.31 for the strict env-name rule; the others behave the same on 1.31 and 1.35 except the gated ones.
        int minor = scenario is "envFrom prefix" ? 31 : 35;
        var e = Single(ExactPod(scenario), minor);
        Assert.Equal(text, e.ToString());
        Assert.Equal(rule, e.Rule);
    }

    [Fact]
    public void The_rule_is_part_of_equality_but_not_of_the_text()
    {
        var plain = FieldError.Required(FieldPath.Root("spec", "containers"));
        var stamped = plain with { Rule = ValidationRules.AtLeastOneContainer };
        Assert.Equal("", plain.Rule);
        Assert.Equal(plain.ToString(), stamped.ToString());
        Assert.Equal("spec.containers: Required value", stamped.ToString());
        Assert.NotEqual(plain, stamped);
        Assert.Equal(stamped, Single(Pod(), 35));
    }
}
