using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Benchmarks;

/// <summary>
/// The cases a default run sends, generated exactly as the runner does (default seed, case i from (seed, i)), so a
/// benchmark's scenarios per second translate directly into the wall time of <c>podconf run</c>.
/// </summary>
public static class ThroughputCases
{
    public const int Count = RunOptions.DefaultCount;

    /// <summary>P-QTY-PARSE's texts: valid, near-valid and garbage quantities.</summary>
    public static ConformanceCase[] Quantity { get; } = Of("P-QTY-PARSE");

    /// <summary>P-ADM-VALIDATION's pods: one valid to three invalid, the admission mix.</summary>
    public static ConformanceCase[] Admission { get; } = Of("P-ADM-VALIDATION");

    /// <summary>The lifecycle properties' pods and scenarios (up to 10 minutes of virtual time each).</summary>
    public static ConformanceCase[] Lifecycle { get; } = Of("P-LIFE-PHASE");

    public static ConformanceCase[] For(string kind) => kind switch
    {
        "quantity" => Quantity,
        "admission" => Admission,
        "lifecycle" => Lifecycle,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "quantity, admission or lifecycle"),
    };

    /// <summary>The baseline both throughput classes set their rows beside: the model adapter over the cases, in process.</summary>
    public static int RunModel(ConformanceCase[] cases)
    {
        int n = 0;
        foreach (var c in cases)
        {
            n += RunModel(c, Profile.Default);
        }

        return n;
    }

    /// <summary>
    /// One case through the model with every facet computed. The model computes its lifecycle, env, OOM-score and
    /// defaults facets only when read (f0de338), and an observation sent over the protocol has them all: a baseline that
    /// reads none of them leaves out the simulation itself (a lifecycle case's run fell from about 320 to 25 µs of CPU).
    /// </summary>
    public static int RunModel(ConformanceCase testCase, Profile profile)
    {
        var o = ModelAdapter.Run(testCase, profile);
        int n = o.Failure is null ? 1 : 0;
        n += o.Lifecycle is null ? 0 : 1;
        n += o.Env is null ? 0 : 1;
        n += o.OomScore is null ? 0 : 1;
        n += o.Admission is { } a && !a.Defaults.IsEmpty ? 1 : 0;
        return n;
    }

    private static ConformanceCase[] Of(string propertyId)
    {
        var gen = Catalog.Find(propertyId)!.Cases(Profile.Default);
        return [.. Enumerable.Range(0, Count).Select(i => SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, Count))];
    }
}
