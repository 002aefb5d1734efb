using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Scheduling, DNS, naming and claim fields for admission cases (VAL-071…076, VAL-300…342, DEF-300…302), valid by
/// construction under every supported release: nodeSelector, node and pod (anti-)affinity, tolerations, topology
/// spread, dnsConfig, hostAliases, readiness and scheduling gates, hostname/subdomain, preemptionPolicy and resource
/// claims. Nothing here names another object the API server must find at create (a resource claim template is only
/// looked up by the scheduler). The larger FsCheck's size, the more fields a pod gets.
/// </summary>
/// <remarks>
/// Only admission properties use these pods: a nodeSelector, a scheduling gate or a claim would keep a lifecycle pod
/// Pending on the default scenario node, which has no labels and no DRA driver. Fields a release does not know or whose
/// gate is off are dropped at create (DEF-300), so the pods stay valid there.
/// </remarks>
public static class PlacementGen
{
    /// <summary>Adds placement fields to a valid pod; how many grows with the generator's size.</summary>
    public static Gen<Pod> Decorate(Pod pod) =>
        Gen.Sized(size => Gen.Choose(0, 100).SelectMany(roll =>
            roll < 90 - Math.Min(size, 70) ? Gen.Constant(pod) : Place(pod)));

    private static readonly ValueMap<string>[] NodeSelectors =
    [
        ValueMap.Of(("disktype", "ssd")),
        ValueMap.Of(("kubernetes.io/os", "linux"), ("topology.kubernetes.io/zone", "zone-a")),
    ];

    private static readonly Toleration[] TolerationPool =
    [
        new() { Key = "dedicated", Operator = "Equal", Value = "gpu", Effect = "NoSchedule" },
        new() { Key = "example.com/maintenance", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 120 },
        new() { Key = "example.com/soft", Value = "x", Effect = "PreferNoSchedule" },
        new() { Operator = "Exists" },
    ];

    private static readonly PodDNSConfig[] DnsConfigs =
    [
        new() { Nameservers = ValueList.Of("1.1.1.1"), Searches = ValueList.Of("ns1.svc.cluster.local", "example.com"), Options = ValueList.Of(new PodDNSConfigOption { Name = "ndots", Value = "2" }) },
        new() { Options = ValueList.Of(new PodDNSConfigOption { Name = "edns0" }) },
        new() { Nameservers = ValueList.Of("8.8.8.8", "2001:4860:4860::8888") },
    ];

    private static readonly HostAlias[] AliasPool =
    [
        new() { IP = "127.0.0.1", Hostnames = ValueList.Of("foo.local", "bar.local") },
        new() { IP = "10.1.2.3", Hostnames = ValueList.Of("foo.remote") },
        new() { IP = "2001:db8::1", Hostnames = ValueList.Of("v6.example.com") },
    ];

    private static NodeSelectorRequirement Expr(string key, string op, params string[] values) =>
        new() { Key = key, Operator = op, Values = ValueList.Of(values) };

    private static LabelSelectorRequirement SelectorExpr(string key, string op, params string[] values) =>
        new() { Key = key, Operator = op, Values = ValueList.Of(values) };

