using PodConformance.Model.Profiles;
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

    /// <summary>All three bugs above at once, for a report with quantity, QoS and lifecycle failures (docs/report-example.html).</summary>
    public static BrokenAdapter Several { get; } = new("several-bugs", (c, o) =>
        DropsARestart.breakIt(c, BurstableIsGuaranteed.breakIt(c, LowerCaseSuffixes.breakIt(c, o))));

    /// <summary>The model, without the QoS capability.</summary>
    public static BrokenAdapter WithoutQos { get; } = new("no-qos", (_, o) => o, Capability.Quantity | Capability.Admission | Capability.Lifecycle | Capability.OomScore);

    private static string Lower(string text) => text.Replace("Ki", "ki", StringComparison.Ordinal).Replace("Mi", "mi", StringComparison.Ordinal)
        .Replace("Gi", "gi", StringComparison.Ordinal).Replace("Ti", "ti", StringComparison.Ordinal).Replace("Pi", "pi", StringComparison.Ordinal).Replace("Ei", "ei", StringComparison.Ordinal);
}
