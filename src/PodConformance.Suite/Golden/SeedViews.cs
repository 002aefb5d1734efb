using System.Text;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Golden;

/// <summary>
/// The kubectl views the tutorial shows, computed from a simulation: <c>get -w</c> lines without AGE (ages
/// depend on timing), the final <c>get</c> row, <c>describe</c> events without their Age column, and
/// <c>-o jsonpath</c> values read from the final Pod object as kubectl would print them.
/// </summary>
public static class SeedViews
{
    /// <summary>Watch lines (NAME READY STATUS RESTARTS), repeats of an unchanged row left out, aligned.</summary>
    public static IReadOnlyList<string> Watch(SimulationResult result)
    {
        var rows = new List<string[]> { new[] { "NAME", "READY", "STATUS", "RESTARTS" } };
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in result.Timeline)
        {
            var row = PodPrinter.Row(s.Pod, s.Time);
            string identity = row.Ready + "\t" + row.Status + "\t" + row.Restarts;
            if (s.Kind != SnapshotKind.Deleted && last.TryGetValue(row.Name, out string? prev) && prev == identity)
            {
                continue;
            }

            last[row.Name] = identity;
            rows.Add([row.Name, row.Ready, row.Status, row.Restarts]);
        }

        return Align(rows);
    }

    /// <summary>The STATUS column of <see cref="Watch"/>, in order.</summary>
    public static IReadOnlyList<string> Statuses(SimulationResult result, string podName)
    {
        var statuses = new List<string>();
        var lastRow = "";
        foreach (var s in result.For(podName))
        {
            var row = PodPrinter.Row(s.Pod, s.Time);
            string identity = row.Ready + "\t" + row.Status + "\t" + row.Restarts;
            if (identity == lastRow)
            {
                continue;
            }

            lastRow = identity;
            if (statuses.Count == 0 || statuses[^1] != row.Status)
            {
                statuses.Add(row.Status);
            }
        }

        return statuses;
    }

    /// <summary><c>kubectl get pod NAME</c> at the end of the run (AGE included: the model's clock is deterministic).</summary>
    public static IReadOnlyList<string> Get(SimulationResult result, string podName, bool wide = false)
    {
        var pod = Final(result, podName);
        var row = PodPrinter.Row(pod, result.End);
        string[] headers = wide ? PodTable.WideHeaders : PodTable.Headers;
        return Align([headers, row.Cells(wide)]);
    }

    /// <summary><c>kubectl get pod NAME</c> (or <c>-o wide</c>) run at <paramref name="at"/> after the start.</summary>
    public static IReadOnlyList<string> GetAt(SimulationResult result, string podName, TimeSpan at, bool wide = false)
    {
        var pod = At(result, podName, at);
        var row = PodPrinter.Row(pod, result.Start + at);
        string[] headers = wide ? PodTable.WideHeaders : PodTable.Headers;
        return Align([headers, row.Cells(wide)]);
    }

    /// <summary>The pod as the API held it at <paramref name="at"/> after the start (the last snapshot not later).</summary>
    public static Pod At(SimulationResult result, string podName, TimeSpan at) =>
        result.For(podName).LastOrDefault(s => s.Time <= result.Start + at)?.Pod ?? throw new InvalidOperationException("no snapshot of pod " + podName + " by " + at);

    public static Pod Final(SimulationResult result, string podName) =>
        result.For(podName).LastOrDefault()?.Pod ?? throw new InvalidOperationException("no snapshot of pod " + podName);

    /// <summary><c>kubectl describe pod</c>'s Events block at the end of the run, without the Age column.</summary>
    public static IReadOnlyList<string> DescribeEvents(SimulationResult result, string podName, Profile profile)
    {
        string block = SimulationViews.DescribeEvents(result, podName, profile);
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2)
        {
            return lines;
        }

        string header = lines[1];
        int age = header.IndexOf("Age", StringComparison.Ordinal);
        int from = header.IndexOf("From", StringComparison.Ordinal);
        var output = new List<string>();
        foreach (string line in lines[1..])
        {
            // The block's two-space indent is dropped too: the lines read as the table they are.
            output.Add((line.Length > from ? line[..age] + line[from..] : line).Trim());
        }

        return output;
    }

    /// <summary>
    /// <c>kubectl describe pod NAME</c> at the end of the run, line by line (DESC-001): ages in it are against the end of
    /// the run, which the model's clock makes deterministic. A gap the model cannot render (DESC-003) is an error here:
    /// a golden case must not hold text that is not kubectl's.
    /// </summary>
    public static IReadOnlyList<string> Describe(SimulationResult result, string podName, Profile profile)
    {
        var described = SimulationViews.Describe(result, podName, profile) ?? throw new InvalidOperationException("no pod " + podName + " at the end of the run");
        if (described.NotRendered.Count > 0)
        {
            throw new InvalidOperationException("describe pod " + podName + ": not rendered: " + string.Join("; ", described.NotRendered));
        }

        return GoldenComparer.SplitLines(described.Text);
    }

    /// <summary>
    /// A <c>-o jsonpath</c> expression of the simple forms the tutorial uses: <c>{.a.b[0].c}</c> (scalars print
    /// bare, objects as compact JSON) and <c>{range .a[*]}{.x}{"\t"}{.y}{"\n"}{end}</c>.
    /// </summary>
    public static string JsonPath(Pod pod, string expression)
    {
        var tree = PodManifestWriter.ToTree(pod);
        const string range = "{range ";
        if (expression.StartsWith(range, StringComparison.Ordinal))
        {
            int close = expression.IndexOf('}', StringComparison.Ordinal);
            string listPath = expression[range.Length..close].Replace("[*]", "", StringComparison.Ordinal);
            var fields = new List<string>();
            foreach (var part in expression[(close + 1)..].Split('}', StringSplitOptions.RemoveEmptyEntries))
            {
                string p = part.TrimStart('{');
                if (p.StartsWith('.'))
                {
                    fields.Add(p);
                }
            }

            var sb = new StringBuilder();
            if (Select(tree, listPath) is ManifestSequence seq)
            {
                foreach (var item in seq.Items)
                {
                    sb.Append(string.Join("\t", fields.Select(f => Print(Select(item, f))))).Append('\n');
                }
            }

            return sb.ToString();
        }

        return Print(Select(tree, expression.Trim('{', '}')));
    }

    private static ManifestNode? Select(ManifestNode? node, string path)
    {
        foreach (string raw in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string segment = raw;
            int? index = null;
            int bracket = raw.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                segment = raw[..bracket];
                index = int.Parse(raw[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            node = (node as ManifestMapping)?.Get(segment);
            if (index is { } i)
            {
                node = node is ManifestSequence s && i < s.Items.Length ? s.Items[i] : null;
            }
        }

        return node;
    }

    private static string Print(ManifestNode? node) => node switch
    {
        null => "",
        ManifestScalar s => s.Value,
        _ => Json(node),
    };

    /// <summary>Compact JSON with keys sorted, as kubectl's jsonpath prints maps (encoding/json sorts map keys).</summary>
    private static string Json(ManifestNode node) => node switch
    {
        ManifestScalar { Kind: ScalarKind.String } s => System.Text.Json.JsonSerializer.Serialize(s.Value),
        ManifestScalar s => s.Value,
        ManifestSequence seq => "[" + string.Join(",", seq.Items.Select(Json)) + "]",
        ManifestMapping map => "{" + string.Join(",", map.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal)
            .Select(e => System.Text.Json.JsonSerializer.Serialize(e.Key.Value) + ":" + Json(e.Value))) + "}",
        _ => "",
    };

    /// <summary>
    /// The waits the kubelet's back-off imposed: from each <c>CrashLoopBackOff</c> line (the sync that saw the
    /// exit and started the back-off) to the next <c>Running</c> line.
    /// </summary>
    public static IReadOnlyList<TimeSpan> BackoffWaits(SimulationResult result, string podName)
    {
        // The kubelet's delay runs from the exit (lastState.terminated.finishedAt) to the next start (BACKOFF-004),
        // counted for restarts that went through CrashLoopBackOff (the first restart is immediate).
        var waits = new List<TimeSpan>();
        bool inBackoff = false;
        foreach (var s in result.For(podName))
        {
            string status = PodPrinter.Row(s.Pod, s.Time).Status;
            if (status == "CrashLoopBackOff")
            {
                inBackoff = true;
            }
            else if (status == "Running" && inBackoff
                && s.Pod.Status?.ContainerStatuses.FirstOrDefault() is { State.Running.StartedAt: { } started, LastState.Terminated.FinishedAt: { } finished })
            {
                waits.Add(started - finished);
                inBackoff = false;
            }
        }

        return waits;
    }

    private static List<string> Align(List<string[]> rows)
    {
        int columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var r in rows)
        {
            for (int i = 0; i < r.Length; i++)
            {
                widths[i] = Math.Max(widths[i], r[i].Length);
            }
        }

        return rows.Select(r => string.Join("   ", r.Select((cell, i) => i == r.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()).ToList();
    }
}
