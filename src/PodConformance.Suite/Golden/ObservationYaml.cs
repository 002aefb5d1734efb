using System.Globalization;
using PodConformance.Model.Collections;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Renders an <see cref="Observation"/> as the <c>expected</c> facets of a golden file. The same rendering is
/// used when a file is generated from the model and when an adapter's observation is replayed against it, so
/// comparing two renderings line by line is comparing the observations, with a diff a person can read.
/// </summary>
public static class ObservationYaml
{
    /// <summary>Facets recorded per area, in file order.</summary>
    public static IReadOnlyList<string> FacetsFor(string area) => area switch
    {
        GoldenAreas.Quantity => [Facets.Quantity],
        GoldenAreas.Admission => [Facets.Admission],
        GoldenAreas.Qos => [Facets.Qos, Facets.OomScores],
        GoldenAreas.Lifecycle => [Facets.Qos, Facets.Lifecycle],
        _ => [Facets.Qos, Facets.Lifecycle],
    };

    /// <summary>The capability an adapter needs to be compared on a facet; facets it lacks are skipped, not passed.</summary>
    public static Capability CapabilityOf(string facet) => facet switch
    {
        Facets.Quantity => Capability.Quantity,
        Facets.Admission => Capability.Admission,
        Facets.Qos => Capability.Qos,
        Facets.OomScores => Capability.OomScore,
        Facets.Lifecycle => Capability.Lifecycle,
        _ => Capability.None,
    };

    public static GoldenNode? Facet(string facet, Observation o, ConformanceCase input) => facet switch
    {
        Facets.Quantity => o.Quantity is { } q ? Quantity(q) : null,
        Facets.Admission => o.Admission is { } a ? Admission(a, input) : null,
        Facets.Qos => o.Admission is { } a ? new GoldenScalar(a.Accepted ? a.QosClass : "rejected") : null,
        Facets.OomScores => o.OomScore is { } s ? Scores(s) : null,
        Facets.Lifecycle => o.Lifecycle is { } l ? Lifecycle(l) : null,
        _ => null,
    };

    public static GoldenMap Render(IEnumerable<string> facets, Observation o, ConformanceCase input)
    {
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(o);
        var b = new GoldenMapBuilder();
        if (o.Failure is { } failure)
        {
            b.Add("failure", failure);
        }

        foreach (string f in facets)
        {
            b.Add(f, Facet(f, o, input));
        }

        return b.Build();
    }

    public static GoldenMap Quantity(QuantityObservation q)
    {
        var b = new GoldenMapBuilder().Add("ok", q.Ok);
        if (!q.Ok)
        {
            return b.Add("error", q.Error).Build();
        }

        return b.Add("string", q.String).Add("canonical", q.Canonical).Add("format", q.Format)
            .Add("milliValue", q.MilliValue).Add("value", q.Value).Build();
    }

    /// <summary>Accepted or not, the errors, the QoS class, and only the fields defaulting added or changed.</summary>
    public static GoldenMap Admission(AdmissionObservation a, ConformanceCase input)
    {
        var b = new GoldenMapBuilder().Add("accepted", a.Accepted);
        b.AddList("errors", a.Errors);
        if (!a.Accepted)
        {
            return b.Build();
        }

        b.Add("qosClass", a.QosClass);
        var before = input is PodCase p ? PodFields.Flatten(p.Pod) : ValueMap<string>.Empty;
        var defaulted = new GoldenMapBuilder();
        int count = 0;
        foreach (var (path, value) in a.Defaults)
        {
            if (!before.TryGetValue(path, out string? old) || old != value)
            {
                defaulted.Add(path, value);
                count++;
            }
        }

        return count == 0 ? b.Build() : b.Add("defaulted", defaulted.Build()).Build();
    }

    public static GoldenMap Scores(OomScoreObservation s)
    {
        var b = new GoldenMapBuilder();
        foreach (var (name, score) in s.Scores)
        {
            b.Add(name, score);
        }

        return b.Build();
    }

    public static GoldenMap Lifecycle(LifecycleObservation l)
    {
        if (l.Rejected)
        {
            return new GoldenMapBuilder().Add("rejected", true).Build();
        }

        var samples = l.Samples.Select(s => (GoldenNode)Sample(s)).ToList();
        var events = l.Events.Select(e => Offset(e.Offset) + " " + e.Type + " " + e.Reason + ": " + e.Message);
        return new GoldenMapBuilder().Add("samples", new GoldenList(samples)).AddList("events", events).Build();
    }

    private static GoldenMap Sample(StatusSample s)
    {
        var b = new GoldenMapBuilder()
            .Add("at", Offset(s.Offset))
            .Add("phase", s.Phase)
            .Add("get", s.Ready + " " + s.Status + " " + s.Restarts);
        if (s.Deleted)
        {
            b.Add("deleted", true);
        }

        b.AddList("conditions", s.Conditions);
        b.AddList("containers", s.Containers.Select(Container));
        return b.Build();
    }

    /// <summary>One line per container: <c>web waiting/CrashLoopBackOff restarts=2 last=Error/1</c>.</summary>
    public static string Container(ContainerSample c)
    {
        var sb = new System.Text.StringBuilder(c.Name).Append(' ').Append(c.State.Length == 0 ? "none" : c.State);
        if (c.Reason.Length != 0)
        {
            sb.Append('/').Append(c.Reason);
        }

        if (c.ExitCode is { } exit)
        {
            sb.Append(" exit=").Append(exit.ToString(CultureInfo.InvariantCulture));
        }

        if (c.Ready)
        {
            sb.Append(" ready");
        }

        if (c.RestartCount != 0)
        {
            sb.Append(" restarts=").Append(c.RestartCount.ToString(CultureInfo.InvariantCulture));
        }

        if (c.LastReason.Length != 0 || c.LastExitCode is not null)
        {
            sb.Append(" last=").Append(c.LastReason).Append('/').Append(c.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        return sb.ToString();
    }

    private static string Offset(TimeSpan t) => t == TimeSpan.Zero ? "0s" : ScenarioYaml.Duration(t);
}

/// <summary>The facet names of <c>expected</c>.</summary>
public static class Facets
{
    public const string Quantity = "quantity";
    public const string Admission = "admission";
    public const string Qos = "qos";
    public const string OomScores = "oomScores";
    public const string Lifecycle = "lifecycle";
}

/// <summary>The areas golden cases are generated for, each a directory under <c>golden/</c>.</summary>
public static class GoldenAreas
{
    public const string Quantity = "quantity";
    public const string Admission = "admission";
    public const string Qos = "qos";
    public const string Lifecycle = "lifecycle";
    public const string Seed = "seed";

    public static IReadOnlyList<string> Generated { get; } = [Quantity, Admission, Qos, Lifecycle];
}
