using System.Text.Json;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public void Run_against_the_model_passes_and_exits_0()
    {
        var r = CliRun.Run("run", "--rules", "P-QTY-*,QOS-*", "--count", "20");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("P-QOS-CLASS", r.Out, StringComparison.Ordinal);
        Assert.Contains("as expected", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void Run_with_an_unknown_adapter_exits_2_and_lists_the_adapters()
    {
        var r = CliRun.Run("run", "--adapter", "podman-nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown adapter \"podman-nope\"; available: model, process:CMD [ARGS], kubernetes-client", r.Error, StringComparison.Ordinal);
    }

    /// <summary>A wrong --adapter is the user's to fix: exit 2 with the reason, never the internal-error exit 70.</summary>
    [Theory]
    [InlineData("process:/nonexistent/adapter", "podconf: --adapter: process:/nonexistent/adapter: could not start")]
    [InlineData("model:extra", "podconf: --adapter: \"model\" takes no argument (got \"model:extra\")")]
    public void Run_with_an_adapter_that_cannot_be_used_exits_2(string adapter, string message)
    {
        var r = CliRun.Run("run", "--adapter", adapter, "--rules", "P-QTY-PRINT", "--count", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(message, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "-1", "--seed")]
    [InlineData("--count", "0", "--count")]
    [InlineData("--rules", "NOPE-*", "matches no property")]
    [InlineData("--tolerance", "soon", "--tolerance")]
    [InlineData("--kubernetes-version", "1.99", "--kubernetes-version")]
    public void Run_usage_errors_exit_2(string option, string value, string message)
    {
        var r = CliRun.Run("run", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// run, diff and myths read --seed alike, as pflag's Uint64Var (Go's strconv.ParseUint(s, 0, 64)) and refuse in its
    /// words; run and diff said "is not a non-negative integer", also for a seed past 2^64-1 (before session 16).
    /// </summary>
    [Theory]
    [InlineData("abc", "invalid argument \"abc\" for \"--seed\" flag: strconv.ParseUint: parsing \"abc\": invalid syntax")]
    [InlineData("-1", "invalid argument \"-1\" for \"--seed\" flag: strconv.ParseUint: parsing \"-1\": invalid syntax")]
    [InlineData("99999999999999999999", "invalid argument \"99999999999999999999\" for \"--seed\" flag: strconv.ParseUint: parsing \"99999999999999999999\": value out of range")]
    public void Seed_is_read_alike_by_run_diff_and_myths(string seed, string message)
    {
        foreach (var args in new[] { new[] { "run", "--list" }, new[] { "diff", "--from", "1.36" }, new[] { "myths" } })
        {
            var r = CliRun.Run([.. args, "--seed", seed]);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("podconf: " + message + "\nSee 'podconf " + args[0] + " --help' for usage.\n", r.Error);
        }

        // Go's base prefixes and underscores are numbers, as for every number flag.
        Assert.Equal(0, CliRun.Run("run", "--list", "--seed", "0x10").ExitCode);
        Assert.Equal(0, CliRun.Run("run", "--list", "--seed", "1_000").ExitCode);
    }

    /// <summary>--coverage prints, per property, the cases that exercised each rule it checks, and the JSON report carries them.</summary>
    [Fact]
    public void Run_coverage_prints_hits_per_rule_and_the_json_report_carries_them()
    {
        string path = Path.Combine(Path.GetTempPath(), "podconf-run-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "30", "--coverage", "--report", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("coverage: cases of each property that exercised each spec rule it checks", r.Out, StringComparison.Ordinal);
            Assert.Matches(@"P-QOS-CLASS\s+QOS-005\s+[0-9]+\s+.*decided by", r.Out);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var coverage = doc.RootElement.GetProperty("results")[0].GetProperty("coverage");
            Assert.Equal(60, coverage.GetProperty("cases").GetInt32()); // weight 2
            var qos5 = coverage.GetProperty("rules").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "QOS-005");
            Assert.True(qos5.GetProperty("claimed").GetBoolean());
            Assert.InRange(qos5.GetProperty("cases").GetInt32(), 1, 60);
            Assert.NotEmpty(qos5.GetProperty("branches").EnumerateObject());
        }
        finally
        {
            File.Delete(path);
        }

        var plain = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5");
        Assert.DoesNotContain("coverage:", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_html_writes_a_self_contained_report_with_the_failure()
    {
        using var expectations = CliRun.File("{\"adapter\": \"model\", \"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\", \"reason\": \"thought broken\", \"link\": \"\"}}}", ".json");
        string path = Path.Combine(Path.GetTempPath(), "podconf-run-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            var r = CliRun.Run("run", "--rules", "P-QOS-CLASS,P-QTY-PARSE", "--count", "5", "--expectations", expectations.Path, "--html", path);
            Assert.Equal(1, r.ExitCode);
            string html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<code>model</code>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"fail-P-QOS-CLASS\"", html, StringComparison.Ordinal);
            Assert.Contains("UNEXPECTED-PASS", html, StringComparison.Ordinal);
            Assert.Contains("podconf run --adapter model --rules P-QOS-CLASS --seed 20261124 --count 5", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

            // Same run, same bytes, whatever the culture.
            var again = CliRun.RunInCulture("de-DE", "", "run", "--rules", "P-QOS-CLASS,P-QTY-PARSE", "--count", "5", "--expectations", expectations.Path, "--html", path);
            Assert.Equal(1, again.ExitCode);
            Assert.Equal(html, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_html_to_an_unwritable_path_exits_2()
    {
        var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "1", "--html", Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "r.html"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot write", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_an_expected_failure_that_passes_exits_1()
    {
        using var expectations = CliRun.File("{\"adapter\": \"model\", \"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\", \"reason\": \"thought broken\", \"link\": \"\"}}}", ".json");
        var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--expectations", expectations.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("UNEXPECTED-PASS", r.Out, StringComparison.Ordinal);
        Assert.Contains("replay: podconf run --adapter model --rules P-QOS-CLASS --seed 20261124 --count 5", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_malformed_expectations_file_exits_2()
    {
        using var expectations = CliRun.File("{\"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\"}}}", ".json");
        var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--expectations", expectations.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("reason: required", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_update_expectations_drops_entries_that_now_pass()
    {
        using var expectations = CliRun.File("{\"adapter\": \"model\", \"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\", \"reason\": \"r\"}}}", ".json");
        var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--expectations", expectations.Path, "--update-expectations");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("podconf: warning: " + expectations.Path + ": deprecated expectations format", r.Error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(expectations.Path));
        Assert.Equal("podconf.expectations/v2", doc.RootElement.GetProperty("format").GetString());
        Assert.Empty(doc.RootElement.GetProperty("expectations").EnumerateArray());
    }

    [Fact]
    public void Run_writes_reports_that_are_identical_across_runs_and_cultures()
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string[] Run(string culture, string tag)
            {
                string json = Path.Combine(dir, tag + ".json"), xml = Path.Combine(dir, tag + ".xml"), md = Path.Combine(dir, tag + ".md");
                var r = CliRun.RunInCulture(culture, "", "run", "--rules", "P-QTY-PARSE,P-OOM-*", "--count", "10", "--report", json, "--junit", xml, "--markdown", md, "--timings=false");
                Assert.Equal(0, r.ExitCode);
                return [r.Out, File.ReadAllText(json), File.ReadAllText(xml), File.ReadAllText(md)];
            }

            var invariant = Run("en-US", "a");
            Assert.Equal(invariant, Run("de-DE", "b"));
            using var doc = JsonDocument.Parse(invariant[1]);
            Assert.Equal("model", doc.RootElement.GetProperty("adapter").GetString());
            System.Xml.Linq.XDocument.Parse(invariant[2]);
            Assert.StartsWith("## podconf run: model", invariant[3], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
