using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Eviction;
using PodConformance.Model.Simulation;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Support;

/// <summary>The model with one deliberate bug, to show the suite catches it; or with a capability removed.</summary>
internal sealed class BrokenAdapter(string name, Func<ConformanceCase, Observation, Observation> breakIt, Capability capabilities = Capability.Quantity | Capability.Admission | Capability.Qos | Capability.Lifecycle | Capability.OomScore) : IConformanceAdapter
{
    private readonly Func<ConformanceCase, Observation, Observation> breakIt = breakIt;

    public string Name => name;

    public Capability Capabilities => capabilities;

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken) =>
        ValueTask.FromResult(breakIt(testCase, ModelAdapter.Run(testCase, profile)));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Prints binary suffixes in lower case (<c>1536mi</c>).</summary>
    public static BrokenAdapter LowerCaseSuffixes { get; } = new("lower-case-suffixes", (_, o) => o.Quantity is { Ok: true } q
        ? o with { Quantity = q with { String = Lower(q.String), Canonical = Lower(q.Canonical) } }
        : o);

    /// <summary>Calls every Burstable pod Guaranteed.</summary>
    public static BrokenAdapter BurstableIsGuaranteed { get; } = new("burstable-is-guaranteed", (_, o) => o.Admission is { QosClass: "Burstable" } a
        ? o with { Admission = a with { QosClass = "Guaranteed" } }
        : o);

    /// <summary>Never counts the first restart of a container.</summary>
    public static BrokenAdapter DropsARestart { get; } = new("drops-a-restart", (_, o) => o.Lifecycle is { } l
        ? o with { Lifecycle = l with { Samples = l.Samples.Select(s => s with { Containers = s.Containers.Select(c => c with { RestartCount = Math.Max(0, c.RestartCount - 1) }).ToValueList() }).ToValueList() } }
        : o);

    /// <summary>All three bugs above at once, for a report with quantity, QoS and lifecycle failures (golden/reports/report-example.html).</summary>
    public static BrokenAdapter Several { get; } = new("several-bugs", (c, o) =>
        DropsARestart.breakIt(c, BurstableIsGuaranteed.breakIt(c, LowerCaseSuffixes.breakIt(c, o))));

    /// <summary>The model, without the QoS capability.</summary>
    public static BrokenAdapter WithoutQos { get; } = new("no-qos", (_, o) => o, Capability.Quantity | Capability.Admission | Capability.Lifecycle | Capability.OomScore);

    /// <summary>Expands env values without the <c>$$</c> escape: <c>$$(A)</c> becomes <c>$</c> plus A's value, <c>$$</c> stays <c>$$</c>.</summary>
    public static BrokenAdapter NoDollarEscape { get; } = new("env-without-dollar-escape", (c, o) => c is PodCase p && o.Env is not null
        ? o with { Env = Unescape(ModelAdapter.ObserveEnv(WithoutEscapes(p), Profile.Default)) }
        : o, Capability.All);

    /// <summary>
    /// Runs the eviction loop like the kubelet (same signals, thresholds, one eviction per cycle, critical pods spared) but
    /// picks victims by QoS class — BestEffort, then Burstable, then Guaranteed — the common myth, not the kubelet's ranking.
    /// </summary>
    public static BrokenAdapter EvictsByQosClass { get; } = new("evicts-by-qos-class", (c, o) => c is NodePressureCase n && o.Eviction is { } e
        ? o with { Eviction = e with { Order = QosClassOrder(n) } }
        : o, Capability.All);

    private static ValueList<string> QosClassOrder(NodePressureCase n)
    {
        var profile = Profile.Default;
        var thresholds = NodePressureSimulator.Thresholds(n.Scenario, profile).Thresholds;
        var active = n.Pods.Select(p => PodDefaulter.Apply(p, profile)).ToList();
        var order = new List<string>();
        var until = n.Scenario.Until ?? TimeSpan.FromMinutes(10);
        for (var t = TimeSpan.Zero; t <= until; t += n.Scenario.Period)
        {
            var met = ThresholdEvaluation.ThresholdsMet(thresholds, NodePressureSimulator.Observe(n.Scenario, active, t));
            if (met.Count > 0 && active.Where(p => !NodePressureSimulator.IsCritical(p)).OrderBy(p => ClassRank(p)).FirstOrDefault() is { } victim)
            {
                order.Add(victim.Metadata.Name);
                active.Remove(victim);
            }
        }

        return [.. order];
    }

    private static int ClassRank(Pod pod) => QosCalculator.ComputePodQos(pod.Spec, Profile.Default) switch { QosClass.BestEffort => 0, QosClass.Burstable => 1, _ => 2 };

    private const char Sentinel = '\u0001';

    /// <summary>Each <c>$</c> followed by <c>$</c> becomes a character expansion leaves alone, so only <c>$(</c> is special.</summary>
    private static PodCase WithoutEscapes(PodCase p)
    {
        static string Escape(string v) => string.Concat(v.Select((ch, i) => ch == '$' && i + 1 < v.Length && v[i + 1] == '$' ? Sentinel : ch));
        static Container Fix(Container k) => k with { Env = k.Env.Select(v => v.ValueFrom is null ? v with { Value = Escape(v.Value) } : v).ToValueList() };
        var spec = p.Pod.Spec;
        return p with { Pod = p.Pod with { Spec = spec with { Containers = spec.Containers.Select(Fix).ToValueList(), InitContainers = spec.InitContainers.Select(Fix).ToValueList() } } };
    }

    private static EnvObservation Unescape(EnvObservation env) => env with
    {
        Containers = ValueMap.Create(env.Containers.Select(c => KeyValuePair.Create(c.Key, ValueMap.Create(c.Value.Select(v => KeyValuePair.Create(v.Key, v.Value.Replace(Sentinel, '$'))))))),
    };

    private static string Lower(string text) => text.Replace("Ki", "ki", StringComparison.Ordinal).Replace("Mi", "mi", StringComparison.Ordinal)
        .Replace("Gi", "gi", StringComparison.Ordinal).Replace("Ti", "ti", StringComparison.Ordinal).Replace("Pi", "pi", StringComparison.Ordinal).Replace("Ei", "ei", StringComparison.Ordinal);
}
