using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// The official JavaScript and Python Kubernetes clients' quantity parsers behind the process protocol
/// (tests/examples/client-node-adapter, tests/examples/python-kubernetes-adapter): the committed divergence reports
/// are what <c>podconf run</c> finds, the expectations file holds them, and each classified divergence is still there
/// on its smallest input. Skipped with the reason where the library is not installed (.ci/setup-clients.sh).
/// </summary>
public class ClientLibraryAdapterTests
{
    private static readonly ProcessAdapterOptions Options = new()
    {
        HandshakeTimeout = TimeSpan.FromMinutes(2),
        CaseTimeout = TimeSpan.FromMinutes(2),
        WorkingDirectory = ClientLibraries.RepoRoot,
    };

    /// <summary>The run both golden reports come from: what `podconf run --rules 'P-QTY-*'` does with no other option.</summary>
    private static readonly RunOptions QuantityRun = new() { Rules = "P-QTY-*", Tolerance = TimeSpan.Zero };

    private static ProcessAdapter ClientNode() => new(["node", ClientLibraries.NodeAdapter], Options);

    private static ProcessAdapter PythonKubernetes() => new([ClientLibraries.SystemPython, ClientLibraries.PythonAdapter], Options);

    [ClientNodeFact]
    public async Task ClientNode_handshake_names_the_pinned_library()
    {
        await using var adapter = ClientNode();
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(("@kubernetes/client-node quantityToScalar", "2.0.1", Capability.Quantity), (hello.Name, hello.Version, hello.Capabilities));
        Assert.Equal("process:node " + ClientLibraries.NodeAdapter, adapter.Name);
    }

    [PythonKubernetesFact]
    public async Task PythonKubernetes_handshake_names_the_library()
    {
        await using var adapter = PythonKubernetes();
        var hello = await adapter.StartAsync(CancellationToken.None);
        Assert.Equal(("python3-kubernetes parse_quantity", Capability.Quantity), (hello.Name, hello.Capabilities));
        Assert.NotEqual("unknown", hello.Version);
    }

    [ClientNodeFact]
    public Task ClientNode_report_is_what_podconf_run_finds() => GoldenRun(ClientNode, "golden/client-node");

    [PythonKubernetesFact]
    public Task PythonKubernetes_report_is_what_podconf_run_finds() => GoldenRun(PythonKubernetes, "golden/python-kubernetes");

    [ClientNodeFact]
    public async Task ClientNode_answers_leave_out_what_the_library_does_not_compute()
    {
        await using var adapter = ClientNode();
        var q = (await adapter.RunAsync(new QuantityCase("100m"), Profile.Default, CancellationToken.None)).Quantity!;
        var unprintable = QuantityMembers.String | QuantityMembers.Canonical | QuantityMembers.Format | QuantityMembers.Error;
        Assert.Equal((true, unprintable, 1L, 100L), (q.Ok, q.NotObserved, q.Value, q.MilliValue));

        // Go's Value() of a negative depends on its representation (QTY-031, QTY-038): not observed, not guessed.
        var negative = (await adapter.RunAsync(new QuantityCase("-1000Ti"), Profile.Default, CancellationToken.None)).Quantity!;
        Assert.Equal(unprintable | QuantityMembers.Value | QuantityMembers.MilliValue, negative.NotObserved);
    }

    [ClientNodeTheory]
    [MemberData(nameof(ClientNodeDivergences))]
    public Task ClientNode_divergence_holds_on_its_smallest_input(string id, string property, string input, bool ok, long? value) =>
        Divergence(ClientNode, id, property, input, ok, value);

    [PythonKubernetesTheory]
    [MemberData(nameof(PythonKubernetesDivergences))]
    public Task PythonKubernetes_divergence_holds_on_its_smallest_input(string id, string property, string input, bool ok, long? value) =>
        Divergence(PythonKubernetes, id, property, input, ok, value);

    [PythonKubernetesTheory]
    [InlineData("SNANE", "decimal.InvalidOperation")]
    [InlineData("sNaNk", "decimal.InvalidOperation")]
    [InlineData("1e999997k", "decimal.Overflow")]
    public async Task PythonKubernetes_exception_outside_its_contract_is_an_adapter_error(string input, string exception)
    {
        // divergences.md class exception-outside-contract: Go rejects these too, but the docstring promises ValueError.
        await using var adapter = PythonKubernetes();
        var o = await adapter.RunAsync(new QuantityCase(input), Profile.Default, CancellationToken.None);
        Assert.Contains("the adapter reported an error: parse_quantity raised " + exception, o.Failure, StringComparison.Ordinal);
        Assert.Contains("not the documented ValueError", o.Failure, StringComparison.Ordinal);
        Assert.False(ModelAdapter.Run(new QuantityCase(input), Profile.Default).Quantity!.Ok, "Go rejects " + input);
    }

