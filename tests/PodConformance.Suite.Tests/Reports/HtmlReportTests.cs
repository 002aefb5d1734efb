using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Reports;

public class HtmlReportTests
{
    /// <summary>Quantity, QoS and lifecycle failures (a dropped restart), plus a pass and a skip.</summary>
    internal static RunReport Example() =>
        SuiteRun.Execute(BrokenAdapter.Several, new RunOptions { Rules = "P-QTY-PRINT,P-QOS-CLASS,P-QTY-VALUE,P-LIFE-RESTARTS,P-ENV-RESOLVE", Count = 40 });

    /// <summary>A quantity failure whose input, detail and adapter error are all markup, as a hostile adapter could send.</summary>
    private static RunReport Hostile()
    {
        var property = Catalog.Create(TimeSpan.Zero).Single(p => p.Id == "P-QTY-PARSE");
        var input = new QuantityCase("<script>alert('x')</script>");
        var expected = new Observation { Quantity = new QuantityObservation(false, "", "", "", 0, 0, "quantities must match the regular expression") };
        var actual = Observation.Failed("adapter crashed: </pre><script>alert(\"pwned\")</script> & more");
        var failure = new PropertyResult(property, Outcome.Failed, 1, "<img src=x onerror=alert(1)>",
            new Counterexample(0, input, input, 0, expected, actual, "detail <b>bold</b>"), TimeSpan.Zero);
        return new RunReport("process:./adapter --flag=\"<x>\"", Model.Profiles.Profile.Default, new RunOptions(), [failure]);
    }

    [Fact]
    public void Html_escapes_case_yaml_reasons_and_adapter_errors()
    {
        string html = HtmlReport.Render(Hostile());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("quantity: &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/pre&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("process:./adapter --flag=&quot;&lt;x&gt;&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_byte_identical_for_the_same_seed_and_under_de_DE()
    {
        string first = HtmlReport.Render(Example());
        var old = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(first, HtmlReport.Render(Example()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = old;
        }

        // SVG coordinates are invariant: no decimal comma anywhere in an attribute.
        Assert.DoesNotMatch(new Regex("=\"[0-9]+,[0-9]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)), first);
    }

    [Fact]
    public void Html_draws_a_timeline_for_lifecycle_failures_only()
    {
        var run = Example();
        string html = HtmlReport.Render(run);
        var svgs = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)).Select(m => m.Value).ToList();
        string svg = Assert.Single(svgs);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Contains("P-LIFE-RESTARTS", doc.Root!.Element(ns + "title")!.Value, StringComparison.Ordinal);
        var texts = doc.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.EndsWith("· model", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith("· adapter ≠ differs", StringComparison.Ordinal));
        Assert.Contains("STATUS · model", texts);
        Assert.Contains(texts, t => t.StartsWith('↻'));
        Assert.Contains("+0s", texts);
        Assert.Contains(doc.Descendants(ns + "title").Select(t => t.Value), t => t.Contains("restarts 1", StringComparison.Ordinal));

        // The failing quantity and QoS properties have sections, but no picture.
        foreach (string id in new[] { "P-QTY-PRINT", "P-QOS-CLASS", "P-LIFE-RESTARTS" })
        {
            Assert.Contains("<article class=\"failure\" id=\"fail-" + id + "\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_shows_header_summary_rules_observations_and_replay()
    {
        string html = HtmlReport.Render(Example(), specBase: "../");
        Assert.Contains("<code>several-bugs</code>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>seed</dt><dd>20261124</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Kubernetes</dt><dd>1.37</dd>", html, StringComparison.Ordinal);
        Assert.Contains("NOT as expected", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#rule-QOS-003\">QOS-003</a>", html, StringComparison.Ordinal);
        Assert.Contains("<dt id=\"rule-QOS-003\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../spec/qos.md\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"diff\"><td class=\"mark\">≠ differs</td><td>qosClass: Burstable</td><td>qosClass: Guaranteed</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("kind: Pod", html, StringComparison.Ordinal);
        Assert.Matches("<pre>podconf run --adapter several-bugs --rules P-QOS-CLASS --seed 20261124 --count [0-9]+</pre>", html);
        Assert.Contains("<span class=\"badge skipped\">skipped</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_self_contained_no_scripts_no_external_urls()
    {
        string html = HtmlReport.Render(Example(), timings: true);
        foreach (string banned in new[] { "<script", "<link", "<iframe", "<img", "@import", "url(", " src=", "@font-face" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }

        // The SVG namespace is a name, not something fetched; no other absolute URL appears.
        string rest = html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(https?|ftp)://|//[a-z0-9.-]+\\.[a-z]{2,}/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)), rest);
        Assert.Contains("<th>time</th>", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 13 item 4: failures first in the summary; expected failures get their detail too; rule IDs never wrap.</summary>
    [Fact]
    public void Html_lists_failures_first_and_details_expected_failures()
    {
        var known = Expectations.Parse("{\"adapter\": \"several-bugs\", \"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\", \"reason\": \"known\"}}}", "test");
        var run = SuiteRun.Execute(BrokenAdapter.Several, new RunOptions { Rules = "P-QTY-VALUE,P-QOS-CLASS,P-QTY-PRINT", Count = 40 }, known);
        string html = HtmlReport.Render(run);
        var rows = Regex.Matches(html, "<tr><td><code>(?:<a href=\"#fail-[^\"]+\">)?(P-[A-Z-]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["P-QTY-PRINT", "P-QOS-CLASS", "P-QTY-VALUE"], rows); // catalogue order is PRINT, VALUE, QOS
        Assert.Contains("<section id=\"expected-failures\">", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"failure expected\" id=\"fail-P-QOS-CLASS\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#fail-P-QOS-CLASS\">P-QOS-CLASS</a>", html, StringComparison.Ordinal);
        Assert.Contains("table.summary td.rules a, table.summary td code, article h3 code { white-space: nowrap; }", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_of_a_passing_run_has_no_failure_section()
    {
        string html = HtmlReport.Render(SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 5 }));
        Assert.DoesNotContain("id=\"failures\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"totals ok\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }
}
