using System.Text;
using PodConformance.Model.Time;
using PodConformance.Suite.Observations;
using static PodConformance.Suite.Reports.HtmlText;

namespace PodConformance.Suite.Reports;

/// <summary>
/// The model's and the adapter's lifecycle of one case drawn as an inline SVG on one time axis: per container a
/// model lane above an adapter lane (state bands coloured and labelled, readiness as a stripe, restarts marked), then
/// the kubectl STATUS column over time for both. A lane that differs from its counterpart says so in words, so the
/// picture does not depend on colour alone; every band has a <c>title</c> with the exact state and times.
/// </summary>
public static class LifecycleTimeline
{
    private const double Width = 1200;
    private const double LabelWidth = 220;
    private const double RightMargin = 16;
    private const double LaneHeight = 24;
    private const double LaneGap = 24;
    private const double GroupGap = 4;
    private const double LegendHeight = 40;
    private const double AxisHeight = 30;
    private const double CharWidth = 6.4;
    private const double PlotWidth = Width - LabelWidth - RightMargin;

    /// <summary>The SVG element, or an empty string when neither side observed a lifecycle.</summary>
    public static string Render(LifecycleObservation? model, LifecycleObservation? adapter, string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        if (model is null && adapter is null)
        {
            return "";
        }

        var names = ContainerNames(model).Concat(ContainerNames(adapter)).Distinct(StringComparer.Ordinal).ToList();
        double end = EndSeconds(model, adapter);
        var sides = new (string Label, LifecycleObservation? Obs)[] { ("model", model), ("adapter", adapter) };

        double height = LegendHeight + (names.Count + 1) * (2 * LaneHeight + LaneGap + GroupGap) + AxisHeight;
        double plotTop = LegendHeight;
        double plotBottom = height - AxisHeight;
        var w = new StringBuilder();
        w.Append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(Num(Width)).Append("\" height=\"").Append(Num(height))
            .Append("\" viewBox=\"0 0 ").Append(Num(Width)).Append(' ').Append(Num(height)).Append("\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"11\">\n");
        w.Append("<title>").Append(Escape(caption)).Append("</title>\n");
        Legend(w);
        Grid(w, end, plotTop, plotBottom);

        double y = plotTop;
        foreach (string name in names)
        {
            var lanes = sides.Select(s => (s.Label, s.Obs, Bands: ContainerBands(s.Obs, name, end))).ToList();
            bool differs = !Same(lanes[0].Bands, lanes[1].Bands);
            foreach (var (label, obs, bands) in lanes)
            {
                Lane(w, y, end, name + " · " + label, differs, obs, bands, name);
                y += LaneHeight + LaneGap / 2;
            }

            y += GroupGap;
        }

        var status = sides.Select(s => (s.Label, s.Obs, Bands: StatusBands(s.Obs, end))).ToList();
        bool statusDiffers = !Same(status[0].Bands, status[1].Bands);
        foreach (var (label, obs, bands) in status)
        {
            Lane(w, y, end, "STATUS · " + label, statusDiffers, obs, bands, "kubectl STATUS");
            y += LaneHeight + LaneGap / 2;
        }

        Axis(w, end, plotBottom);
        w.Append("</svg>\n");
        return w.ToString();
    }

    /// <summary>One stretch of time with the same state (or STATUS cell).</summary>
    private sealed record Band(double Start, double End, string Kind, string Label, string Detail, bool Ready, int Restarts)
    {
        public string Key => Kind + "|" + Label + "|" + Detail + "|" + (Ready ? "ready" : "") + "|" + Int(Restarts);
    }

    private static IEnumerable<string> ContainerNames(LifecycleObservation? o) =>
        o is null ? [] : o.Samples.SelectMany(s => s.Containers).Select(c => c.Name);

    /// <summary>A little past the last sample of either side, so the final state has width.</summary>
    private static double EndSeconds(LifecycleObservation? model, LifecycleObservation? adapter)
    {
        double last = new[] { model, adapter }.Where(o => o is { Samples.IsEmpty: false }).Select(o => o!.Samples[^1].Offset.TotalSeconds).DefaultIfEmpty(0).Max();
        return Math.Max(last * 1.08, last + 1);
    }

    private static double X(double seconds, double end) => LabelWidth + (seconds / end * PlotWidth);

    private static List<Band> ContainerBands(LifecycleObservation? o, string name, double end)
    {
        var bands = new List<Band>();
        if (o is null || o.Rejected)
        {
            return bands;
        }

        for (int i = 0; i < o.Samples.Count; i++)
        {
            var s = o.Samples[i];
            double start = s.Offset.TotalSeconds;
            double stop = i + 1 < o.Samples.Count ? o.Samples[i + 1].Offset.TotalSeconds : end;
            var c = s.Containers.FirstOrDefault(c => c.Name == name);
            if (c is null)
            {
                continue;
            }

            string kind = c.State switch
            {
                "waiting" => "waiting",
                "running" => "running",
                "terminated" => c.ExitCode is 0 || c.Reason == "Completed" ? "completed" : "failed",
                _ => "none",
            };
            string label = c.Reason.Length != 0 ? c.Reason : c.State.Length != 0 ? c.State : "no state";
            string detail = c.ExitCode is { } exit ? "exit " + Int(exit) : "";
            Add(bands, new Band(start, stop, kind, label, detail, c.Ready, c.RestartCount));
        }

        return bands;
    }

