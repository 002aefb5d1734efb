using System.Text;
using PodConformance.Model.Printing;
using PodConformance.Model.Time;
using PodConformance.Suite.Observations;
using static PodConformance.Suite.Reports.HtmlText;

namespace PodConformance.Suite.Reports;

/// <summary>
/// The model's and the adapter's lifecycle of one case drawn as an inline SVG on one time axis: per container a
/// model lane above an adapter lane (state bands coloured and labelled, readiness as a stripe, restarts marked), then
/// the kubectl STATUS column over time for both. A lane that differs from its counterpart says so in words, so the
/// picture does not depend on colour alone; every band has a <c>title</c> with the exact state and times. A state that
/// lasted no time (a container that ran and exited between two samples) is still drawn, as a marker with its label
/// below the lane, and no label is painted over: it fits its band (whole or with an ellipsis) or goes below the lane.
/// </summary>
public static class LifecycleTimeline
{
    private const double Width = 1200;
    private const double LabelWidth = 220;
    private const double RightMargin = 16;
    private const double LaneHeight = 24;
    private const double GroupGap = 4;
    private const double AxisHeight = 30;
    private const double PlotWidth = Width - LabelWidth - RightMargin;
    private const double PlotRight = LabelWidth + PlotWidth;
    private const double FontSize = 11;

    /// <summary>Room above a lane for its restart badges.</summary>
    private const double BadgeRoom = 14;

    private const double LaneBottom = 0;
    private const double LegendRow = 20;

    /// <summary>The narrowest a state is drawn: a state that lasted no time (two samples at the same offset) still shows.</summary>
    private const double MinMark = 8;

    /// <summary>Labels that do not fit their band go below the lane, in rows this high, at this size, at most this wide.</summary>
    private const double RowHeight = 13;
    private const double OutsideFontSize = 10;
    private const double MaxOutside = 300;
    private const double LabelGap = 6;
    private const double TextPad = 4;

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

        // Every lane is laid out first (its zero-length states and the labels that do not fit their band need rows
        // below it), so the picture's height is known before anything is drawn.
        var groups = new List<List<LaneLayout>>();
        foreach (string name in names)
        {
            var lanes = sides.Select(s => (s.Label, s.Obs, Bands: ContainerBands(s.Obs, name, end))).ToList();
            bool differs = !Same(lanes[0].Bands, lanes[1].Bands);
            groups.Add(lanes.Select(l => Layout(name, l.Label, differs, l.Obs, l.Bands, name, end)).ToList());
        }

        var status = sides.Select(s => (s.Label, s.Obs, Bands: StatusBands(s.Obs, end))).ToList();
        bool statusDiffers = !Same(status[0].Bands, status[1].Bands);
        groups.Add(status.Select(l => Layout("STATUS", l.Label, statusDiffers, l.Obs, l.Bands, "kubectl STATUS", end)).ToList());

        var legend = LegendItems();
        double legendHeight = (legend.Max(i => i.Row) + 1) * LegendRow + 12;
        double height = legendHeight + groups.Sum(g => g.Sum(l => l.Height) + GroupGap) + AxisHeight;
        double plotTop = legendHeight;
        double plotBottom = height - AxisHeight;
        var w = new StringBuilder();
        w.Append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(Num(Width)).Append("\" height=\"").Append(Num(height))
            .Append("\" viewBox=\"0 0 ").Append(Num(Width)).Append(' ').Append(Num(height)).Append("\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"11\">\n");
        w.Append("<title>").Append(Escape(caption)).Append("</title>\n");
        Legend(w, legend);
        Grid(w, end, plotTop, plotBottom);

