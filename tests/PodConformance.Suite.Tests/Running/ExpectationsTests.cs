using PodConformance.Suite.Adapters;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>Verdicts a CI can trust: expectations name failure signatures, and a case the adapter could not run is an error.</summary>
public class ExpectationsTests
{
    private static Expectations Expect(string property, string facet, string kind) =>
        new("x", [new Expectation(property, facet, kind, "known bug", "https://example.com/1")]);

    /// <summary>The model, except that every case fails as a real runtime fails when it could not create the pod.</summary>
    private static BrokenAdapter CreatesNothing { get; } = new("creates-nothing", (_, _) => Observation.Failed("podman kube play created no container (exit 125): Error: no such image"));

    /// <summary>Issue 13: every expectations file the repository ships is in the per-signature format (no deprecation warning).</summary>
    [Fact]
    public void Committed_expectations_files_name_signatures()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "golden"), "expectations.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 3, "expected golden/{podman,client-node,python-kubernetes}/expectations.json");
        foreach (string file in files)
        {
            var known = Expectations.Read(file);
            Assert.True(known.Warnings.Count == 0, file + ": " + string.Join("; ", known.Warnings));
            Assert.All(known.Items, e => Assert.False(e.Facet == "*" && e.Kind == "*", file + ": " + e + " expects any failure of its property"));
            Assert.All(known.Items, e => Assert.NotEqual("", e.Link));

            // Only real podman's signatures vary from run to run (its file merges report runs); the other adapters are
            // deterministic, and their files stay strict: no run counts, no flaky entries.
            Assert.True(known.Adapter == "podman" || known.Runs == 0, file + ": a deterministic adapter's file records " + known.Runs + " report runs");
        }
    }

    /// <summary>An unreadable file is named in podconf's words, not .NET's ("Could not find file '…'." before session 16).</summary>
    [Fact]
    public void An_unreadable_expectations_file_is_named_in_podconfs_words()
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-exp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string missing = Path.Combine(dir, "none.json");
            Assert.Equal(missing + ": cannot read expectations: no such file", Assert.Throws<ExpectationsException>(() => Expectations.Read(missing)).Message);
            string nested = Path.Combine(dir, "no", "x.json");
            Assert.Equal(nested + ": cannot read expectations: no such file or directory", Assert.Throws<ExpectationsException>(() => Expectations.Read(nested)).Message);
            Assert.Equal(dir + ": cannot read expectations: is a directory (give a file)", Assert.Throws<ExpectationsException>(() => Expectations.Read(dir)).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_known_signature_is_an_expected_failure_and_the_run_goes_through_every_case()
    {
        var report = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS", Count = 40 }, Expect("P-QOS-CLASS", "qosClass", "differs"));
        var result = Assert.Single(report.Results);
        Assert.Equal(Outcome.ExpectedFailure, result.Outcome);
        Assert.Equal(80, result.CasesRun); // the property's weight is 2: all cases ran, none stopped the run
        var seen = Assert.Single(result.Signatures);
        Assert.Equal(new FailureSignature("P-QOS-CLASS", "qosClass", "differs"), seen.Signature);
        Assert.True(seen.Cases > 1);
        Assert.NotNull(seen.Expected);
        Assert.True(report.AsExpected);
    }

    [Fact]
    public void A_failure_with_another_signature_fails_and_says_the_signature_changed()
    {
        var report = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS" }, Expect("P-QOS-CLASS", "acceptance", "*"));
        var result = Assert.Single(report.Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
        Assert.StartsWith("signature changed: expected P-QOS-CLASS [acceptance: *], got P-QOS-CLASS [qosClass: differs]", result.Reason, StringComparison.Ordinal);
        Assert.Equal("P-QOS-CLASS [acceptance: *]", Assert.Single(result.NotSeen).ToString());
        Assert.Contains("not seen: P-QOS-CLASS [acceptance: *]", ConsoleReport.Render(report), StringComparison.Ordinal);
        Assert.False(report.AsExpected);
    }

    [Fact]
    public void A_pass_of_an_expected_failure_is_an_unexpected_pass_and_fails_the_run()
    {
        var report = SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 10 }, Expect("P-QOS-CLASS", "*", "*"));
        Assert.Equal(Outcome.UnexpectedPass, Assert.Single(report.Results).Outcome);
        Assert.False(report.AsExpected);
    }

    /// <summary>The podman false-green of issue 10: every case failed to run, every property was "expected" to fail.</summary>
    [Fact]
    public void A_run_whose_cases_never_reached_the_runtime_is_an_error_no_expectation_turns_green()
    {
        var everything = Expectations.CollectingAll("creates-nothing", Catalog.All);
        var report = SuiteRun.Execute(CreatesNothing, new RunOptions { Rules = "P-QOS-CLASS,P-LIFE-*", Count = 5 }, everything);
        // Properties that need what the adapter lacks (P-LIFE-CONFIG needs env) are skipped before any case.
        Assert.All(report.Results.Where(r => r.Outcome != Outcome.Skipped), r =>
        {
            Assert.Equal(Outcome.Error, r.Outcome);
            Assert.Equal(1, r.CasesRun);
            Assert.Equal(0, r.CasesReached);
            Assert.Contains("podman kube play created no container", r.Reason, StringComparison.Ordinal);
        });
        Assert.Contains(report.Results, r => r.Outcome == Outcome.Error);
        Assert.Equal(0, report.CasesReached);
        Assert.False(report.AsExpected);
        Assert.Contains("NOT as expected: no case reached the adapter", ConsoleReport.Totals(report), StringComparison.Ordinal);
        Assert.Contains("<error message=", JUnitReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void An_adapter_that_throws_is_an_error_not_a_crash_of_the_run()
    {
        var throwing = new BrokenAdapter("throws", (_, _) => throw new InvalidOperationException("socket closed"));
        var report = SuiteRun.Execute(throwing, new RunOptions { Rules = "P-QTY-PARSE,P-QOS-CLASS", Count = 3 });
        Assert.All(report.Results, r => Assert.Equal(Outcome.Error, r.Outcome));
        Assert.Contains("the adapter threw InvalidOperationException: socket closed", report.Results[0].Reason, StringComparison.Ordinal);
        Assert.False(report.AsExpected);
    }

    [Fact]
    public void A_run_where_every_property_is_skipped_is_not_green()
    {
        var report = SuiteRun.Execute(BrokenAdapter.WithoutQos, new RunOptions { Rules = "P-QOS-CLASS" });
        Assert.Equal(Outcome.Skipped, Assert.Single(report.Results).Outcome);
        Assert.False(report.AsExpected);
    }

    /// <summary>A known deviation is shrunk only a little: the cap, not the full search an unknown failure gets.</summary>
    [Fact]
    public void An_expected_failure_is_shrunk_no_further_than_the_cap()
    {
        var counting = new CountingAdapter(BrokenAdapter.DropsARestart);
        var runner = new SuiteRunner(new ModelAdapter(), counting, Model.Profiles.Profile.Default) { Expectations = Expect("P-LIFE-RESTARTS", "*", "*"), MaxExpectedShrinkAttempts = 3 };
        var result = runner.Run(Catalog.Find("P-LIFE-RESTARTS")!, RunOptions.DefaultSeed, 20);
        Assert.Equal(Outcome.ExpectedFailure, result.Outcome);
        int shrinkRuns = counting.Runs - result.CasesRun;
        Assert.InRange(shrinkRuns, 1, 3 * result.Signatures.Count);
    }

    [Fact]
    public void Every_report_lists_expected_failures_with_their_signature()
    {
        var report = SuiteRun.Execute(BrokenAdapter.LowerCaseSuffixes, new RunOptions { Rules = "P-QTY-PRINT", Count = 20 }, Expect("P-QTY-PRINT", "*", "differs"));
        Assert.Equal(Outcome.ExpectedFailure, Assert.Single(report.Results).Outcome);
        string signature = Assert.Single(report.Results[0].Signatures).Signature.ToString();
        Assert.Contains("expected: " + signature, ConsoleReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("\"expected\": true", JsonReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("expected: " + signature, JUnitReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("### Expected failures", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("<section id=\"expected-failures\">", HtmlReport.Render(report), StringComparison.Ordinal);
        Assert.Contains(report.Results[0].Signatures[0].Signature.Facet, HtmlReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_round_trips_and_update_writes_one_entry_per_signature()
    {
        var collecting = Expectations.CollectingAll("lower-case-suffixes", Catalog.All);
        var report = SuiteRun.Execute(BrokenAdapter.LowerCaseSuffixes, new RunOptions { Rules = "P-QTY-*", Count = 30 }, collecting);
        var updated = Expectations.None.Update(report);
        Assert.Equal(["P-QTY-PRINT", "P-QTY-ROUNDTRIP"], updated.Items.Select(e => e.Property).Distinct());
        Assert.All(updated.Items, e => Assert.DoesNotContain('*', e.Facet + e.Kind));
        var again = Expectations.Parse(updated.ToJson(), "e.json");
        Assert.Equal(updated.ToJson(), again.ToJson());
        Assert.Equal("lower-case-suffixes", again.Adapter);
        Assert.Empty(again.Warnings);
        Assert.StartsWith("{\n  \"format\": \"podconf.expectations/v2\"", updated.ToJson(), StringComparison.Ordinal);

        var relabelled = report.Results.Select(updated.Relabel).ToList();
        Assert.All(relabelled.Where(r => r.Signatures.Count > 0), r => Assert.Equal(Outcome.ExpectedFailure, r.Outcome));
        Assert.All(relabelled.Where(r => r.Signatures.Count == 0), r => Assert.Equal(Outcome.Passed, r.Outcome));

        var rerun = SuiteRun.Execute(BrokenAdapter.LowerCaseSuffixes, new RunOptions { Rules = "P-QTY-*", Count = 30 }, updated);
        Assert.True(rerun.AsExpected);
    }

    [Fact]
    public void The_version_1_format_is_read_as_any_signature_of_the_property_with_a_deprecation_warning()
    {
        var old = Expectations.Parse("{\"adapter\": \"podman\", \"expectations\": {\"P-LIFE-PHASE\": {\"expected\": \"fail\", \"reason\": \"no phase\", \"link\": \"l\"}}}", "old.json");
        var entry = Assert.Single(old.Items);
        Assert.Equal(new Expectation("P-LIFE-PHASE", "*", "*", "no phase", "l"), entry);
        Assert.Contains("deprecated expectations format", Assert.Single(old.Warnings), StringComparison.Ordinal);
        Assert.True(entry.Matches(new FailureSignature("P-LIFE-PHASE", "phase", "differs")));
        Assert.False(entry.Matches(new FailureSignature("P-LIFE-EVENTS", "phase", "differs")));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "expected an object")]
    [InlineData("{\"expectations\": {\"P-X\": {\"expected\": \"pass\", \"reason\": \"r\"}}}", "expectations.P-X.expected: must be \"fail\"")]
    [InlineData("{\"expectations\": {\"P-X\": {\"expected\": \"fail\"}}}", "expectations.P-X.reason: required")]
    [InlineData("{\"expectations\": 3}", "\"expectations\" must be a list")]
    [InlineData("{\"expectations\": [{\"property\": \"P-X\", \"kind\": \"differs\", \"reason\": \"r\"}]}", "expectations[0].facet: required")]
    [InlineData("{\"expectations\": [{\"property\": \"P-X\", \"facet\": \"f\", \"kind\": \"differs\"}]}", "expectations[0].reason: required")]
    [InlineData("{\"expectations\": [3]}", "expectations[0]: must be an object")]
    [InlineData("{\"adapter\": \"x\\ud800\"}", "unpaired surrogate escape")]
    [InlineData("{\"expectations\": {\"P-\\udc00\": {\"expected\": \"fail\", \"reason\": \"r\"}}}", "unpaired surrogate escape")]
    public void Malformed_files_give_clear_errors(string text, string message)
    {
        var e = Assert.Throws<ExpectationsException>(() => Expectations.Parse(text, "bad.json"));
        Assert.StartsWith("bad.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>The inner adapter, counting its runs (cases and shrink attempts).</summary>
    private sealed class CountingAdapter(IConformanceAdapter inner) : IConformanceAdapter
    {
        public int Runs { get; private set; }

        public string Name => inner.Name;

        public Capability Capabilities => inner.Capabilities;

        public ValueTask<Observation> RunAsync(Cases.ConformanceCase testCase, Model.Profiles.Profile profile, CancellationToken cancellationToken)
        {
            Runs++;
            return inner.RunAsync(testCase, profile, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