    private static List<Band> StatusBands(LifecycleObservation? o, double end)
    {
        var bands = new List<Band>();
        if (o is null || o.Rejected)
        {
            return bands;
        }

        for (int i = 0; i < o.Samples.Count; i++)
        {
            var s = o.Samples[i];
            double stop = i + 1 < o.Samples.Count ? o.Samples[i + 1].Offset.TotalSeconds : end;
            string detail = "READY " + s.Ready + ", RESTARTS " + s.Restarts + (s.Deleted ? ", deleted" : "");
            Add(bands, new Band(s.Offset.TotalSeconds, stop, StatusKind(s.Status), s.Status.Length == 0 ? "<none>" : s.Status, detail, false, 0));
        }

        return bands;
    }

    /// <summary>Joins a band onto the previous one when nothing but the time changed.</summary>
    private static void Add(List<Band> bands, Band band)
    {
        if (bands.Count > 0 && bands[^1].Key == band.Key && bands[^1].End >= band.Start)
        {
            bands[^1] = bands[^1] with { End = band.End };
        }
        else
        {
            bands.Add(band);
        }
    }

    private static bool Same(List<Band> a, List<Band> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && Math.Abs(p.First.Start - p.Second.Start) < 1e-6);

    private static string StatusKind(string status) => status switch
    {
        "Running" => "running",
        "Completed" or "Succeeded" => "completed",
        "Pending" or "ContainerCreating" or "PodInitializing" or "Terminating" => "waiting",
        _ when status.StartsWith("Init:", StringComparison.Ordinal) && !status.Contains("Error", StringComparison.Ordinal) && !status.Contains("BackOff", StringComparison.Ordinal) => "waiting",
        "" => "none",
        _ => "failed",
    };

    private static (string Fill, string Ink) Colors(string kind) => kind switch
    {
        "waiting" => ("#f2c14e", "#3b2f00"),
        "running" => ("#4e9f5b", "#ffffff"),
        "completed" => ("#8a9bb0", "#ffffff"),
        "failed" => ("#c9453f", "#ffffff"),
        _ => ("#eceff3", "#4a5563"),
    };

    private static void Lane(StringBuilder w, double y, double end, string label, bool differs, LifecycleObservation? o, List<Band> bands, string what)
    {
        w.Append("<g class=\"lane\">");
        w.Append("<text x=\"8\" y=\"").Append(Num(y + 16)).Append("\" font-weight=\"").Append(differs ? "bold" : "normal").Append("\" fill=\"").Append(differs ? "#a4161a" : "#1f2933").Append("\">")
            .Append(Escape(label)).Append(differs ? " ≠ differs" : "").Append("</text>");
        w.Append("<rect x=\"").Append(Num(LabelWidth)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(PlotWidth)).Append("\" height=\"").Append(Num(LaneHeight))
            .Append("\" fill=\"#f7f8fa\" stroke=\"#d5dae1\"/>");
        if (o is null || o.Rejected || bands.Count == 0)
        {
            string note = o is null ? "no lifecycle observation" : o.Rejected ? "rejected at create" : "not present";
            w.Append("<text x=\"").Append(Num(LabelWidth + 8)).Append("\" y=\"").Append(Num(y + 16)).Append("\" fill=\"#4a5563\" font-style=\"italic\">").Append(Escape(note)).Append("</text></g>\n");
            return;
        }

        int previousRestarts = bands[0].Restarts;
        foreach (var b in bands)
        {
            double x0 = X(b.Start, end);
            double x1 = X(b.End, end);
            var (fill, ink) = Colors(b.Kind);
            string title = what + " (" + label[(label.LastIndexOf(' ') + 1)..] + "): " + b.Label + (b.Detail.Length != 0 ? ", " + b.Detail : "") + (b.Ready ? ", ready" : "")
                + (what == "kubectl STATUS" ? "" : ", restarts " + Int(b.Restarts)) + ", from +" + Seconds(b.Start) + " to +" + Seconds(b.End);
            w.Append("\n<g><title>").Append(Escape(title)).Append("</title>");
            w.Append("<rect x=\"").Append(Num(x0)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(Math.Max(1, x1 - x0))).Append("\" height=\"").Append(Num(LaneHeight))
                .Append("\" fill=\"").Append(fill).Append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
            if (b.Ready)
            {
                w.Append("<rect x=\"").Append(Num(x0)).Append("\" y=\"").Append(Num(y + LaneHeight - 4)).Append("\" width=\"").Append(Num(Math.Max(1, x1 - x0))).Append("\" height=\"4\" fill=\"#1d4ed8\"/>");
            }

            string text = Fit(b.Label + (b.Detail.Length != 0 && what != "kubectl STATUS" ? " (" + b.Detail + ")" : ""), x1 - x0 - 8);
            if (text.Length != 0)
            {
                w.Append("<text x=\"").Append(Num(x0 + 4)).Append("\" y=\"").Append(Num(y + 15)).Append("\" fill=\"").Append(ink).Append("\">").Append(Escape(text)).Append("</text>");
            }

            w.Append("</g>");
            if (b.Restarts > previousRestarts)
            {
                Restart(w, x0, y, b.Restarts);
            }

            previousRestarts = b.Restarts;
        }

        w.Append("</g>\n");
    }

