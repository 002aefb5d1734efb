using System.Globalization;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Podman.Report;

/// <summary>A scenario in one line for the report (<c>until 30s; app: exit 1 after 2s, then runs forever</c>).</summary>
public static class ScenarioText
{
    public static string Describe(PodCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var script = c.Scenario.ScriptFor(c.Pod.Metadata.Name);
        var parts = new List<string> { "until " + GoDuration.Format(c.Scenario.Until) };
        foreach (var (name, runs) in script.Containers)
        {
            parts.Add(name + ": " + string.Join(", then ", runs.Runs.Select(Run)));
        }

        if (!c.Scenario.Images.Missing.IsEmpty)
        {
            parts.Add("missing images " + string.Join(", ", c.Scenario.Images.Missing));
        }

        if (script.DeleteAfter is { } d)
        {
            parts.Add("deleted after " + GoDuration.Format(d));
        }

        return parts.Count == 1 ? parts[0] + "; every container as defaulted (init: exit 0 after 1s; others run forever)" : string.Join("; ", parts);
    }

    private static string Run(ContainerRun r)
    {
        var text = new List<string>();
        if (r.AllocateMemory is { } m)
        {
            text.Add("allocates " + m);
        }

        if (r.UseCpu is { } cpu)
        {
            text.Add("uses cpu " + cpu);
        }

        text.Add(r.ExitCode is { } code ? "exit " + code.ToString(CultureInfo.InvariantCulture) : "runs forever");
        if (r.After > TimeSpan.Zero)
        {
            text.Add("after " + GoDuration.Format(r.After));
        }

        if (r.NeverReady)
        {
            text.Add("never ready");
        }
        else if (r.ReadyAfter > TimeSpan.Zero)
        {
            text.Add("ready after " + GoDuration.Format(r.ReadyAfter));
        }

        return string.Join(" ", text);
    }
}