        double y = plotTop;
        foreach (var group in groups)
        {
            foreach (var lane in group)
            {
                Lane(w, y + BadgeRoom, lane);
                y += lane.Height;
            }

            y += GroupGap;
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

    /// <summary>A band placed on its lane: the rectangle drawn, and its label inside it or in a row below the lane.</summary>
    private sealed record Placed(Band Band, double X0, double X1, bool Instant, string Title, string Inside, double InsideX, string Outside, double OutsideX, int OutsideRow);

    /// <summary>One lane laid out: its left-hand label (shortened to fit, with the whole in a title) and its bands.</summary>
    private sealed record LaneLayout(string Text, string FullText, bool Differs, string? Note, List<Placed> Items, int Rows)
    {
        public double Height => BadgeRoom + LaneHeight + (Rows * RowHeight) + (Rows > 0 ? 3 : 0) + LaneBottom;
    }

    /// <summary>
    /// Places a lane's bands. A band narrower than <see cref="MinMark"/> (a state that lasted no time between two samples)
    /// is drawn as an outlined marker that wide, markers at the same instant side by side; its label goes below the
    /// lane. A band's label goes inside when it fits whole, or shortened with an ellipsis to at least three characters
    /// (the band's title holds it whole), else below the lane too, in the first row where it overlaps no other label.
    /// </summary>
    private static LaneLayout Layout(string name, string side, bool differs, LifecycleObservation? o, List<Band> bands, string what, double end)
    {
        string tail = " · " + side + (differs ? " ≠ differs" : "");
        string full = name + tail;
        double room = LabelWidth - 12;
        string text = SvgTextWidth.Of(full, FontSize, differs) <= room ? full : SvgTextWidth.Fit(name, room - SvgTextWidth.Of(tail, FontSize, differs), FontSize, differs, minChars: 1) + tail;
        if (o is null || o.Rejected || bands.Count == 0)
        {
            return new LaneLayout(text, full, differs, o is null ? "no lifecycle observation" : o.Rejected ? "rejected at create" : "not present", [], 0);
        }

        var marks = new (double L, double R, bool Instant)[bands.Count];
        double cursor = LabelWidth;
        for (int i = 0; i < bands.Count; i++)
        {
            double x0 = X(bands[i].Start, end);
            double x1 = X(bands[i].End, end);
            if (x1 - x0 >= MinMark)
            {
                marks[i] = (x0, x1, false);
                continue;
            }

            double left = Math.Min(Math.Max(Math.Max(LabelWidth, ((x0 + x1) / 2) - (MinMark / 2)), cursor), PlotRight - MinMark);
            marks[i] = (left, left + MinMark, true);
            cursor = left + MinMark;
        }

        var rows = new List<List<(double L, double R)>>();
        var items = new List<Placed>(bands.Count);
        for (int i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var (x0, x1, instant) = marks[i];
            string label = Printable.Shorten(b.Label, 120) + (b.Detail.Length != 0 && what != "kubectl STATUS" ? " (" + b.Detail + ")" : "");
            string when = b.End - b.Start < 1e-9 ? ", at +" + Seconds(b.Start) + ", zero length (the next sample has the same time)" : ", from +" + Seconds(b.Start) + " to +" + Seconds(b.End);
            string title = what + " (" + side + "): " + Printable.Shorten(b.Label, 120) + (b.Detail.Length != 0 ? ", " + b.Detail : "") + (b.Ready ? ", ready" : "") + (what == "kubectl STATUS" ? "" : ", restarts " + Int(b.Restarts)) + when;

            string inside = "";
            double insideX = 0;
            if (!instant)
            {
                // The room the markers of neighbouring zero-length states leave free.
                double free0 = x0, free1 = x1;
                for (int j = 0; j < marks.Length; j++)
                {
                    if (marks[j].Instant && marks[j].R > free0 && marks[j].L < free1)
                    {
                        if (marks[j].L + marks[j].R <= x0 + x1)
                        {
                            free0 = Math.Max(free0, marks[j].R);
                        }
                        else
                        {
                            free1 = Math.Min(free1, marks[j].L);
                        }
                    }
                }

                inside = SvgTextWidth.Fit(label, free1 - free0 - (2 * TextPad), FontSize);
                insideX = free0 + TextPad;
            }

            string outside = "";
            double outsideX = 0;
            int row = -1;
            if (inside.Length == 0)
            {
                outside = SvgTextWidth.Fit(label, MaxOutside, OutsideFontSize);
                double width = SvgTextWidth.Of(outside, OutsideFontSize);
                outsideX = Math.Clamp(((x0 + x1) / 2) - (width / 2), LabelWidth, Math.Max(LabelWidth, PlotRight - width));
                (double l, double r) span = (outsideX - LabelGap, outsideX + width + LabelGap);
                row = rows.FindIndex(taken => taken.TrueForAll(t => t.R <= span.l || t.L >= span.r));
                if (row < 0)
                {
                    rows.Add([]);
                    row = rows.Count - 1;
                }

                rows[row].Add(span);
            }

            items.Add(new Placed(b, x0, x1, instant, title, inside, insideX, outside, outsideX, row));
        }

        return new LaneLayout(text, full, differs, null, items, rows.Count);
    }

    private static void Lane(StringBuilder w, double y, LaneLayout lane)
    {
        w.Append("<g class=\"lane\">");
        w.Append("<g class=\"lane-label\">");
        if (lane.Text != lane.FullText)
        {
            w.Append("<title>").Append(Escape(lane.FullText)).Append("</title>");
        }

        w.Append("<text x=\"8\" y=\"").Append(Num(y + 16)).Append("\" font-weight=\"").Append(lane.Differs ? "bold" : "normal").Append("\" fill=\"").Append(lane.Differs ? "#a4161a" : "#1f2933").Append("\">")
            .Append(Escape(lane.Text)).Append("</text></g>");
        w.Append("<rect x=\"").Append(Num(LabelWidth)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(PlotWidth)).Append("\" height=\"").Append(Num(LaneHeight))
            .Append("\" fill=\"#f7f8fa\" stroke=\"#d5dae1\"/>");
        if (lane.Note is { } note)
        {
            w.Append("<text x=\"").Append(Num(LabelWidth + 8)).Append("\" y=\"").Append(Num(y + 16)).Append("\" fill=\"#4a5563\" font-style=\"italic\">").Append(Escape(note)).Append("</text></g>\n");
            return;
        }

        // Bands first, then the zero-length markers over their edges, then restart badges over everything.
        foreach (var p in lane.Items.Where(p => !p.Instant))
        {
            var (fill, ink) = Colors(p.Band.Kind);
            w.Append("\n<g class=\"band\"><title>").Append(Escape(p.Title)).Append("</title>");
            w.Append("<rect x=\"").Append(Num(p.X0)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(p.X1 - p.X0)).Append("\" height=\"").Append(Num(LaneHeight))
                .Append("\" fill=\"").Append(fill).Append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
            if (p.Band.Ready)
            {
                w.Append("<rect x=\"").Append(Num(p.X0)).Append("\" y=\"").Append(Num(y + LaneHeight - 4)).Append("\" width=\"").Append(Num(p.X1 - p.X0)).Append("\" height=\"4\" fill=\"#1d4ed8\"/>");
            }

            if (p.Inside.Length != 0)
            {
                w.Append("<text class=\"in\" x=\"").Append(Num(p.InsideX)).Append("\" y=\"").Append(Num(y + 15)).Append("\" fill=\"").Append(ink).Append("\">").Append(Escape(p.Inside)).Append("</text>");
            }

            Leader(w, y, p);
            w.Append("</g>");
        }

        foreach (var p in lane.Items.Where(p => p.Instant))
        {
            var (fill, _) = Colors(p.Band.Kind);
            w.Append("\n<g class=\"instant\"><title>").Append(Escape(p.Title)).Append("</title>");
            w.Append("<rect x=\"").Append(Num(p.X0)).Append("\" y=\"").Append(Num(y - 2)).Append("\" width=\"").Append(Num(MinMark)).Append("\" height=\"").Append(Num(LaneHeight + 4))
                .Append("\" rx=\"1.5\" fill=\"").Append(fill).Append("\" stroke=\"#111827\" stroke-width=\"1.5\"/>");
            if (p.Band.Ready)
            {
                w.Append("<rect x=\"").Append(Num(p.X0 + 1)).Append("\" y=\"").Append(Num(y + LaneHeight - 4)).Append("\" width=\"").Append(Num(MinMark - 2)).Append("\" height=\"4\" fill=\"#1d4ed8\"/>");
            }

            Leader(w, y, p);
            w.Append("</g>");
        }

        // Labels below the lane last, over every leader line, each with a white halo so a line passing behind it
        // does not cross its letters.
        foreach (var p in lane.Items.Where(p => p.Outside.Length != 0))
        {
            double rowTop = y + LaneHeight + 3 + (p.OutsideRow * RowHeight);
            w.Append("\n<g class=\"label\"><title>").Append(Escape(p.Title)).Append("</title>");
            w.Append("<text class=\"out\" x=\"").Append(Num(p.OutsideX)).Append("\" y=\"").Append(Num(rowTop + RowHeight - 3)).Append("\" font-size=\"").Append(Num(OutsideFontSize))
                .Append("\" fill=\"#1f2933\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">").Append(Escape(p.Outside)).Append("</text></g>");
        }

        int previousRestarts = lane.Items[0].Band.Restarts;
        foreach (var p in lane.Items)
        {
            if (p.Band.Restarts > previousRestarts)
            {
                Restart(w, p.Instant ? (p.X0 + p.X1) / 2 : p.X0, y, p.Band.Restarts);
            }

            previousRestarts = p.Band.Restarts;
        }

        w.Append("</g>\n");
    }

    /// <summary>A thin line from a band or marker down to its label below the lane.</summary>
    private static void Leader(StringBuilder w, double y, Placed p)
    {
        if (p.Outside.Length == 0)
        {
            return;
        }

        double cx = Math.Clamp((p.X0 + p.X1) / 2, LabelWidth, PlotRight);
        double rowTop = y + LaneHeight + 3 + (p.OutsideRow * RowHeight);
        w.Append("<line x1=\"").Append(Num(cx)).Append("\" y1=\"").Append(Num(y + LaneHeight + (p.Instant ? 2 : 0))).Append("\" x2=\"").Append(Num(cx)).Append("\" y2=\"").Append(Num(rowTop + 4))
            .Append("\" stroke=\"#7b8794\" stroke-width=\"1\"/>");
    }

    private static void Restart(StringBuilder w, double x, double y, int count)
    {
        w.Append("<g class=\"restart\"><title>restart ").Append(Int(count)).Append("</title>");
        w.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(y - 3)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(y + LaneHeight + 3))
            .Append("\" stroke=\"#111827\" stroke-width=\"2.5\"/>");
        w.Append("<rect x=\"").Append(Num(x - 13)).Append("\" y=\"").Append(Num(y - 13)).Append("\" width=\"26\" height=\"12\" rx=\"3\" fill=\"#111827\"/>");
        w.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y - 3)).Append("\" fill=\"#ffffff\" font-size=\"10\" text-anchor=\"middle\">↻").Append(Int(count)).Append("</text></g>");
    }

    private static string Seconds(double seconds) => GoDuration.Format(TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)));

    /// <summary>One legend entry and where it goes (entries wrap to a new row at the picture's right edge).</summary>
    private sealed record LegendItem(string Kind, string Text, double X, int Row);

    private static List<LegendItem> LegendItems()
    {
        var entries = new[]
        {
            ("waiting", "waiting"), ("running", "running"), ("completed", "terminated, exit 0"), ("failed", "terminated, failed / error status"), ("none", "no state"),
            ("ready", "ready"), ("restart", "restart (count)"), ("instant", "no time between samples (label below)"),
        };
        var items = new List<LegendItem>();
        double x = LabelWidth;
        int row = 0;
        foreach (var (kind, text) in entries)
        {
            double width = LegendSymbol(kind) + 5 + SvgTextWidth.Of(text, FontSize);
            if (x + width > Width - RightMargin)
            {
                row++;
                x = LabelWidth;
            }

            items.Add(new LegendItem(kind, text, x, row));
            x += width + 16;
        }

        return items;
    }

    private static double LegendSymbol(string kind) => kind switch { "ready" => 18, "restart" => 26, "instant" => MinMark, _ => 14 };

    private static void Legend(StringBuilder w, List<LegendItem> items)
    {
        foreach (var item in items)
        {
            double x = item.X;
            double top = 8 + (item.Row * LegendRow);
            switch (item.Kind)
            {
                case "ready":
                    w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(top + 9)).Append("\" width=\"18\" height=\"4\" fill=\"#1d4ed8\"/>");
                    break;
                case "restart":
                    w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(top - 1)).Append("\" width=\"26\" height=\"12\" rx=\"3\" fill=\"#111827\"/>");
                    w.Append("<text x=\"").Append(Num(x + 13)).Append("\" y=\"").Append(Num(top + 9)).Append("\" fill=\"#ffffff\" font-size=\"10\" text-anchor=\"middle\">↻1</text>");
                    break;
                case "instant":
                    w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(top - 2)).Append("\" width=\"").Append(Num(MinMark)).Append("\" height=\"18\" rx=\"1.5\" fill=\"#4e9f5b\" stroke=\"#111827\" stroke-width=\"1.5\"/>");
                    break;
                default:
                    w.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(top)).Append("\" width=\"14\" height=\"14\" fill=\"").Append(Colors(item.Kind).Fill).Append("\" stroke=\"#9aa5b1\"/>");
                    break;
            }

            w.Append("<text x=\"").Append(Num(x + LegendSymbol(item.Kind) + 5)).Append("\" y=\"").Append(Num(top + 11)).Append("\" fill=\"#1f2933\">").Append(Escape(item.Text)).Append("</text>");
        }

        w.Append('\n');
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