    private static void Restart(StringBuilder w, double x, double y, int count)
    {
        w.Append("<g><title>restart ").Append(Int(count)).Append("</title>");
        w.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(y - 3)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(y + LaneHeight + 3))
            .Append("\" stroke=\"#111827\" stroke-width=\"2.5\"/>");
        w.Append("<rect x=\"").Append(Num(x - 13)).Append("\" y=\"").Append(Num(y - 13)).Append("\" width=\"26\" height=\"12\" rx=\"3\" fill=\"#111827\"/>");
        w.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y - 3)).Append("\" fill=\"#ffffff\" font-size=\"10\" text-anchor=\"middle\">↻").Append(Int(count)).Append("</text></g>");
    }

    private static string Fit(string text, double room)
    {
        int chars = (int)Math.Floor(room / CharWidth);
        if (chars >= text.Length)
        {
            return text;
        }

        return chars >= 4 ? text[..(chars - 1)] + "…" : "";
    }

    private static string Seconds(double seconds) => GoDuration.Format(TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)));

    private static void Legend(StringBuilder w)
    {
        double x = LabelWidth;
        foreach (var (kind, label) in new[] { ("waiting", "waiting"), ("running", "running"), ("completed", "terminated, exit 0"), ("failed", "terminated, failed / error status"), ("none", "no state") })
        {
            var (fill, _) = Colors(kind);
            w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"8\" width=\"14\" height=\"14\" fill=\"").Append(fill).Append("\" stroke=\"#9aa5b1\"/>");
            w.Append("<text x=\"").Append(Num(x + 19)).Append("\" y=\"19\" fill=\"#1f2933\">").Append(Escape(label)).Append("</text>");
            x += 28 + (label.Length * CharWidth);
        }

        w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"17\" width=\"18\" height=\"4\" fill=\"#1d4ed8\"/>");
        w.Append("<text x=\"").Append(Num(x + 23)).Append("\" y=\"19\" fill=\"#1f2933\">ready</text>");
        x += 70;
        w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"7\" width=\"26\" height=\"12\" rx=\"3\" fill=\"#111827\"/>");
        w.Append("<text x=\"").Append(Num(x + 13)).Append("\" y=\"17\" fill=\"#ffffff\" font-size=\"10\" text-anchor=\"middle\">↻1</text>");
        w.Append("<text x=\"").Append(Num(x + 32)).Append("\" y=\"19\" fill=\"#1f2933\">restart (count)</text>\n");
    }

    /// <summary>Seconds between ticks: the smallest of a 1-2-5 style ladder that gives at most 10 ticks.</summary>
    private static double TickStep(double end)
    {
        double[] steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];
        return steps.FirstOrDefault(s => end / s <= 10, 86400 * Math.Ceiling(end / 86400 / 10));
    }

    private static void Grid(StringBuilder w, double end, double top, double bottom)
    {
        double step = TickStep(end);
        for (int i = 0; i * step <= end; i++)
        {
            double x = X(i * step, end);
            w.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(top)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(bottom)).Append("\" stroke=\"#e4e7eb\"/>");
        }

        w.Append('\n');
    }

    private static void Axis(StringBuilder w, double end, double y)
    {
        w.Append("<g class=\"axis\"><title>time since the pod was created</title>");
        w.Append("<line x1=\"").Append(Num(LabelWidth)).Append("\" y1=\"").Append(Num(y)).Append("\" x2=\"").Append(Num(LabelWidth + PlotWidth)).Append("\" y2=\"").Append(Num(y)).Append("\" stroke=\"#52606d\"/>");
        w.Append("<text x=\"8\" y=\"").Append(Num(y + 16)).Append("\" fill=\"#52606d\">time since create</text>");
        double step = TickStep(end);
        for (int i = 0; i * step <= end; i++)
        {
            double x = X(i * step, end);
            w.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(y)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(y + 5)).Append("\" stroke=\"#52606d\"/>");
            string anchor = x > LabelWidth + PlotWidth - 24 ? "end" : "middle";
            w.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y + 17)).Append("\" fill=\"#52606d\" text-anchor=\"").Append(anchor).Append("\">+").Append(Escape(Seconds(i * step))).Append("</text>");
        }

        w.Append("</g>\n");
    }
}