    /// <summary>golden/client-node/divergences.md, one row per class (a second row: the everyday example): id, the property that finds it, the smallest input, the library's ok and value (null: not observed).</summary>
    public static TheoryData<string, string, string, bool, long?> ClientNodeDivergences => new()
    {
        { "bigint-rejects-non-integer", "P-QTY-PARSE", ".E", false, null },
        { "bigint-rejects-non-integer", "P-QTY-PARSE", "1.5Gi", false, null },
        { "accepts-empty-text", "P-QTY-PARSE", "", true, 0 },
        { "accepts-javascript-number-syntax", "P-QTY-PARSE", " ", true, 0 },
        { "nan-for-malformed-n-u-m", "P-QTY-PARSE", " .m", true, null },
        { "rejects-digitless-zero", "P-QTY-PARSE", "+", false, null },
        { "double-precision", "P-QTY-VALUE", "9007199254740993", true, 9007199254740992 },
        { "double-underflow", "P-QTY-VALUE", "1e-324", true, 0 },
    };

    /// <summary>golden/python-kubernetes/divergences.md, one row per class (as <see cref="ClientNodeDivergences"/>).</summary>
    public static TheoryData<string, string, string, bool, long?> PythonKubernetesDivergences => new()
    {
        { "accepts-whitespace", "P-QTY-PARSE", " 0", true, 0 },
        { "accepts-unicode-digits", "P-QTY-PARSE", "\u0661", true, 1 },
        { "accepts-decimal-syntax", "P-QTY-PARSE", "0_", true, 0 },
        { "accepts-decimal-syntax", "P-QTY-PARSE", "1_0", true, 10 },
        { "accepts-uppercase-K", "P-QTY-PARSE", "0K", true, 0 },
        { "accepts-lowercase-binary-suffixes", "P-QTY-PARSE", "0mi", true, 0 },
        { "rejects-digitless-zero", "P-QTY-PARSE", "+", false, null },
        { "precision-28-digits", "P-QTY-VALUE", "1.0000000000000000000000000001k", true, 1000 },
    };

    private static async Task GoldenRun(Func<ProcessAdapter> make, string dir)
    {
        string root = ClientLibraries.RepoRoot!;
        await using var adapter = make();
        var run = SuiteRun.Execute(adapter, QuantityRun);
        string fresh = MarkdownReport.Render(run);
        string path = Path.Combine(root, dir, "report.md");
        if (Environment.GetEnvironmentVariable("PODCONF_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, fresh);
        }

        string command = "podconf run --adapter \"" + adapter.Name + "\" --rules 'P-QTY-*' --markdown " + dir + "/report.md";
        Assert.True(File.Exists(path), "missing " + dir + "/report.md: run `" + command + "` from the repository root");
        string committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == fresh, dir + "/report.md drifted (the library changed?); regenerate with `" + command + "` and reclassify in " + dir + "/divergences.md. Fresh report:\n" + fresh);

        // Every failure is an expected one, and every expected one still fails: the library is deterministic, so its file
        // is strict (no merged report runs, no flaky entries) and no entry may go unseen.
        var known = Expectations.Read(Path.Combine(root, dir, "expectations.json"));
        Assert.Equal(0, known.Runs);
        var mapped = SuiteRun.Execute(adapter, QuantityRun, known).Results;
        Assert.All(mapped, r => Assert.True(r.Outcome is not (Outcome.Failed or Outcome.UnexpectedPass), r.Property.Id + ": " + r.Outcome + " " + r.Reason));
        Assert.All(mapped, r => Assert.True(r.NotSeen.Count == 0, r.Property.Id + ": not seen " + string.Join(", ", r.NotSeen)));
        Assert.Contains(mapped, r => r.Outcome == Outcome.ExpectedFailure);
    }

    private static async Task Divergence(Func<ProcessAdapter> make, string id, string propertyId, string input, bool ok, long? value)
    {
        await using var adapter = make();
        var testCase = new QuantityCase(input);
        var expected = ModelAdapter.Run(testCase, Profile.Default);
        var actual = await adapter.RunAsync(testCase, Profile.Default, CancellationToken.None);
        Assert.Null(actual.Failure);
        var q = actual.Quantity!;
        Assert.Equal(ok, q.Ok);
        Assert.Equal(value, q.Ok && (q.NotObserved & QuantityMembers.Value) == 0 ? q.Value : null);

        // The property the class is listed under fails on this input: podconf run reports it.
        var property = Catalog.All.Single(p => p.Id == propertyId);
        var verdict = property.Compare(testCase, expected, actual);
        Assert.False(verdict.Pass, id + ": " + propertyId + " passes on " + input);
    }
}
