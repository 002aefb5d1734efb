using System.Globalization;
using System.Text;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A node-pressure episode as the <c>kind: NodeScenario</c> document of spec/scenario.md (what
/// <c>NodeScenarioReader</c> reads back), writing only what differs from the format's defaults.
/// </summary>
public static class NodeScenarioText
{
    public static string Render(NodeScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var w = new StringBuilder();
        w.Append("apiVersion: podconf/v1\nkind: NodeScenario\n");
        w.Append("node:\n  name: ").Append(CaseText.Quote(s.Node.Name)).Append('\n');
        CaseText.AppendQuantities(w, "  capacity", s.Node.Capacity);
        CaseText.AppendQuantities(w, "  allocatable", s.Node.Allocatable);
        if (s.EvictionHard is { } hard)
        {
            w.Append("evictionHard: {").Append(string.Join(", ", hard.Select(kv => CaseText.Quote(kv.Key) + ": " + CaseText.Quote(kv.Value)))).Append("}\n");
        }

        if (!s.EnforceNodeAllocatable)
        {
            w.Append("enforceNodeAllocatable: false\n");
        }

        if (s.Period != NodeScenario.DefaultPeriod)
        {
            w.Append("period: ").Append(GoDuration.Format(s.Period)).Append('\n');
        }

        if (s.PressureTransitionPeriod != NodeScenario.DefaultPressureTransitionPeriod)
        {
            w.Append("pressureTransitionPeriod: ").Append(GoDuration.Format(s.PressureTransitionPeriod)).Append('\n');
        }

        if (s.Until is { } until)
        {
            w.Append("until: ").Append(GoDuration.Format(until)).Append('\n');
        }

        if (!s.SystemMemory.IsZero)
        {
            w.Append("systemMemory: ").Append(CaseText.Quote(s.SystemMemory.ToString())).Append('\n');
        }

        if (!s.Usage.IsEmpty)
        {
            w.Append("usage:\n");
            foreach (var (pod, samples) in s.Usage)
            {
                w.Append("  ").Append(CaseText.Quote(pod)).Append(":\n");
                foreach (var sample in samples)
                {
                    w.Append("  - ").Append(Sample(sample)).Append('\n');
                }
            }
        }

        return w.ToString();
    }

    private static string Sample(UsageSample s)
    {
        var parts = new List<string> { "at: " + GoDuration.Format(s.At) };
        if (s.NoStats)
        {
            parts.Add("noStats: true");
        }

        if (s.Pod is { } pod)
        {
            parts.Add("pod: " + CaseText.Quote(pod.ToString()));
        }

        if (!s.Containers.IsEmpty)
        {
            parts.Add("containers: {" + string.Join(", ", s.Containers.Select(kv => CaseText.Quote(kv.Key) + ": " + CaseText.Quote(kv.Value.ToString()))) + "}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}
