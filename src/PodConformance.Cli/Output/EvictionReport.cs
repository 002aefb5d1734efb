using System.Globalization;
using System.Text;
using System.Text.Json;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Cli.Output;

/// <summary>
/// What <c>podconf evict</c> prints: each cycle's ranking with the facts the comparators read (exceeds request?,
/// priority, usage − request) and the step that separated neighbours, then the order, the evicted status, the events.
/// </summary>
public static class EvictionReport
{
    public static string Text(NodeScenario scenario, IReadOnlyList<Threshold> thresholds, IReadOnlyList<Pod> pods, NodePressureResult run)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        sb.Append("Node ").Append(scenario.Node.Name).Append(": memory capacity ").Append(Bytes(scenario.MemoryCapacityBytes))
          .Append(", allocatable ").Append(Bytes(scenario.MemoryAllocatableBytes));
        if (scenario.NodeFs is { } nodeFs)
        {
            sb.Append("; ").Append(DiskLayouts.Name(scenario.DiskLayout)).Append(" nodefs ").Append(FsText(nodeFs));
            if (scenario.ImageFs is { } imageFs && scenario.DiskLayout != DiskLayout.SingleFs)
            {
                sb.Append(", imagefs ").Append(FsText(imageFs));
            }
        }

        if (scenario.Pids is { } pids)
        {
            sb.Append("; pid max ").Append(pids.Max.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append("; hard thresholds ").Append(string.Join(", ", thresholds.Select(t => t.Signal + "<" + t.Value))).Append('\n');
        foreach (var cycle in run.Cycles)
        {
            sb.Append('\n').Append("Cycle ").Append(GoDuration.Format(cycle.At)).Append(": ")
              .Append(string.Join("; ", cycle.Met.Select(t => MetText(t, cycle.Observations))));
            if (cycle.Decision.Resource is { } resource)
            {
                sb.Append(" → reclaim ").Append(resource);
            }

            sb.Append('\n');
            var table = new TabTable();
            table.Add("  RANK", "POD", "EXCEEDS-REQUEST", "PRIORITY", "USAGE", "REQUEST", "USAGE-REQUEST", "AHEAD OF NEXT BY");
            var ranking = cycle.Decision.Ranking;
            for (int i = 0; i < ranking.Count; i++)
            {
                var r = ranking[i];
                var f = r.Facts;
                string by = i < cycle.Adjacent.Count ? StepName(cycle.Adjacent[i].Step) : "";
                // Under PID pressure USAGE is the process count and no request is compared (EVICT-003).
                bool pid = cycle.Decision.Signal == EvictionSignals.PidAvailable;
                table.Add("  " + (i + 1).ToString(CultureInfo.InvariantCulture), r.Pod.Metadata.Name + (NodePressureSimulator.IsCritical(r.Pod) ? " (critical)" : ""),
                    f.HasStats ? (pid ? "-" : f.ExceedsRequest ? "yes" : "no") : "no stats", f.Priority.ToString(CultureInfo.InvariantCulture),
                    f.HasStats ? f.Usage.ToString() : "-", pid ? "-" : f.Request.ToString(), f.HasStats && !pid ? f.UsageOverRequest.ToString() : "-", by);
            }

            var lines = new StringWriter { NewLine = "\n" };
            table.WriteTo(lines);
            sb.Append(lines);
            foreach (string skipped in cycle.Decision.SkippedCritical)
            {
                sb.Append("  skipped ").Append(skipped).Append(": critical pods are never evicted (EVICT-007)\n");
            }

            sb.Append(cycle.Decision.Victim is { } v ? "  evicted: " + v.Metadata.Name + "\n" : "  evicted: none (" + cycle.Decision.NoVictimReason + ")\n");
        }

        sb.Append("\nEviction order:\n");
        if (run.Evictions.Count == 0)
        {
            sb.Append("  (none)\n");
        }

        for (int i = 0; i < run.Evictions.Count; i++)
        {
            var e = run.Evictions[i];
            var victim = e.Decision.Ranking.First(r => r.Pod.Metadata.Name == e.Pod);
            sb.Append("  ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(e.Pod).Append(" at ").Append(GoDuration.Format(e.At))
              .Append(": ").Append(Facts(victim.Facts, e.Decision.Signal)).Append('\n');
            foreach (var why in e.Decision.Why)
            {
                sb.Append("     before ").Append(why.After).Append(" by ").Append(StepName(why.Step)).Append(": ").Append(why.Reason).Append('\n');
            }

            if (e.Decision.EvictedStatus is { } status)
            {
                sb.Append("     status: phase ").Append(status.Phase).Append(", reason ").Append(status.Reason)
                  .Append(", condition DisruptionTarget=True (").Append(EvictionManager.TerminationByKubelet).Append(")\n");
            }

            sb.Append("     message: ").Append(e.Decision.Message).Append('\n');
        }

        var never = NeverEvicted(pods, run);
        if (never.Count > 0)
        {
            sb.Append("Never evicted (critical): ").Append(string.Join(", ", never)).Append('\n');
        }

        sb.Append("\nEvents:\n");
        var events = new TabTable();
        events.Add("  AT", "OBJECT", "TYPE", "REASON", "MESSAGE");
        foreach (var ev in run.Events)
        {
            events.Add("  " + GoDuration.Format(ev.At), ev.Object, ev.Type, ev.Reason, ev.Message);
        }

        var ew = new StringWriter { NewLine = "\n" };
        events.WriteTo(ew);
        sb.Append(ew);
        return sb.ToString();
    }

    public static string Json(NodeScenario scenario, IReadOnlyList<Threshold> thresholds, IReadOnlyList<Pod> pods, NodePressureResult run)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(run);
        return Output.Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("node", scenario.Node.Name);
            w.WriteStartArray("thresholds");
            foreach (var t in thresholds)
            {
                w.WriteStringValue(t.Signal + "<" + t.Value);
            }

            w.WriteEndArray();
            w.WriteStartArray("order");
            foreach (string name in run.Order)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteStartArray("neverEvicted");
            foreach (string name in NeverEvicted(pods, run))
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteStartArray("cycles");
            foreach (var c in run.Cycles)
            {
                WriteCycle(w, c);
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var e in run.Events)
            {
                w.WriteStartObject();
                w.WriteString("at", GoDuration.Format(e.At));
                w.WriteString("object", e.Object);
                w.WriteString("type", e.Type);
                w.WriteString("reason", e.Reason);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Critical pods of the input: evictPod refuses them whatever they use (EVICT-007).</summary>
    public static ValueList<string> NeverEvicted(IReadOnlyList<Pod> pods, NodePressureResult run)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(run);
        return [.. pods.Where(NodePressureSimulator.IsCritical).Select(p => p.Metadata.Name)];
    }

    private static string FsText(FilesystemCapacity fs) =>
        fs.Capacity.ToString() + (fs.Inodes is long inodes ? " (" + inodes.ToString(CultureInfo.InvariantCulture) + " inodes)" : "");

    public static string StepName(RankStep? step) => step switch
    {
        RankStep.ExceedsRequest => "exceeds-request",
        RankStep.Priority => "priority",
        RankStep.Usage => "usage-request",
        RankStep.Processes => "processes",
        _ => "tie (input order)",
    };

    private static void WriteCycle(Utf8JsonWriter w, NodePressureCycle c)
    {
        w.WriteStartObject();
        w.WriteString("at", GoDuration.Format(c.At));
        w.WriteStartArray("met");
        foreach (var t in c.Met)
        {
            w.WriteStringValue(MetText(t, c.Observations));
        }

        w.WriteEndArray();
        if (c.Decision.Resource is { } resource)
        {
            w.WriteString("reclaim", resource);
        }

        w.WriteStartArray("ranking");
        for (int i = 0; i < c.Decision.Ranking.Count; i++)
        {
            var r = c.Decision.Ranking[i];
            w.WriteStartObject();
            w.WriteString("pod", r.Pod.Metadata.Name);
            w.WriteBoolean("critical", NodePressureSimulator.IsCritical(r.Pod));
            w.WriteBoolean("hasStats", r.Facts.HasStats);
            w.WriteBoolean("exceedsRequest", r.Facts.ExceedsRequest);
            w.WriteNumber("priority", r.Facts.Priority);
            w.WriteString("usage", r.Facts.Usage.ToString());
            w.WriteString("request", r.Facts.Request.ToString());
            w.WriteString("usageOverRequest", r.Facts.UsageOverRequest.ToString());
            if (i < c.Adjacent.Count)
            {
                w.WriteString("aheadOfNextBy", StepName(c.Adjacent[i].Step));
                w.WriteString("why", c.Adjacent[i].Reason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (c.Decision.Victim is { } victim)
        {
            w.WriteStartObject("evicted");
            w.WriteString("pod", victim.Metadata.Name);
            w.WriteString("phase", c.Decision.EvictedStatus?.Phase);
            w.WriteString("reason", c.Decision.EvictedStatus?.Reason);
            w.WriteString("message", c.Decision.Message);
            w.WriteStartObject("condition");
            w.WriteString("type", EvictionManager.DisruptionTarget);
            w.WriteString("status", "True");
            w.WriteString("reason", EvictionManager.TerminationByKubelet);
            w.WriteEndObject();
            w.WriteStartArray("why");
            foreach (var why in c.Decision.Why)
            {
                w.WriteStartObject();
                w.WriteString("before", why.After);
                w.WriteString("step", StepName(why.Step));
                w.WriteString("reason", why.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("noVictim", c.Decision.NoVictimReason);
        }

        w.WriteEndObject();
    }

    /// <summary>The PID chain reads priority and process count only (EVICT-003): no request is compared.</summary>
    private static string Facts(RankFacts f, string? signal) => !f.HasStats
        ? "no stats, priority " + f.Priority.ToString(CultureInfo.InvariantCulture)
        : signal == EvictionSignals.PidAvailable
        ? f.Processes.ToString(CultureInfo.InvariantCulture) + " processes, priority " + f.Priority.ToString(CultureInfo.InvariantCulture)
        : (f.ExceedsRequest ? "exceeds its request" : "within its request") + " (" + f.Usage + " used, " + f.Request + " requested), priority "
          + f.Priority.ToString(CultureInfo.InvariantCulture) + ", usage − request " + f.UsageOverRequest;

    private static string MetText(Threshold t, ValueMap<SignalObservation> observations) =>
        observations.TryGetValue(t.Signal, out var o)
            ? t.Signal + " available " + o.Available + " < threshold " + t.Value.Resolve(o.Capacity)
            : t.Signal + "<" + t.Value;

    private static string Bytes(long value) => Quantity.FromInt64(value, QuantityFormat.BinarySI).ToString();
}
