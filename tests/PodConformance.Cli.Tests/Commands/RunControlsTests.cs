using System.Text.RegularExpressions;
using System.Xml.Linq;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// The suite controls test262/WPT/Sonobuoy users expect (issue 13 item 7): <c>--list</c>, <c>--repeat N</c>,
/// <c>--shard i/n</c> with mergeable results, JUnit tests named by rule ID with times; and the run's header and
/// progress (item 3).
/// </summary>
public class RunControlsTests
{
    private const string Rules = "P-QTY-*,P-QOS-CLASS,P-OOM-SCORE";

    [Fact]
    public void List_prints_the_selected_properties_with_their_budgets_and_runs_nothing()
    {
        var r = CliRun.Run("run", "--list", "--rules", "P-QTY-PARSE,P-EVICT-*", "--repeat", "3");
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Matches("^PROPERTY +CASES +SPEC +TITLE$", lines[0]);
        Assert.Matches("^P-QTY-PARSE +1500 +spec/quantity.md +Quantity texts", lines[1]); // weight 5: 100 × 5 × 3
        Assert.Matches("^P-EVICT-ORDER +600 +spec/eviction.md ", lines[2]); // slow, a tenth of the count, at weight 20
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain("properties:", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Error);
    }

    [Theory]
    [InlineData("--shard", "0/3", "--shard: \"0/3\" is not i/n")]
    [InlineData("--shard", "three", "--shard: \"three\" is not i/n")]
    [InlineData("--shard", "5/6", "--shard: 5/6 holds no property: the run selects 4, so use at most 4 shards")]
    [InlineData("--repeat", "0", "--repeat: must be a positive number")]
    public void Bad_controls_exit_2_with_the_reason(string option, string value, string message)
    {
        var r = CliRun.Run("run", "--rules", "P-QTY-*", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_merge_into_the_whole_runs_junit()
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-shard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            List<XElement> Cases(string name, params string[] extra)
            {
                string xml = Path.Combine(dir, name + ".xml");
                var r = CliRun.Run([.. new[] { "run", "--rules", Rules, "--count", "10", "--junit", xml, "--timings=false" }, .. extra]);
                Assert.Equal(0, r.ExitCode);
                return [.. XDocument.Load(xml).Descendants("testcase")];
            }

            var whole = Cases("whole");
            var shards = new[] { Cases("a", "--shard", "1/2"), Cases("b", "--shard", "2/2") };
            Assert.All(shards, s => Assert.NotEmpty(s));
            var merged = shards.SelectMany(s => s).OrderBy(e => e.Attribute("name")!.Value, StringComparer.Ordinal).Select(e => e.ToString());
            Assert.Equal(whole.OrderBy(e => e.Attribute("name")!.Value, StringComparer.Ordinal).Select(e => e.ToString()), merged);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Junit_names_tests_by_property_id_with_times_unless_refused()
    {
        using var file = CliRun.File("", ".xml");
        var r = CliRun.Run("run", "--rules", "P-QTY-PARSE,P-QOS-CLASS", "--count", "5", "--junit", file.Path);
        Assert.Equal(0, r.ExitCode);
        var cases = XDocument.Load(file.Path).Descendants("testcase").ToList();
        Assert.Equal(["P-QTY-PARSE", "P-QOS-CLASS"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.All(cases, c => Assert.Matches(@"^\d+\.\d{3}$", c.Attribute("time")!.Value));
        Assert.Contains(cases[0].Descendants("property"), p => p.Attribute("name")!.Value == "title" && p.Attribute("value")!.Value.StartsWith("Quantity texts", StringComparison.Ordinal));
        Assert.DoesNotContain("TIME", r.Out, StringComparison.Ordinal); // the terminal table stays byte-stable

        r = CliRun.Run("run", "--rules", "P-QTY-PARSE", "--count", "5", "--junit", file.Path, "--timings=false");
        Assert.Equal(0, r.ExitCode);
        Assert.Null(XDocument.Load(file.Path).Descendants("testcase").Single().Attribute("time"));
    }

    [Fact]
    public void Repeat_runs_each_property_n_times_and_says_so()
    {
        var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--repeat", "3");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("podconf run: adapter model, Kubernetes 1.37, seed 20261124, 5 cases per property, each run 3 times\n", r.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 13 (first output within 2 s): the header names --adapter before the adapter is created (podman's check and
    /// kubernetes-client's warm-up take seconds); an adapter whose name says more follows on its own line; a bad
    /// --adapter prints no header; one case is "1 case".
    /// </summary>
    [Fact]
    public void The_header_comes_before_the_adapter_is_created()
    {
        var r = CliRun.Run("run", "--adapter", "kubernetes-client", "--rules", "P-QTY-PARSE", "--count", "1");
        Assert.StartsWith("podconf run: adapter kubernetes-client, Kubernetes 1.37, seed 20261124, 1 case per property\n\nadapter: kubernetes-client:", r.Out, StringComparison.Ordinal);

        var bad = CliRun.Run("run", "--adapter", "nope", "--rules", "P-QTY-PARSE");
        Assert.Equal((2, ""), (bad.ExitCode, bad.Out));
        Assert.Contains("--adapter: unknown adapter \"nope\"", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>Under CI: the header first (before any case ran), then one plain line per property, no cursor movement.</summary>
    [Fact]
    public void Under_ci_the_header_comes_first_then_plain_property_lines()
    {
        var both = new StringWriter { NewLine = "\n" };
        int code = Podconf.Run(["run", "--rules", "P-QTY-PARSE,P-QOS-CLASS", "--count", "5"], new CliConsole(TextReader.Null, both, both, false) { Ci = true });
        Assert.Equal(0, code);
        string text = both.ToString();
        Assert.Matches(new Regex(@"\Apodconf run: adapter model[^\n]*\n\n\[1/2\] P-QTY-PARSE passed \d+\.\ds\n\[2/2\] P-QOS-CLASS passed \d+\.\ds\nPROPERTY "), text);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u001b', text);
    }

    /// <summary>On a terminal: a status line redrawn in place (per case, with ETA) on the raw stream, cleared before the table.</summary>
    [Fact]
    public void On_a_terminal_a_live_status_line_is_drawn_and_cleared()
    {
        var output = new StringWriter { NewLine = "\n" };
        var status = new StringWriter { NewLine = "\n" };
        int code = Podconf.Run(["run", "--rules", "P-QOS-CLASS", "--count", "5"], new CliConsole(TextReader.Null, output, TextWriter.Null, true) { Status = status });
        Assert.Equal(0, code);
        string live = status.ToString();
        Assert.StartsWith("\r\u001b[K[1/1] P-QOS-CLASS case 0/10 0% ETA ?", live, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K[1/1] P-QOS-CLASS passed " + live.Split(" passed ")[1], live, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
    }
}
