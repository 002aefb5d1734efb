using PodConformance.Suite.Adapters;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// Expectations for a nondeterministic adapter (real podman): the union over several report runs, each entry with the
/// runs it was seen in. A flaky entry (seen in some runs, not all) may be absent without failing; a new signature still
/// fails; files that record no runs keep the strict reading.
/// </summary>
public class MergedExpectationsTests
{
    private static readonly ConformanceProperty Qos = Catalog.Find("P-QOS-CLASS")!;

    private static FailureSignature Sig(string facet, string kind) => new("P-QOS-CLASS", facet, kind);

    /// <summary>One property's result in a run that collected every signature, as a report run does.</summary>
    private static PropertyResult[] RunSaw(params FailureSignature[] signatures) =>
    [
        new PropertyResult(Qos, signatures.Length > 0 ? Outcome.ExpectedFailure : Outcome.Passed, 6, "", null, TimeSpan.Zero)
        {
            Signatures = [.. signatures.Select(s => new SignatureResult(s, 2, null, null))],
        },
    ];

    private static Expectation Entry(Expectations file, FailureSignature s) => Assert.Single(file.Items, e => e.Matches(s));

    [Fact]
    public void Merging_runs_keeps_the_union_and_counts_the_runs_each_signature_was_seen_in()
    {
        var a = Sig("qosClass", "differs");
        var b = Sig("acceptance", "missing");
        var c = Sig("acceptance", "extra");

        var one = Expectations.None.Merge("x", RunSaw(a, b));
        Assert.Equal(1, one.Runs);
        Assert.All(one.Items, e => Assert.Equal((1, 1, false), (e.SeenInRuns, e.Runs, e.Flaky)));

        var three = one.Merge("x", RunSaw(a, c)).Merge("x", RunSaw(a));
        Assert.Equal(3, three.Runs);
        Assert.Equal(3, three.Items.Count);
        Assert.Equal((3, false), (Entry(three, a).SeenInRuns, Entry(three, a).Flaky));
        Assert.Equal((1, true), (Entry(three, b).SeenInRuns, Entry(three, b).Flaky));
        Assert.Equal((1, true), (Entry(three, c).SeenInRuns, Entry(three, c).Flaky));
        Assert.Equal("seen in 1 of 3 runs", Entry(three, b).SeenText());
        Assert.Equal("x", three.Adapter);
    }

