using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Time;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Podman.Report;

/// <summary>
/// podman against the model on the lifecycle properties: which pass, which fail, with the shrunk
/// counterexamples; written as golden/podman/report.md and golden/podman/expectations.json. The cases and
/// their order follow from the seed alone; what podman answers can vary with the machine's speed (timings
/// are reported, never compared, except by the timing views that are expected to fail). Which failure signatures a
/// case shows also varies with timing, so the expectations are the union over several report runs
/// (<see cref="Expectations.Merge"/>), each signature with the number of runs it was seen in.
/// </summary>
public sealed class PodmanReport(ulong seed, int count, int maxShrinkAttempts)
{
    /// <summary>Why each known deviation exists; a failure without an entry gets its failure detail as reason.</summary>
    public static IReadOnlyDictionary<string, string> KnownDeviations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["P-LIFE-PHASE"] = "podman has no pod phase, and where its lifecycle differs the mapped phase does: a succeeded init container under restartPolicy Always is restarted forever (Pending, never Running), a failed init container leaves the pod Degraded (Pending, not Failed)",
        ["P-LIFE-CONDITIONS"] = "podman has no pod conditions (PodScheduled, Initialized, ContainersReady, Ready…): the adapter reports none",
        ["P-LIFE-CONTAINERS"] = "no image pull: kube play creates and starts the containers within ~0.7 s, so the model's ContainerCreating-while-pulling step is missed or differs; a missing image's ErrImagePull/ImagePullBackOff are the adapter's answer (podman is not asked), at its polls, not the kubelet's syncs; restarts come at once, never CrashLoopBackOff",
        ["P-LIFE-RESTARTS"] = "podman applies the pod's restart policy to init containers too: under restartPolicy Always a succeeded init container is restarted again and again and the app containers never start; and it restarts at once, with no CrashLoopBackOff back-off (10s, 20s, 40s…)",
        ["P-LIFE-KUBECTL"] = "the kubectl row follows the container states: no pull step as the model has it, never CrashLoopBackOff (ErrImagePull and ImagePullBackOff only as the adapter answers a missing image), restarts ahead of Kubernetes'",
        ["P-LIFE-EVENTS"] = "podman's events are not Kubernetes events (no Scheduled, Pulling, Pulled, Created, Started, BackOff): the adapter reports none",
        ["P-LIFE-TIMING"] = "real time: kube play alone takes ~0.7 s (3.5 virtual seconds at the 0.2 scale), podman has no pull or back-off delays, and polling sees changes up to 100 ms late",
    };

    public const string ReportPath = "golden/podman/report.md";

    public async Task<IReadOnlyList<PropertyResult>> RunAsync(IConformanceAdapter podman, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(podman);
        var cached = new CachingAdapter(podman);
        var model = new CachingAdapter(new ModelAdapter());
        var properties = Catalog.All.Where(p => p.Id.StartsWith("P-LIFE-", StringComparison.Ordinal)).ToList();

        // Every failure is collected (the run goes through all cases), so the expectations name every signature seen.
        var runner = new SuiteRunner(model, cached, Profile.Default)
        {
            MaxShrinkAttempts = maxShrinkAttempts,
            MaxExpectedShrinkAttempts = maxShrinkAttempts,
            Expectations = Expectations.CollectingAll("podman", properties),
        };
        var results = new List<PropertyResult>();
        foreach (var property in properties)
        {
            results.Add(await Task.Run(() => runner.Run(property, seed, count, ct), ct).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// The report of this run (<paramref name="results"/>) beside the expectations it was merged into
    /// (<paramref name="merged"/>, from <see cref="Merge"/>): every signature of the merged file is listed, with this
    /// run's cases and the runs it was seen in, so the report shows exactly what the file expects.
    /// </summary>
    public string Markdown(IReadOnlyList<PropertyResult> results, Expectations merged, PodmanOptions options, string podmanVersion)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(options);
        var md = new StringBuilder();
        void Line(string s = "") => md.Append(s).Append('\n');
        Line("# podman against the model: lifecycle conformance");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"podman {podmanVersion} (runc, cgroupfs; `podman kube play --network none`), Kubernetes {Profile.Default}, seed {seed}, {count} cases per property, at most {maxShrinkAttempts} shrink attempts."));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Time scale {options.TimeScale}: a virtual second of the scenario is {options.TimeScale * 1000:0} ms of real time; observation stops after {options.MaxWindow.TotalSeconds:0} s of real time ({options.ToVirtual(options.MaxWindow).TotalSeconds:0} virtual seconds); offsets below are virtual."));
        Line("Regenerate: `PODCONF_PODMAN_REPORT=1 dotnet test tests/PodConformance.Adapters.Podman.Tests --filter Regenerate_report` (one fresh run), then the same with `PODCONF_PODMAN_REPORT=merge` once or twice, one after another (spec/adapter-podman.md, \"The report\").");
        string runs = merged.Runs.ToString(CultureInfo.InvariantCulture);
        Line(merged.Runs > 1
            ? "The cases, counterexamples and timelines below are the last run's; the failure signatures (and golden/podman/expectations.json) are the union of "
              + runs + " report runs of the same cases, each with the runs it was seen in: podman's timing decides which signatures a case shows. A signature seen in fewer than "
              + runs + " runs is flaky: `podconf run` does not fail when it is absent, and still fails on any signature not listed."
            : "One report run: golden/podman/expectations.json lists the signatures it saw; merge further runs (`PODCONF_PODMAN_REPORT=merge`) to collect those podman shows only sometimes.");
        Line("The model's timeline runs to the scenario's `until`; podman's stops at the window, which is part of every difference below.");
        Line();
        Line("| property | result | cases | known deviation |");
        Line("|---|---|---|---|");
        foreach (var r in results)
        {
            string known = r.Signatures.Count > 0 || merged.For(r.Property.Id).Count > 0 ? "[yes](#" + Anchor(r.Property.Id) + ")" : "";
            Line(string.Create(CultureInfo.InvariantCulture, $"| {r.Property.Id} | {Word(r.Outcome)} | {r.CasesRun} | {known} |"));
        }

        foreach (var r in results)
        {
            Line();
            Line("## " + r.Property.Id);
            Line();
            Line(r.Property.Title + " (" + r.Property.Spec + "). **" + Word(r.Outcome) + "**.");
            if (r.Outcome == Outcome.Error)
            {
                Line();
                Line("Error (not a deviation: no expectation covers it): " + r.Reason);
            }

            // An error ends the property, but the signatures seen before it are still listed, with the first one's example;
            // signatures of earlier runs are listed even when this run saw none.
            var cx = r.Counterexample ?? (r.Signatures.Count > 0 ? r.Signatures[0].Example : null);
            var expected = merged.For(r.Property.Id);
            if (cx is null && expected.Count == 0)
            {
                continue;
            }

            Line();
            if (KnownDeviations.TryGetValue(r.Property.Id, out string? why))
            {
                Line("Why: " + why + ".");
                Line();
            }

            Line("Failure signatures (property [facet: kind], cases of " + count.ToString(CultureInfo.InvariantCulture)
                + (merged.Runs > 1 ? " in the last run, and in how many of the " + runs + " runs it was seen" : "") + "):");
            Line();
            foreach (var s in r.Signatures)
            {
                var entry = expected.FirstOrDefault(e => e.Matches(s.Signature));
                Line("- `" + s.Signature + "`: " + s.Cases.ToString(CultureInfo.InvariantCulture) + SeenNote(entry, merged));
            }

            foreach (var e in expected.Where(e => !r.Signatures.Any(s => e.Matches(s.Signature))))
            {
                Line("- `" + e + "`: 0" + SeenNote(e, merged));
            }

            Line();
            if (cx is null)
            {
                Line(r.Outcome == Outcome.Error ? "No failure before the error in the last run." : "No case failed in the last run.");
                continue;
            }

            Line(string.Create(CultureInfo.InvariantCulture, $"Case {cx.CaseIndex} failed; shrunk {PodConformance.Suite.Reports.Plural.Times(cx.Shrinks)}. {cx.Detail}"));
            Line();
            if (cx.Shrunk is PodCase p)
            {
                Line("```yaml");
                md.Append(PodManifestWriter.ToYaml(p.Pod));
                Line("```");
                Line();
                Line("Scenario: " + ScenarioText.Describe(p));
                Line();
            }

            Line("Model (expected):");
            Line();
            Timeline(md, cx.Expected);
            Line("podman (actual):");
            Line();
            Timeline(md, cx.Actual);
        }

        return md.ToString();
    }

    /// <summary><c> (2 of 3 runs, flaky)</c> beside a signature of a merged file; nothing for a single run.</summary>
    private static string SeenNote(Expectation? entry, Expectations merged) =>
        merged.Runs <= 1 || entry is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" ({entry.SeenInRuns} of {merged.Runs} runs{(entry.Flaky ? ", flaky" : "")})");

    private static void Timeline(StringBuilder md, Observation o)
    {
        md.Append("```text\n");
        if (o.Failure is { } failure)
        {
            md.Append("adapter failure: ").Append(failure).Append('\n');
        }
        else if (o.Lifecycle is { } l)
        {
            foreach (var s in l.Samples)
            {
                md.Append(SampleText.Format(s)).Append('\n');
            }

            foreach (var e in l.Events)
            {
                md.Append("event +").Append(GoDuration.Format(e.Offset)).Append(' ').Append(e.Type).Append(' ').Append(e.Reason).Append('\n');
            }
        }

        md.Append("```\n\n");
    }

    /// <summary>
    /// The expectations file (Suite/Running/Expectations.cs, format v2) after this run: <paramref name="previous"/>
    /// (<see cref="Expectations.None"/> for a fresh file; the committed file to add a run) with this run's signatures
    /// merged in, each entry counting the runs it was seen in, and every entry's reason and link taken from
    /// <see cref="KnownDeviations"/> and the report. Errors (kube play that created nothing) get no entry: no expectation
    /// can cover them.
    /// </summary>
    public static Expectations Merge(IReadOnlyList<PropertyResult> results, Expectations previous)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(previous);
        var merged = previous.Merge("podman", results);
        var items = merged.Items.Select(e => e with
        {
            Reason = KnownDeviations.TryGetValue(e.Property, out string? why) ? why : e.Reason,
            Link = ReportPath + "#" + Anchor(e.Property),
        });
        return new Expectations("podman", items, runs: merged.Runs);
    }

    /// <summary>GitHub's heading anchor for a property ID.</summary>
    public static string Anchor(string id) => id.ToLowerInvariant();

    private static string Word(Outcome o) => o switch
    {
        Outcome.Passed => "pass",
        Outcome.Failed or Outcome.ExpectedFailure => "fail",
        Outcome.Error => "error",
        Outcome.Skipped => "skipped",
        _ => o.ToString().ToLowerInvariant(),
    };
}
