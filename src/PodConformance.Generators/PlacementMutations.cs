using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per scheduling, DNS, naming and claim rule (VAL-071…076, VAL-300…342), joined to
/// <see cref="PodMutations.All"/>. Rules an admission plugin pre-empts on a real API server have none: VAL-077
/// (the RuntimeClass plugin refuses a class it cannot find before validation, and a name VAL-077 rejects cannot name a
/// RuntimeClass), VAL-078 (the Priority plugin refuses any preemptionPolicy other than the one it computes). VAL-079
/// (1.35 only, GenericWorkload) and VAL-341 (the pre-1.31 claim source, DynamicResourceAllocation) have one that
/// applies only where their gate is on, which no default profile does: a run with <c>--feature-gates</c> uses them;
/// so do the spec.evictionResponders ones (VAL-700…703: 1.37 with EvictionRequestAPI, VAL-703 also GenericWorkload).
/// </summary>
public static class PlacementMutations
{
    private static readonly Func<Profile, bool> Always = _ => true;

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    private static Pod WithSpec(Pod pod, Func<PodSpec, PodSpec> change) => pod with { Spec = change(pod.Spec) };

    private static NodeSelectorRequirement Expr(string key, string op, params string[] values) => new() { Key = key, Operator = op, Values = ValueList.Of(values) };

    private static Pod WithNodeAffinity(Pod pod, NodeAffinity node) => WithSpec(pod, s => s with { Affinity = new Affinity { NodeAffinity = node } });

    private static Pod WithAntiAffinityTerm(Pod pod, PodAffinityTerm term) =>
        WithSpec(pod, s => s with { Affinity = new Affinity { PodAntiAffinity = new PodAntiAffinity { RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(term) } } });

    private static Pod WithSpread(Pod pod, TopologySpreadConstraint c) => WithSpec(pod, s => s with { TopologySpreadConstraints = ValueList.Of(c) });

    private static readonly LabelSelector AppSelector = new() { MatchLabels = ValueMap.Of(("example.com/spread", "yes")) };

    private static TopologySpreadConstraint Spread => new() { MaxSkew = 1, TopologyKey = "kubernetes.io/hostname", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = AppSelector };

    private static readonly KubernetesVersion ComparisonOperatorsSince = new(1, 35);
    private static readonly KubernetesVersion HostnameOverrideSince = new(1, 34);
    private static readonly KubernetesVersion DirectClaimSourceSince = new(1, 31);
    private static readonly KubernetesVersion SpreadSelectorMergeSince = new(1, 34);
    private static readonly KubernetesVersion WorkloadRefRelease = new(1, 35);
    private static readonly KubernetesVersion EvictionRespondersSince = new(1, 37);

    private static EvictionResponder Responder(string name, int? priority) => new() { Name = name, Priority = priority };

    private static Pod WithResponders(Pod pod, EvictionResponder[] responders) => WithSpec(pod, s => s with { EvictionResponders = ValueList.Of(responders) });

