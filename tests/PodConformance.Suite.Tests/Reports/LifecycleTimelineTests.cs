using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// Issue 13 item 4: the lifecycle timeline shows states that lasted no time, and never paints over a label. Checked on
/// the SVG's own geometry, and (where Chromium is installed) on the boxes Chromium lays the text out in.
/// </summary>
public class LifecycleTimelineTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string LongName = "a-container-name-of-sixty-three-characters-which-is-the-maximum";

    private static ContainerSample C(string name, string state, string reason = "", int restarts = 0, int? exit = null, bool ready = false) =>
        new() { Name = name, State = state, Reason = reason, RestartCount = restarts, ExitCode = exit, Ready = ready };

    private static StatusSample S(double seconds, string status, params ContainerSample[] containers) =>
        new() { Offset = TimeSpan.FromSeconds(seconds), Status = status, Ready = "0/2", Restarts = "0", Containers = [.. containers] };

    /// <summary>
    /// A hard case: several states at the same instant (ran, was OOM-killed, waits), upper-case reasons in narrow bands,
    /// a 63-character container name, and a kubectl STATUS that changes twice in no time.
    /// </summary>
    internal static (LifecycleObservation Model, LifecycleObservation Adapter) Crowded()
    {
        var model = new LifecycleObservation
        {
            Samples =
            [
                S(0, "Pending", C(LongName, "waiting", "ContainerCreating"), C("c1", "waiting", "ContainerCreating")),
                S(1, "Running", C(LongName, "running", ready: true), C("c1", "running")),
                S(1, "OOMKilled", C(LongName, "terminated", "OOMKilled", exit: 137), C("c1", "running")),
                S(1, "CreateContainerConfigError", C(LongName, "waiting", "CreateContainerConfigError", 1), C("c1", "terminated", "Error", exit: 1)),
                S(1.3, "ImagePullBackOff", C(LongName, "waiting", "ImagePullBackOff", 1), C("c1", "waiting", "CrashLoopBackOff", 1)),
                S(1.8, "Running", C(LongName, "running", "", 1, ready: true), C("c1", "waiting", "CrashLoopBackOff", 1)),
                S(2.2, "Error", C(LongName, "terminated", "Error", 1, exit: 2), C("c1", "running", "", 1)),
                S(30, "CrashLoopBackOff", C(LongName, "waiting", "CrashLoopBackOff", 2), C("c1", "running", "", 1, ready: true)),
            ],
        };
        var adapter = new LifecycleObservation
        {
            Samples =
            [
                S(0, "Pending", C(LongName, "waiting", "ContainerCreating"), C("c1", "waiting", "ContainerCreating")),
                S(1, "Running", C(LongName, "running", ready: true), C("c1", "running")),
                S(1, "Error", C(LongName, "terminated", "Error", exit: 137), C("c1", "running")),
                S(30, "CrashLoopBackOff", C(LongName, "waiting", "CrashLoopBackOff", 1), C("c1", "running", "", 0, ready: true)),
            ],
        };
        return (model, adapter);
    }

    private static XDocument Render(LifecycleObservation model, LifecycleObservation adapter) =>
        XDocument.Parse(LifecycleTimeline.Render(model, adapter, "crowded"));

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void A_state_that_lasted_no_time_is_drawn_with_its_label_and_exact_time()
    {
        var (model, adapter) = Crowded();
        var doc = Render(model, adapter);
        var instants = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "instant").ToList();
        var titles = instants.Select(g => g.Element(Svg + "title")!.Value).ToList();

        // The container ran and was OOM-killed at +1s, both in no time: each has its own marker, side by side.
        Assert.Contains(LongName + " (model): running, ready, restarts 0, at +1s, zero length (the next sample has the same time)", titles);
        Assert.Contains(LongName + " (model): OOMKilled, exit 137, restarts 0, at +1s, zero length (the next sample has the same time)", titles);
        Assert.Contains("kubectl STATUS (model): OOMKilled, READY 0/2, RESTARTS 0, at +1s, zero length (the next sample has the same time)", titles);
        var labels = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "label")
            .ToDictionary(g => g.Element(Svg + "title")!.Value, g => g.Element(Svg + "text")!.Value);
        foreach (var g in instants)
        {
            var rect = g.Element(Svg + "rect")!;
            Assert.True(Attr(rect, "width") >= 8, "a zero-length state is at least 8 px wide");
            string title = g.Element(Svg + "title")!.Value;
            string label = labels[title]; // its label below the lane, with the same title
            Assert.False(string.IsNullOrEmpty(label));
            Assert.Contains(label.TrimEnd('…').Split(" (")[0], title, StringComparison.Ordinal);
        }

        foreach (var lane in doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "lane"))
        {
            var marks = lane.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "instant").Select(g => g.Element(Svg + "rect")!)
                .Select(r => (L: Attr(r, "x"), R: Attr(r, "x") + Attr(r, "width"))).OrderBy(m => m.L).ToList();
            for (int i = 1; i < marks.Count; i++)
            {
                Assert.True(marks[i].L >= marks[i - 1].R - 0.05, "markers of states at the same instant overlap");
            }
        }
    }

    [Fact]
    public void Every_label_fits_its_band_or_sits_below_the_lane_without_overlap()
    {
        var (model, adapter) = Crowded();
        var doc = Render(model, adapter);
        int inside = 0, outside = 0;
        foreach (var lane in doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "lane"))
        {
            var taken = new List<(double L, double R, double Y)>();
            var below = lane.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "label")
                .ToDictionary(g => g.Element(Svg + "title")!.Value, g => g.Element(Svg + "text")!);
            var placed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var g in lane.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") is "band" or "instant"))
            {
                var rect = g.Element(Svg + "rect")!;
                string title = g.Element(Svg + "title")!.Value;
                var label = g.Elements(Svg + "text").SingleOrDefault();
                if (label is not null)
                {
                    inside++;
                    Assert.Equal("in", (string?)label.Attribute("class"));
                    Assert.False(below.ContainsKey(title), $"'{title}' is labelled twice");
                    double x = Attr(label, "x");
                    Assert.True(x >= Attr(rect, "x") && x + SvgTextWidth.Of(label.Value, 11) <= Attr(rect, "x") + Attr(rect, "width"), $"'{label.Value}' leaves its band ({title})");
                }
                else
                {
                    // Every band or marker without a label inside has exactly one below the lane.
                    Assert.True(below.TryGetValue(title, out label), $"'{title}' has no label");
                    Assert.True(placed.Add(title));
                    outside++;
                    Assert.Equal("out", (string?)label.Attribute("class"));
                    double x = Attr(label, "x"), y = Attr(label, "y");
                    double width = SvgTextWidth.Of(label.Value, 10);
                    Assert.True(x >= 220 && x + width <= 1184, $"'{label.Value}' leaves the plot");
                    Assert.DoesNotContain(taken, t => Math.Abs(t.Y - y) < 1 && t.R > x && t.L < x + width);
                    taken.Add((x, x + width, y));
                }

                if (label.Value.EndsWith('…'))
                {
                    // Shortened on screen, whole in the title a hover shows.
                    Assert.StartsWith(label.Value[..^1].Split(" (")[0], title[(title.IndexOf(": ", StringComparison.Ordinal) + 2)..], StringComparison.Ordinal);
                }
            }

            Assert.Equal(below.Count, placed.Count);
        }

        Assert.True(inside >= 6 && outside >= 8, $"inside {inside}, outside {outside}: the crowded case should need both");

        // The 63-character name is shortened to fit the 220 px label column; the whole name is in the lane label's title.
        var laneLabels = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "lane-label").ToList();
        var longLabel = laneLabels.First(g => g.Element(Svg + "title")?.Value == LongName + " · model ≠ differs");
        Assert.EndsWith("… · model ≠ differs", longLabel.Element(Svg + "text")!.Value, StringComparison.Ordinal);
        Assert.True(SvgTextWidth.Of(longLabel.Element(Svg + "text")!.Value, 11) * 1.27 <= 212);
    }

    /// <summary>
    /// The crowded case and the example report's timeline, laid out by Chromium: every label's box (as Chromium measures
    /// the text in the font it picked) stays inside its band, labels below a lane do not overlap, lane labels stay in
    /// their column, every zero-length state is at least 8 px wide. Also writes screenshots at both widths to
    /// <c>PODCONF_TIMELINE_PNG</c> when set, for a person to look at.
    /// </summary>
    [ChromiumFact]
    public void Chromium_lays_out_no_label_outside_its_place()
    {
        var (model, adapter) = Crowded();
        var example = HtmlReportTests.Example().Results.Single(r => r.Property.Id == "P-LIFE-RESTARTS").Counterexample!;
        string svgs = LifecycleTimeline.Render(model, adapter, "crowded") + LifecycleTimeline.Render(example.Expected.Lifecycle, example.Actual.Lifecycle, "example");
        string dir = Path.Combine(Path.GetTempPath(), "podconf-timeline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string page = Path.Combine(dir, "timeline.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">" + svgs + "<pre id=\"out\"></pre><script>" + MeasureScript + "</script></body></html>");
            string dom = RunChromium(dir, "--dump-dom", "file://" + page);
            int start = dom.IndexOf("<pre id=\"out\">", StringComparison.Ordinal);
            Assert.True(start >= 0, "chromium printed no DOM: " + dom);
            string json = System.Net.WebUtility.HtmlDecode(dom[(start + "<pre id=\"out\">".Length)..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]);
            using var result = JsonDocument.Parse(json);
            var problems = result.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.True(result.RootElement.GetProperty("labels").GetInt32() >= 40, "too few labels measured: " + json);
            Assert.True(result.RootElement.GetProperty("instants").GetInt32() >= 6, "too few zero-length markers measured: " + json);
            Assert.True(problems.Count == 0, string.Join("\n", problems));

            if (Environment.GetEnvironmentVariable("PODCONF_TIMELINE_PNG") is { Length: > 0 } shots)
            {
                string plain = Path.Combine(dir, "plain.html");
                File.WriteAllText(plain, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\"><div style=\"overflow-x:auto\">" + svgs + "</div></body></html>");
                foreach (int width in new[] { 1280, 480 })
                {
                    RunChromium(dir, "--window-size=" + width.ToString(CultureInfo.InvariantCulture) + ",900", "--screenshot=" + Path.Combine(shots, "timeline-" + width.ToString(CultureInfo.InvariantCulture) + ".png"), "file://" + plain);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Measures in the page and writes JSON into #out (the report itself has no script; only this test page does).</summary>
    private const string MeasureScript = """
        const problems = []; let labels = 0, instants = 0;
        const box = e => e.getBBox();
        const overlaps = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
        for (const svg of document.querySelectorAll('svg.timeline')) {
          const width = svg.viewBox.baseVal.width;
          for (const lane of svg.querySelectorAll('g.lane')) {
            const name = lane.querySelector('g.lane-label text');
            const nb = box(name); labels++;
            if (nb.x + nb.width > 216) problems.push('lane label "' + name.textContent + '" ends at ' + (nb.x + nb.width) + ', past the label column');
            const marks = [...lane.querySelectorAll('g.instant > rect:first-of-type')].map(box);
            for (const r of marks) { instants++; if (r.width < 8) problems.push('zero-length marker only ' + r.width + ' px wide'); }
            for (const g of lane.querySelectorAll('g.band')) {
              const r = box(g.querySelector('rect'));
              const t = g.querySelector('text.in');
              if (!t) continue;
              labels++;
              const b = box(t);
              if (b.x < r.x - 0.5 || b.x + b.width > r.x + r.width + 0.5) problems.push('"' + t.textContent + '" [' + b.x + ', ' + (b.x + b.width) + '] leaves its band [' + r.x + ', ' + (r.x + r.width) + ']');
              for (const m of marks) if (overlaps(b, m)) problems.push('"' + t.textContent + '" is under a zero-length marker at ' + m.x);
            }
            const outs = [...lane.querySelectorAll('text.out')].map(t => ({ t: t.textContent, b: box(t) }));
            for (let i = 0; i < outs.length; i++) {
              labels++;
              const b = outs[i].b;
              if (b.x < 0 || b.x + b.width > width) problems.push('"' + outs[i].t + '" leaves the picture');
              for (let j = i + 1; j < outs.length; j++) if (overlaps(b, outs[j].b)) problems.push('"' + outs[i].t + '" overlaps "' + outs[j].t + '"');
            }
          }
          // Labels below a lane must not reach the next lane or its restart badges.
          const lanes = [...svg.querySelectorAll('g.lane')];
          for (let i = 0; i + 1 < lanes.length; i++) {
            const next = box(lanes[i + 1].querySelector(':scope > rect'));
            for (const t of lanes[i].querySelectorAll('text.out')) { const b = box(t); if (b.y + b.height > next.y - 13) problems.push('"' + t.textContent + '" reaches into the next lane'); }
          }
        }
        document.getElementById('out').textContent = JSON.stringify({ labels, instants, problems });
        """;

    private static string RunChromium(string dir, params string[] args)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Chromium!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(dir, "profile") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "chromium did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, "chromium failed: " + stderr.GetAwaiter().GetResult());
        return stdout;
    }
}