    /// <summary>Required node affinity the default scenario node (no labels, named node-1) satisfies, and preferences.</summary>
    private static readonly NodeAffinity[] NodeAffinities =
    [
        new()
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
            {
                NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("node-role.kubernetes.io/control-plane", "DoesNotExist")) }),
            },
        },
        new()
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
            {
                NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchFields = ValueList.Of(Expr("metadata.name", "NotIn", "node-9")) }),
            },
            PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm
            {
                Weight = 10,
                Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("disktype", "In", "ssd", "nvme")) },
            }),
        },
        new()
        {
            PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(
                new PreferredSchedulingTerm { Weight = 1, Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("zone", "NotIn", "zone-c")) } },
                new PreferredSchedulingTerm { Weight = 100, Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(Expr("example.com/tier", "Exists")) } }),
        },
    ];

    /// <summary>
    /// The matchLabelKey of generated terms and constraints when the pod has neither <c>tier</c> nor <c>team</c> as a
    /// label: a key no generated pod carries, so the create strategy merges nothing for it.
    /// </summary>
    private const string BuildKey = "example.com/build";

    /// <summary>
    /// The matchLabelKey of a generated term or constraint: a label the pod carries where it has one the selectors do not
    /// name (the terms select on <c>app</c>, the constraints on <c>example.com/spread</c>), so the create strategy merges
    /// <c>key In [value]</c> into the selector (DEF-301/302) and validation sees the merged selector (VAL-304).
    /// </summary>
    private static string MatchKey(ValueMap<string> labels) =>
        labels.ContainsKey("tier") ? "tier" : labels.ContainsKey("team") ? "team" : BuildKey;

    /// <summary>A mismatchLabelKey for anti-affinity terms: <c>team</c> when the pod has it and it is not the match key.</summary>
    private static ValueList<string> MismatchKeys(ValueMap<string> labels, string matchKey) =>
        matchKey != "team" && labels.ContainsKey("team") ? ValueList.Of("team") : ValueList<string>.Empty;

    /// <summary>Pod affinity terms on labels, with matchLabelKeys (and mismatchLabelKeys) the selector does not name.</summary>
    private static PodAffinityTerm Term(string? matchKey, ValueList<string> mismatchKeys = default) => new()
    {
        LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(SelectorExpr("app", "In", "cache", "db")) },
        TopologyKey = "kubernetes.io/hostname",
        MatchLabelKeys = matchKey is not null ? ValueList.Of(matchKey) : ValueList<string>.Empty,
        MismatchLabelKeys = mismatchKeys,
    };

    private static readonly TopologySpreadConstraint[] SpreadPool =
    [
        new()
        {
            MaxSkew = 1, TopologyKey = "topology.kubernetes.io/zone", WhenUnsatisfiable = "ScheduleAnyway",
            LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("example.com/spread", "yes")) },
        },
        new()
        {
            MaxSkew = 2, TopologyKey = "kubernetes.io/hostname", WhenUnsatisfiable = "DoNotSchedule", MinDomains = 1,
            NodeAffinityPolicy = "Honor", NodeTaintsPolicy = "Ignore",
            LabelSelector = new LabelSelector { MatchExpressions = ValueList.Of(SelectorExpr("example.com/spread", "Exists")) },
        },
        new()
        {
            MaxSkew = 3, TopologyKey = "example.com/rack", WhenUnsatisfiable = "ScheduleAnyway",
            LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("example.com/spread", "yes")) }, MatchLabelKeys = ValueList.Of(BuildKey),
        },
    ];

    private static Gen<Pod> Place(Pod pod) =>
        from nodeSelector in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, NodeSelectors.Length - 1)))
        from nodeAffinity in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, NodeAffinities.Length - 1)))
        from podAffinity in Gen.Elements(0, 0, 1, 2, 3)
        from tolerations in Gen.SubListOf(TolerationPool)
        from spreads in Gen.SubListOf(SpreadPool)
        from dns in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, DnsConfigs.Length - 1)))
        from dnsNone in GenSequence.Chance(30)
        from aliases in Gen.SubListOf(AliasPool)
        from readiness in GenSequence.Chance(25)
        from gates in GenSequence.Chance(20)
        from naming in GenSequence.Chance(25)
        from preemption in GenSequence.Chance(20)
        from claims in GenSequence.Chance(25)
        select Build(pod, nodeSelector, nodeAffinity, podAffinity, tolerations, spreads, dns, dnsNone, aliases, readiness, gates, naming, preemption, claims);

    private static Pod Build(
        Pod pod, int nodeSelector, int nodeAffinity, int podAffinity, IList<Toleration> tolerations, IList<TopologySpreadConstraint> spreads,
        int dns, bool dnsNone, IList<HostAlias> aliases, bool readiness, bool gates, bool naming, bool preemption, bool claims)
    {
        var spec = pod.Spec;
        string matchKey = MatchKey(pod.Metadata.Labels);
        Affinity? affinity = null;
        if (nodeAffinity >= 0 || podAffinity != 0)
        {
            affinity = new Affinity
            {
                NodeAffinity = nodeAffinity >= 0 ? NodeAffinities[nodeAffinity] : null,
                PodAffinity = podAffinity == 1
                    ? new PodAffinity { PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new WeightedPodAffinityTerm { Weight = 50, PodAffinityTerm = Term(matchKey) }) }
                    : null,
                PodAntiAffinity = podAffinity is 2 or 3
                    ? new PodAntiAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = podAffinity == 2 ? ValueList.Of(Term(null) with { Namespaces = ValueList.Of("team-a") }) : ValueList<PodAffinityTerm>.Empty,
                        PreferredDuringSchedulingIgnoredDuringExecution = podAffinity == 3 ? ValueList.Of(new WeightedPodAffinityTerm { Weight = 100, PodAffinityTerm = Term(matchKey, MismatchKeys(pod.Metadata.Labels, matchKey)) }) : ValueList<WeightedPodAffinityTerm>.Empty,
                    }
                    : null,
            };
        }

        // dnsPolicy None needs nameservers; the pool's first config has them.
        bool none = dnsNone && dns == 0;
        spec = spec with
        {
            NodeSelector = nodeSelector >= 0 ? NodeSelectors[nodeSelector] : spec.NodeSelector,
            Affinity = affinity ?? spec.Affinity,
            Tolerations = spec.Tolerations.Concat(tolerations).ToValueList(),
            TopologySpreadConstraints = SpreadsKeyedBy(spreads, matchKey),
            DNSConfig = dns >= 0 ? DnsConfigs[dns] : spec.DNSConfig,
            DnsPolicy = none ? "None" : spec.DnsPolicy,
            HostAliases = ValueList.Of(aliases.ToArray()),
            ReadinessGates = readiness ? ValueList.Of(new PodReadinessGate("www.example.com/feature-1")) : spec.ReadinessGates,
            SchedulingGates = gates ? ValueList.Of(new PodSchedulingGate("example.com/quota")) : spec.SchedulingGates,
            Hostname = naming ? "web-0" : spec.Hostname,
            Subdomain = naming ? "headless" : spec.Subdomain,
            PreemptionPolicy = preemption ? "PreemptLowerPriority" : spec.PreemptionPolicy,
        };

        if (claims)
        {
            // A claim from a template, used by the first container (resources.claims names it).
            spec = spec with
            {
                ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "gpu", ResourceClaimTemplateName = "gpu-template" }),
                Containers = spec.Containers.SetItem(0, spec.Containers[0] with
                {
                    Resources = spec.Containers[0].Resources with { Claims = ValueList.Of(new ResourceClaim { Name = "gpu" }) },
                }),
            };
        }

        return pod with { Spec = spec };
    }

    /// <summary>The chosen constraints, those with matchLabelKeys keyed by the pod's label (<see cref="MatchKey"/>).</summary>
    private static ValueList<TopologySpreadConstraint> SpreadsKeyedBy(IList<TopologySpreadConstraint> spreads, string matchKey)
    {
        var result = new TopologySpreadConstraint[spreads.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var c = spreads[i];
            result[i] = c.MatchLabelKeys.IsEmpty ? c : c with { MatchLabelKeys = ValueList.Of(matchKey) };
        }

        return ValueList.Of(result);
    }
}
