using System.Xml.Linq;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// Output hygiene (issue 13 item 3): a 4,761-digit quantity is shown cut, with its length, in every report for people
/// (terminal, Markdown, JUnit, HTML), and control characters an adapter sends are shown as escapes, never raw.
/// </summary>
public class ReportHygieneTests
{
    private static readonly string Digits = new('9', 4761);

    private static RunReport LongFailure()
    {
        var property = Catalog.All.Single(p => p.Id == "P-QTY-PRINT");
        var testCase = new QuantityCase(Digits);
        var expected = ModelAdapter.Run(testCase, Profile.Default);
        var actual = expected with { Quantity = expected.Quantity! with { String = "\u001b]0;owned\u0007" + Digits, Canonical = "1\r\n2" } };
        string detail = "string: model " + expected.Quantity!.String + " vs adapter " + actual.Quantity!.String;
        var c = new Counterexample(0, testCase, testCase, 0, expected, actual, detail);
        var result = new PropertyResult(property, Outcome.Failed, 1, detail, c, TimeSpan.Zero);
        return new RunReport("process:sim\u001b[2J", Profile.Default, new RunOptions { Rules = "P-QTY-PRINT" }, [result]);
    }

    private static void AssertClean(string text, int maxLine)
    {
        Assert.DoesNotContain(new string('9', FailureText.LineLimit), text, StringComparison.Ordinal);
        Assert.Matches(@"…\(47\d\d chars\)", text);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\r', text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= maxLine, line.Length + ": " + line[..Math.Min(80, line.Length)]));
    }

    [Fact]
    public void The_terminal_report_cuts_long_values_and_escapes_controls()
    {
        string text = ConsoleReport.Render(LongFailure());
        AssertClean(text, FailureText.LineLimit + 20); // + the escapes of the control characters
        Assert.Contains("\\x1b]0;owned\\x07", text, StringComparison.Ordinal);
        Assert.Contains("| canonical: 1\\r\\n2\n", text, StringComparison.Ordinal); // one cell, one line
    }

    [Fact]
    public void The_markdown_report_cuts_long_values_and_escapes_controls() =>
        AssertClean(MarkdownReport.Render(LongFailure()), FailureText.LineLimit + 20);

    [Fact]
    public void The_junit_report_is_valid_xml_with_long_values_cut_and_controls_escaped()
    {
        string xml = JUnitReport.Render(LongFailure(), timings: true);
        AssertClean(xml, 2 * FailureText.LineLimit); // the failure message and the first line of its text share a line
        var doc = XDocument.Parse(xml);
        var testcase = doc.Descendants("testcase").Single();
        Assert.Equal("P-QTY-PRINT", testcase.Attribute("name")!.Value);
        Assert.Equal("0.000", testcase.Attribute("time")!.Value);
        Assert.Contains("\\x1b]0;owned", testcase.Element("failure")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_cuts_long_values_and_escapes_controls()
    {
        string html = HtmlReport.Render(LongFailure());
        AssertClean(html, 4000); // the page's own lines (style, rule lists) are long; values are not
        Assert.Contains("\\x1b]0;owned\\x07", html, StringComparison.Ordinal);
        Assert.Contains("<code>process:sim\\x1b[2J</code>", html, StringComparison.Ordinal);
    }
}