    [Fact]
    public void An_entry_keeps_its_reason_and_link_and_a_new_one_gets_the_failure_as_reason()
    {
        var a = Sig("qosClass", "differs");
        var known = new Expectations("x", [new Expectation("P-QOS-CLASS", "qosClass", "differs", "known bug", "https://example.com/1")]);
        var merged = known.Merge("x", RunSaw(a, Sig("acceptance", "missing")));

        // A file that records no runs was written from one run in which each of its entries was seen.
        Assert.Equal(2, merged.Runs);
        var kept = Entry(merged, a);
        Assert.Equal(("known bug", "https://example.com/1", 2), (kept.Reason, kept.Link, kept.SeenInRuns));
        var added = Entry(merged, Sig("acceptance", "missing"));
        Assert.Equal((1, true), (added.SeenInRuns, added.Flaky));
        Assert.StartsWith("fails: ", added.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_entry_counts_once_per_run_however_many_signatures_it_matches()
    {
        var glob = new Expectations("x", [new Expectation("P-QOS-CLASS", "acceptance", "*", "known", "l") { SeenInRuns = 1 }], runs: 1);
        var merged = glob.Merge("x", RunSaw(Sig("acceptance", "missing"), Sig("acceptance", "extra")));
        var entry = Assert.Single(merged.Items);
        Assert.Equal((2, 2, false), (entry.SeenInRuns, entry.Runs, entry.Flaky));
    }

    [Fact]
    public void A_skipped_property_keeps_its_entries_uncounted()
    {
        var one = Expectations.None.Merge("x", RunSaw(Sig("qosClass", "differs")));
        var skipped = new PropertyResult(Qos, Outcome.Skipped, 0, "unsupported", null, TimeSpan.Zero);
        var two = one.Merge("x", [skipped]);
        var entry = Assert.Single(two.Items);
        Assert.Equal((1, 2, true), (entry.SeenInRuns, entry.Runs, entry.Flaky));
    }

    [Fact]
    public void The_json_records_the_runs_and_reads_back_byte_identical()
    {
        var merged = Expectations.None.Merge("x", RunSaw(Sig("qosClass", "differs"), Sig("acceptance", "missing"))).Merge("x", RunSaw(Sig("qosClass", "differs")));
        string json = merged.ToJson();
        Assert.StartsWith("{\n  \"format\": \"podconf.expectations/v2\",\n  \"adapter\": \"x\",\n  \"runs\": 2,\n", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"missing\",\n      \"seenInRuns\": 1,", json, StringComparison.Ordinal);
        var again = Expectations.Parse(json, "e.json");
        Assert.Equal(json, again.ToJson());
        Assert.Equal(2, again.Runs);
        Assert.True(Entry(again, Sig("acceptance", "missing")).Flaky);
        Assert.False(Entry(again, Sig("qosClass", "differs")).Flaky);
        Assert.Empty(again.Warnings);

        // A file that records no runs writes none: deterministic adapters' files are unchanged.
        var strict = new Expectations("x", [new Expectation("P-QOS-CLASS", "qosClass", "differs", "r", "l")]);
        Assert.DoesNotContain("runs", strict.ToJson(), StringComparison.Ordinal);
        Assert.Equal(0, Expectations.Parse(strict.ToJson(), "s.json").Runs);
    }

    [Theory]
    [InlineData("{\"runs\": 0, \"expectations\": []}", "e.json: runs: must be a whole number ≥ 1")]
    [InlineData("{\"runs\": \"3\", \"expectations\": []}", "e.json: runs: must be a whole number ≥ 1 (how many report runs the file merges), got \"3\"")]
    [InlineData("{\"runs\": 2.5, \"expectations\": []}", "e.json: runs: must be a whole number")]
    [InlineData("{\"runs\": 2, \"expectations\": [{\"property\": \"P-X\", \"facet\": \"f\", \"kind\": \"differs\", \"reason\": \"r\"}]}", "e.json: expectations[0].seenInRuns: required (the file merges 2 runs)")]
    [InlineData("{\"runs\": 2, \"expectations\": [{\"property\": \"P-X\", \"facet\": \"f\", \"kind\": \"differs\", \"seenInRuns\": 3, \"reason\": \"r\"}]}", "e.json: expectations[0].seenInRuns: must be a whole number from 1 to 2 (the file's runs), got 3")]
    [InlineData("{\"runs\": 2, \"expectations\": [{\"property\": \"P-X\", \"facet\": \"f\", \"kind\": \"differs\", \"seenInRuns\": 0, \"reason\": \"r\"}]}", "e.json: expectations[0].seenInRuns: must be a whole number from 1 to 2")]
    [InlineData("{\"expectations\": [{\"property\": \"P-X\", \"facet\": \"f\", \"kind\": \"differs\", \"seenInRuns\": 1, \"reason\": \"r\"}]}", "e.json: expectations[0].seenInRuns: needs \"runs\"")]
    [InlineData("{\"runs\": 1, \"expectations\": {\"P-X\": {\"expected\": \"fail\", \"reason\": \"r\"}}}", "e.json: \"runs\" needs \"expectations\" as a list")]
    public void Malformed_run_counts_give_clear_errors(string text, string message)
    {
        var e = Assert.Throws<ExpectationsException>(() => Expectations.Parse(text, "e.json"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>The flaky entry is listed as not seen, with its count, and fails nothing; the firm one still matches.</summary>
    [Fact]
    public void A_flaky_entry_that_does_not_occur_is_not_a_failure()
    {
        var file = new Expectations("x",
        [
            new Expectation("P-QOS-CLASS", "qosClass", "differs", "known bug", "l") { SeenInRuns = 3 },
            new Expectation("P-QOS-CLASS", "acceptance", "*", "sometimes", "l") { SeenInRuns = 1 },
        ], runs: 3);
        var report = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS", Count = 40 }, file);
        var result = Assert.Single(report.Results);
        Assert.Equal(Outcome.ExpectedFailure, result.Outcome);
        Assert.Equal("P-QOS-CLASS [acceptance: *]", Assert.Single(result.NotSeen).ToString());
        Assert.True(report.AsExpected);
        Assert.Contains("not seen: P-QOS-CLASS [acceptance: *] — sometimes (flaky, seen in 1 of 3 runs: not a failure)", ConsoleReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("| not seen (flaky, seen in 1 of 3 runs) |", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("\"seenInRuns\": 1,\n", JsonReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("flaky, seen in 1 of 3 runs: not a failure", HtmlReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_whose_entries_are_all_flaky_may_pass()
    {
        var flaky = new Expectations("x", [new Expectation("P-QOS-CLASS", "qosClass", "differs", "sometimes", "l") { SeenInRuns = 2 }], runs: 3);
        var report = SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 10 }, flaky);
        var result = Assert.Single(report.Results);
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.Single(result.NotSeen);
        Assert.True(report.AsExpected);
    }

    /// <summary>Seen in every merged run: firm, so a pass is still unexpected, as for a file that records no runs.</summary>
    [Fact]
    public void A_pass_of_an_entry_seen_in_every_run_is_an_unexpected_pass()
    {
        var firm = new Expectations("x", [new Expectation("P-QOS-CLASS", "qosClass", "differs", "always", "l") { SeenInRuns = 3 }], runs: 3);
        var report = SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 10 }, firm);
        Assert.Equal(Outcome.UnexpectedPass, Assert.Single(report.Results).Outcome);
        Assert.False(report.AsExpected);
        Assert.Contains("fixed, or the failure now has another signature; seen in 3 of 3 runs", ConsoleReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_no_merged_run_saw_still_fails_the_property()
    {
        var flaky = new Expectations("x", [new Expectation("P-QOS-CLASS", "acceptance", "*", "sometimes", "l") { SeenInRuns = 1 }], runs: 2);
        var report = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS" }, flaky);
        var result = Assert.Single(report.Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
        Assert.StartsWith("signature changed: expected P-QOS-CLASS [acceptance: *], got P-QOS-CLASS [qosClass: differs]", result.Reason, StringComparison.Ordinal);
        Assert.False(report.AsExpected);
    }

    /// <summary>--update-expectations writes what one run saw: the strict form, without run counts.</summary>
    [Fact]
    public void Update_writes_a_file_that_records_no_runs()
    {
        var collecting = Expectations.CollectingAll("burstable-is-guaranteed", Catalog.All);
        var run = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS", Count = 20 }, collecting);
        var merged = new Expectations("x", [new Expectation("P-QOS-CLASS", "qosClass", "differs", "known", "l") { SeenInRuns = 1 }], runs: 2);
        var updated = merged.Update(run);
        Assert.Equal(0, updated.Runs);
        var entry = Assert.Single(updated.Items);
        Assert.Equal(("known", false, 0), (entry.Reason, entry.Flaky, entry.Runs));
        Assert.DoesNotContain("runs", updated.ToJson(), StringComparison.Ordinal);
    }
}
