using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Scheduling cases (spec/scheduling.md): one to four nodes from small pools of capacities, labels and taints (some
/// cordoned, some with no room for a pod), and a valid pod whose first container requests cpu and memory from a
/// small pool, with a nodeSelector, tolerations and scheduling gates drawn from pools that sometimes match and
/// sometimes do not, so every modelled filter both passes and rejects. A gated pod's gates are removed by a step
/// in half of the cases. Values repeat across nodes on purpose: the FailedScheduling histogram counts equal reasons.
/// Some pods carry required node affinity from <see cref="Affinities"/> (expressions, node names, a conflict) or a
/// DoNotSchedule topology spread constraint on <c>zone</c> or <c>rack</c>, which rejects nodes without that label (SCHED-004, 015–017).
/// </summary>
public static class SchedulingGen
{
    public static IReadOnlyList<string> Cpus { get; } = ["1", "2", "4"];

    public static IReadOnlyList<string> Memories { get; } = ["1Gi", "2Gi", "4Gi"];

    /// <summary>Label keys and values; the pod's selector also asks for <c>zone: c</c>, which no node has.</summary>
    public static IReadOnlyList<(string Key, string Value)> Labels { get; } = [("zone", "a"), ("zone", "b"), ("disktype", "ssd"), ("disktype", "hdd"), ("rack", "r1")];

    public static IReadOnlyList<Taint> Taints { get; } =
    [
        new() { Key = "node-role.kubernetes.io/control-plane", Effect = "NoSchedule" },
        new() { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" },
        new() { Key = "dedicated", Value = "gpu", Effect = "NoExecute" },
        new() { Key = "example.com/maintenance", Value = "true", Effect = "NoExecute" },
        new() { Key = "example.com/soft", Value = "x", Effect = "PreferNoSchedule" },
    ];

    public static IReadOnlyList<Toleration> Tolerations { get; } =
    [
        new() { Key = "dedicated", Operator = "Equal", Value = "gpu", Effect = "NoSchedule" },
        new() { Key = "dedicated", Operator = "Exists" },
        new() { Key = "node-role.kubernetes.io/control-plane", Operator = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/unschedulable", Operator = "Exists", Effect = "NoSchedule" },
        new() { Key = "example.com/maintenance", Operator = "Equal", Value = "true", Effect = "NoExecute" },
        new() { Operator = "Exists" },
    ];

    private static readonly PodSchedulingGate[] Gates = [new("example.com/a"), new("example.com/b")];

    /// <summary>Required node affinity terms (each entry one selector): label expressions, node names, two terms ORed, a conflict.</summary>
    public static IReadOnlyList<NodeSelector> Affinities { get; } =
    [
        Selector(Term(Expr("zone", "In", "a", "b"))),
        Selector(Term(Expr("disktype", "NotIn", "hdd"))),
        Selector(Term(Expr("zone", "Exists"), Expr("disktype", "DoesNotExist"))),
        Selector(Term(Expr("zone", "In", "c")), Term(Expr("disktype", "In", "ssd"))),
        Selector(new NodeSelectorTerm { MatchFields = ValueList.Of(Expr("metadata.name", "In", "node-1")) }),
        Selector(new NodeSelectorTerm { MatchFields = ValueList.Of(Expr("metadata.name", "In", "node-2")) }, new NodeSelectorTerm { MatchFields = ValueList.Of(Expr("metadata.name", "In", "node-3")) }),
        Selector(new NodeSelectorTerm { MatchFields = ValueList.Of(Expr("metadata.name", "In", "node-1"), Expr("metadata.name", "In", "node-2")) }),
    ];

    /// <summary>Spread constraints over the pod's own label <c>app: spread</c>: by zone (most nodes have one) or by rack (half have one); the key is required.</summary>
    public static IReadOnlyList<TopologySpreadConstraint> Spreads { get; } =
    [
        new() { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "spread")) } },
        new() { MaxSkew = 2, TopologyKey = "rack", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "spread")) }, MinDomains = 1 },
    ];

    public static IReadOnlyList<string> CpuRequests { get; } = ["", "500m", "1500m", "3"];

    public static IReadOnlyList<string> MemoryRequests { get; } = ["", "512Mi", "1536Mi", "3Gi"];

    public static Gen<Node> NodeAt(int index) =>
        from cpu in Gen.Elements(Cpus.ToArray())
        from memory in Gen.Elements(Memories.ToArray())
        from full in GenSequence.Chance(10)
        from labels in Gen.SubListOf(Labels.ToArray())
        from taintCount in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from taints in GenSequence.Indexed(taintCount, _ => Gen.Elements(Taints.ToArray()))
        from cordoned in GenSequence.Chance(15)
        select new Node
        {
            Name = "node-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Capacity = ValueMap.Of(("cpu", Quantity.Parse(cpu)), ("memory", Quantity.Parse(memory)), ("pods", Quantity.Parse(full ? "0" : "110"))),
            Labels = FirstPerKey(labels),
            Taints = taints.Distinct().ToValueList(),
            Unschedulable = cordoned,
            Addresses = ValueList.Of("10.0.0." + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };

    public static Gen<ValueList<Node>> Nodes { get; } =
        from n in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Constant(2)), (3, Gen.Constant(3)), (2, Gen.Constant(4)))
        from nodes in GenSequence.Indexed(n, NodeAt)
        select nodes.ToValueList();

    /// <summary>A valid pod made schedulable-or-not: requests on the first container, a selector, tolerations, maybe gates.</summary>
    public static Gen<Pod> Pod { get; } =
        from pod in PodGen.Valid
        from cpu in Gen.Elements(CpuRequests.ToArray())
        from memory in Gen.Elements(MemoryRequests.ToArray())
        from selector in Gen.Frequency((3, Gen.Constant(Array.Empty<(string, string)>())), (2, Gen.SubListOf([.. Labels, ("zone", "c")]).Select(l => l.ToArray())))
        from tolerations in Gen.Frequency((2, Gen.Constant(Array.Empty<Toleration>())), (3, Gen.SubListOf(Tolerations.ToArray()).Select(t => t.ToArray())))
        from gated in GenSequence.Chance(25)
        from gateCount in Gen.Elements(1, 2)
        from affinity in Gen.Frequency((3, Gen.Constant<NodeSelector?>(null)), (2, Gen.Elements(Affinities.ToArray()).Select(a => (NodeSelector?)a)))
        from spread in Gen.Frequency((7, Gen.Constant<TopologySpreadConstraint?>(null)), (3, Gen.Elements(Spreads.ToArray()).Select(t => (TopologySpreadConstraint?)t)))
        select pod with
        {
            Metadata = spread is not null ? pod.Metadata with { Labels = pod.Metadata.Labels.SetItem("app", "spread") } : pod.Metadata,
            Spec = WithRequest(Runnable(pod.Spec), cpu, memory) with
            {
                NodeSelector = FirstPerKey(selector),
                Tolerations = tolerations.ToValueList(),
                SchedulingGates = gated ? Gates.Take(gateCount).ToValueList() : default,
                Affinity = affinity is null ? null : new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = affinity } },
                TopologySpreadConstraints = spread is null ? default : ValueList.Of(spread),
            },
        };

    /// <summary>
    /// A scheduling case: the pod, the nodes, 30 s; a gated pod has its gates removed at 5 s in half of the cases,
    /// one of two gates only in an eighth (it stays gated), never in the rest.
    /// </summary>
    public static Gen<ScenarioCase> Case { get; } =
        from pod in Pod
        from nodes in Nodes
        from removal in Gen.Frequency((4, Gen.Constant(2)), (1, Gen.Constant(1)), (3, Gen.Constant(0)))
        select new ScenarioCase(pod, new Scenario
        {
            Until = TimeSpan.FromSeconds(30),
            Nodes = nodes,
            Steps = pod.Spec.SchedulingGates.IsEmpty || removal == 0 ? default : ValueList.Of(new ScenarioStep
            {
                At = TimeSpan.FromSeconds(5),
                Pod = pod.Metadata.Name,
                RemoveSchedulingGates = removal == 2 ? ValueList<string>.Empty : ValueList.Of(pod.Spec.SchedulingGates[0].Name),
            }),
        });

    /// <summary>What a node of <see cref="DeclaredFeaturesCase"/> declares: nothing said (its kubelet's discovery), nothing, the feature, another one.</summary>
    public static IReadOnlyList<ValueList<string>?> Declarations { get; } =
        [null, ValueList<string>.Empty, ValueList.Of(FeatureGateNames.RestartAllContainersOnContainerExits), ValueList.Of("ExtendWebSocketsToKubelet")];

    /// <summary>
    /// A <see cref="Case"/> whose pod needs a node-declared feature (SCHED-018..020): one regular container gets its own
    /// restartPolicy and a RestartAllContainers rule for an exit code its script never gives, and each node declares one of
    /// <see cref="Declarations"/> (a default or an empty list most often). The case carries the gates the rule needs
    /// (<see cref="RestartAllGen.GatesFor"/>); null where the release has none of them.
    /// </summary>
    public static Gen<ScenarioCase>? DeclaredFeaturesCase(Profile profile)
    {
        if (RestartAllGen.GatesFor(profile) is not { } gates)
        {
            return null;
        }

        var rule = new ContainerRestartRule
        {
            Action = ContainerRestartPolicy.ActionRestartAllContainers,
            ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = ContainerRestartPolicy.OperatorIn, Values = [42] },
        };
        return
            from c in Case
            from index in Gen.Choose(0, c.Pod.Spec.Containers.Count - 1)
            from own in Gen.Elements(ContainerRestartPolicy.Never, ContainerRestartPolicy.OnFailure, ContainerRestartPolicy.Always)
            from declared in GenSequence.Indexed(c.Scenario.Nodes.Count, _ => Gen.Frequency(
                (3, Gen.Constant(Declarations[0])), (3, Gen.Constant(Declarations[1])), (2, Gen.Constant(Declarations[2])), (1, Gen.Constant(Declarations[3]))))
            let spec = c.Pod.Spec
            select new ScenarioCase(
                c.Pod with { Spec = spec with { Containers = spec.Containers.SetItem(index, spec.Containers[index] with { RestartPolicy = own, RestartPolicyRules = ValueList.Of(rule) }) } },
                c.Scenario with { Nodes = c.Scenario.Nodes.Select((n, i) => n with { DeclaredFeatures = declared[i] }).ToValueList() })
            { Gates = gates };
    }

    /// <summary>Scheduling cases shrinking toward fewer nodes, taints, labels, selector entries, tolerations and steps.</summary>
    public static Arbitrary<ScenarioCase> CaseArb { get; } = Arb.From(Case, SchedulingShrinker.Shrink);

    private static NodeSelectorRequirement Expr(string key, string op, params string[] values) =>
        new() { Key = key, Operator = op, Values = values.ToValueList() };

    private static NodeSelectorTerm Term(params NodeSelectorRequirement[] requirements) => new() { MatchExpressions = requirements.ToValueList() };

    private static NodeSelector Selector(params NodeSelectorTerm[] terms) => new() { NodeSelectorTerms = terms.ToValueList() };

    private static ValueMap<string> FirstPerKey(IEnumerable<(string Key, string Value)> pairs)
    {
        var map = ValueMap<string>.Empty;
        foreach (var (k, v) in pairs)
        {
            if (!map.ContainsKey(k))
            {
                map = map.SetItem(k, v);
            }
        }

        return map;
    }

    /// <summary>No pod-level resources and no container resources: only the request set below counts.</summary>
    private static PodSpec Runnable(PodSpec spec) => spec with
    {
        Resources = null,
        InitContainers = spec.InitContainers.Select(c => c with { Resources = ResourceRequirements.Empty }).ToValueList(),
        Containers = spec.Containers.Select(c => c with { Resources = ResourceRequirements.Empty }).ToValueList(),
    };

    private static PodSpec WithRequest(PodSpec spec, string cpu, string memory)
    {
        var requests = ValueMap<Quantity>.Empty;
        if (cpu.Length != 0)
        {
            requests = requests.SetItem("cpu", Quantity.Parse(cpu));
        }

        if (memory.Length != 0)
        {
            requests = requests.SetItem("memory", Quantity.Parse(memory));
        }

        return requests.IsEmpty ? spec : spec with { Containers = spec.Containers.SetItem(0, spec.Containers[0] with { Resources = new ResourceRequirements { Requests = requests } }) };
    }
}