    /// <summary>evictionResponders survives the create strategy only with EvictionRequestAPI on (1.37, alpha).</summary>
    private static bool EvictionResponders(Profile profile) => profile.Version >= EvictionRespondersSince && profile.IsEnabled(FeatureGateNames.EvictionRequestAPI);

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("bad-node-selector", ValidationRules.NodeSelectorLabels,
            pod => Pick(pod, [("disk type", "ssd"), ("disktype", "fast ssd"), ("-zone", "a")], (p, kv) => WithSpec(p, s => s with { NodeSelector = ValueMap.Of(kv) })), Always),
        new("bad-scheduling-gate", ValidationRules.SchedulingGates,
            pod => Pick<string[]>(pod, [["bad gate"], ["example.com/a", "example.com/a"], ["-lead"]],
                (p, names) => WithSpec(p, s => s with { SchedulingGates = ValueList.Of(names.Select(n => new PodSchedulingGate(n)).ToArray()) })), Always),
        new("bad-readiness-gate", ValidationRules.ReadinessGates,
            pod => Pick(pod, ["bad condition", "example.com/", "a/b/c"], (p, t) => WithSpec(p, s => s with { ReadinessGates = ValueList.Of(new PodReadinessGate(t)) })), Always),
        new("bad-hostname-or-subdomain", ValidationRules.HostnameAndSubdomain,
            pod => Pick(pod, [("Web_0", ""), ("", "-headless"), ("web.0", "")], (p, x) => WithSpec(p, s => s with { Hostname = x.Item1, Subdomain = x.Item2 })), Always),
        new("bad-hostname-override", ValidationRules.HostnameOverride,
            pod => Pick(pod, ["Bad_Name", "-lead", new string('a', 65)], (p, n) => WithSpec(p, s => s with { HostnameOverride = n })),
            profile => profile.Version >= HostnameOverrideSince && profile.IsEnabled(FeatureGateNames.HostnameOverride)),
        new("bad-node-selector-term", ValidationRules.NodeSelectorTerms,
            pod => Pick(pod, [0, 1, 2], (p, which) => WithNodeAffinity(p, new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = which switch
                    {
                        0 => ValueList<NodeSelectorTerm>.Empty,
                        1 => ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("zone", "In")) }),
                        _ => ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("zone", "Exists", "a")) }),
                    },
                },
            })), Always),
        new("bad-node-field-selector", ValidationRules.NodeFieldSelector,
            pod => Pick(pod, [Expr("metadata.namespace", "In", "x"), Expr("metadata.name", "In", "a", "b"), Expr("metadata.name", "Exists")],
                (p, e) => WithNodeAffinity(p, new NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchFields = ValueList.Of(e) }) },
                })), Always),
        new("affinity-weight-out-of-range", ValidationRules.WeightRange,
            pod => Pick(pod, [0, 101, -5], (p, w) => WithNodeAffinity(p, new NodeAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm
                {
                    Weight = w,
                    Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("disktype", "In", "ssd")) },
                }),
            })), Always),
        new("pod-affinity-term-without-topology-key", ValidationRules.PodAffinityTerm,
            pod => Pick(pod, [0, 1], (p, which) => WithAntiAffinityTerm(p, new PodAffinityTerm
            {
                LabelSelector = AppSelector,
                TopologyKey = which == 0 ? "" : "bad key!",
            })), Always),
        new("match-label-key-also-mismatch", ValidationRules.MatchLabelKeys,
            pod => Gen.Constant(WithAntiAffinityTerm(pod, new PodAffinityTerm
            {
                LabelSelector = AppSelector,
                TopologyKey = "kubernetes.io/hostname",
                MatchLabelKeys = ValueList.Of("example.com/build"),
                MismatchLabelKeys = ValueList.Of("example.com/build"),
            })),
            profile => profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodAffinity)),
        new("bad-label-selector", ValidationRules.LabelSelector,
            pod => Pick(pod, [new LabelSelectorRequirement { Key = "app", Operator = "Bogus" }, new LabelSelectorRequirement { Key = "app", Operator = "In" }, new LabelSelectorRequirement { Key = "app", Operator = "Exists", Values = ValueList.Of("x") }],
                (p, r) => WithAntiAffinityTerm(p, new PodAffinityTerm { LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(r) }, TopologyKey = "kubernetes.io/hostname" })), Always),
        new("bad-comparison-toleration", ValidationRules.TolerationComparisonOperators,
            pod => Pick(pod, [("Gt", "x1"), ("Lt", "05"), ("Gt", "")],
                (p, t) => WithSpec(p, s => s with { Tolerations = ValueList.Of(new Toleration { Key = "example.com/cores", Operator = t.Item1, Value = t.Item2, Effect = "NoSchedule" }) })),
            profile => profile.Version >= ComparisonOperatorsSince),
        new("comparison-toleration-not-int64", ValidationRules.TolerationComparisonOperators,
            pod => Pick(pod, [("Lt", "99999999999999999999"), ("Gt", "+5"), ("Lt", "1.5")],
                (p, t) => WithSpec(p, s => s with { Tolerations = s.Tolerations.Add(new Toleration { Key = "example.com/cores", Operator = t.Item1, Value = t.Item2, Effect = "NoExecute" }) })),
            profile => profile.Version >= ComparisonOperatorsSince),
        new("bad-workload-ref", ValidationRules.WorkloadReference,
            pod => Pick(pod, [new WorkloadReference { Name = "Bad_Name", PodGroup = "workers" }, new WorkloadReference { Name = "job", PodGroup = "" }, new WorkloadReference { Name = "job", PodGroup = "workers", PodGroupReplicaKey = "-0" }],
                (p, w) => WithSpec(p, s => s with { WorkloadRef = w })),
            profile => profile.Version == WorkloadRefRelease && profile.IsEnabled(FeatureGateNames.GenericWorkload)),
        new("bad-eviction-responder-list", ValidationRules.EvictionRespondersList,
            pod => Pick(pod, [0, 1],
                (p, which) => WithResponders(p, which == 0
                    ? [.. Enumerable.Range(0, 11).Select(i => Responder("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".example.com/evict", 2000 + i))]
                    : [Responder("a.example.com/evict", 5000), Responder("a.example.com/evict", 6000)])),
            EvictionResponders),
        new("bad-eviction-responder-name", ValidationRules.EvictionResponderName,
            pod => Pick(pod, ["evictor", "k8s.io/evictor", "bad_domain.example.com/evictor", ""], (p, n) => WithResponders(p, [Responder(n, 5000)])),
            EvictionResponders),
        new("bad-eviction-responder-priority", ValidationRules.EvictionResponderPriority,
            pod => Pick<int?>(pod, [null, -1, 999, 100001], (p, prio) => WithResponders(p, [Responder("a.example.com/evict", prio)])),
            EvictionResponders),
        new("eviction-responders-in-pod-group", ValidationRules.EvictionRespondersSchedulingGroup,
            pod => Gen.Constant(WithSpec(WithResponders(pod, [Responder("a.example.com/evict", 5000)]), s => s with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = "workers" } })),
            profile => EvictionResponders(profile) && profile.IsEnabled(FeatureGateNames.GenericWorkload)),
        new("bad-claim-source", ValidationRules.PodResourceClaimSources,
            pod => Pick(pod, [new ClaimSource(), new ClaimSource { ResourceClaimName = "gpu-claim", ResourceClaimTemplateName = "gpu-template" }, new ClaimSource { ResourceClaimTemplateName = "Gpu_Template" }],
                (p, src) => WithSpec(p, s => s with { ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "gpu", Source = src }) })),
            profile => profile.Version < DirectClaimSourceSince && profile.IsEnabled(FeatureGateNames.DynamicResourceAllocation)),
        new("bad-topology-spread", ValidationRules.TopologySpread,
            pod => Pick(pod, [Spread with { MaxSkew = 0 }, Spread with { TopologyKey = "" }, Spread with { WhenUnsatisfiable = "Sometimes" }], WithSpread), Always),
        new("bad-min-domains", ValidationRules.MinDomains,
            pod => Pick(pod, [Spread with { MinDomains = 0 }, Spread with { MinDomains = 2, WhenUnsatisfiable = "ScheduleAnyway" }], WithSpread), Always),
        new("bad-node-inclusion-policy", ValidationRules.NodeInclusionPolicy,
            pod => Pick(pod, [Spread with { NodeAffinityPolicy = "Always" }, Spread with { NodeTaintsPolicy = "honor" }], WithSpread),
            profile => profile.IsEnabled(FeatureGateNames.NodeInclusionPolicyInPodTopologySpread)),
        new("legacy-spread-match-label-keys", ValidationRules.TopologySpreadMatchLabelKeys,
            pod => Pick(pod, [Spread with { LabelSelector = null, MatchLabelKeys = ValueList.Of("app") }, Spread with { MatchLabelKeys = ValueList.Of("example.com/spread") }], WithSpread),
            profile => profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpread)
                && (profile.Version < SpreadSelectorMergeSince || !profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpreadSelectorMerge))),
        new("bad-host-alias-hostname", ValidationRules.HostAliases,
            pod => Pick(pod, ["Bad_Host", "-lead.example.com", "a..b"], (p, h) => WithSpec(p, s => s with { HostAliases = ValueList.Of(new HostAlias { IP = "10.1.2.3", Hostnames = ValueList.Of(h) }) })), Always),
        new("bad-host-alias-ip", ValidationRules.IpAddress,
            pod => Pick(pod, ["", "999.1.1.1", "not-an-ip", "10.1.2"], (p, ip) => WithSpec(p, s => s with { HostAliases = ValueList.Of(new HostAlias { IP = ip, Hostnames = ValueList.Of("foo.local") }) })), Always),
        new("bad-pod-resource-claim", ValidationRules.PodResourceClaims,
            pod => Pick(pod, [0, 1, 2], (p, which) => WithSpec(p, s => s with
            {
                ResourceClaims = which switch
                {
                    0 => ValueList.Of(new PodResourceClaim { Name = "Bad_Claim", ResourceClaimTemplateName = "gpu-template" }),
                    1 => ValueList.Of(new PodResourceClaim { Name = "gpu" }),
                    _ => ValueList.Of(new PodResourceClaim { Name = "gpu", ResourceClaimTemplateName = "t" }, new PodResourceClaim { Name = "gpu", ResourceClaimName = "c" }),
                },
            })),
            profile => profile.Version >= DirectClaimSourceSince && profile.IsEnabled(FeatureGateNames.DynamicResourceAllocation)),
        new("container-claim-not-in-pod", ValidationRules.ContainerResourceClaims,
            pod => Pick(pod, ["missing", ""], (p, n) => WithSpec(p, s => s with
            {
                Containers = s.Containers.SetItem(0, s.Containers[0] with { Resources = s.Containers[0].Resources with { Claims = ValueList.Of(new ResourceClaim { Name = n }) } }),
            })),
            profile => profile.IsEnabled(FeatureGateNames.DynamicResourceAllocation)),
    ];
}
