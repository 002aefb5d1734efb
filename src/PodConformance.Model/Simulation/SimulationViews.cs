using PodConformance.Model.Describe;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Simulation;

/// <summary>What a person watching the simulated cluster would see: <c>kubectl get -w</c> and <c>kubectl describe</c>.</summary>
public static class SimulationViews
{
    /// <summary>
    /// <c>kubectl get pods -w</c>: the header with every pod's first row, then a line per update whose row
    /// (AGE aside) differs from that pod's previous line, with column widths remembered as kubectl's tabwriter does.
    /// kubectl prints a line for every update, including ones that leave the row unchanged; those are left out here.
    /// </summary>
    public static string Watch(SimulationResult result, bool wide = false, bool noHeaders = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writer = new KubectlTabWriter();
        var sb = new System.Text.StringBuilder();
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        bool header = !noHeaders;
        foreach (var snapshot in result.Timeline)
        {
            var row = PodPrinter.Row(snapshot.Pod, snapshot.Time);
            string key = snapshot.Pod.Metadata.Namespace + "/" + snapshot.Pod.Metadata.Name;
            string identity = string.Join("\t", row.Cells(wide)[..2]) + "\t" + row.Status + "\t" + row.Restarts + (wide ? "\t" + string.Join("\t", row.Cells(true)[5..]) : "");
            if (snapshot.Kind != SnapshotKind.Deleted && last.TryGetValue(key, out string? previous) && previous == identity)
            {
                continue;
            }

            last[key] = identity;
            sb.Append(PodTable.Lines(writer, [row], wide, header));
            header = false;
        }

        return sb.ToString();
    }

    /// <summary>The Events block of <c>kubectl describe pod NAME</c> at the end of the run, repeats folded.</summary>
    public static string DescribeEvents(SimulationResult result, string podName, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(result);
        var folded = EventAggregator.Aggregate(result.EventsFor(podName));
        return Events.DescribeEvents.Render(folded, result.End, profile);
    }

    /// <summary>
    /// <c>kubectl describe pod NAME</c> at the end of the run (DESC-001): the pod's last snapshot, its events folded as
    /// the recorder folds them, ages against the end of the run. Null when the run never saw the pod.
    /// </summary>
    public static DescribeOutput? Describe(SimulationResult result, string podName, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(result);
        PodSnapshot? last = null;
        foreach (var s in result.For(podName))
        {
            last = s;
        }

        if (last is null || last.Kind == SnapshotKind.Deleted)
        {
            return null;
        }

        var folded = EventAggregator.Aggregate(result.EventsFor(podName));
        return DescribePod.Render(last.Pod, folded, result.End, profile);
    }
}
