using FsCheck.Fluent;
using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// A real cross-language run: tests/examples/python-adapter/adapter.py (standard library only) behind the protocol,
/// compared with the model by the suite's own runner, which must find the divergence the adapter documents.
/// </summary>
public class PythonAdapterTests
{
    private static readonly ProcessAdapterOptions Options = new() { HandshakeTimeout = TimeSpan.FromMinutes(2), CaseTimeout = TimeSpan.FromMinutes(2) };

    private static ProcessAdapter Python() =>
        new([Tools.Python3!, Path.Combine(AppContext.BaseDirectory, "python-adapter", "adapter.py")], Options);

    /// <summary>Inputs where the Python implementation and Kubernetes agree: the common cases it claims.</summary>
    public static readonly string[] Common =
        ["1.5Gi", "+100m", "1.253", "01k", "1E3", "100m", "0.1m", "-", ".", "1KB", "1 ", ".e-10", "1Ki", "1024", "0.000000000001Ki", "-1.5Gi", "12e-3", "2000000m", "500Mi", "0.5", "1e-99"];

    private static ConformanceProperty QuantityAgreement(params string[] inputs) => new()
    {
        Id = "QTY-PY",
        Title = "quantities parse and print as Kubernetes does",
        Covers = ["QTY-020", "QTY-021", "QTY-022"],
        Spec = "spec/quantity.md",
        Source = "staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go",
        Needs = Capability.Quantity,
        Cases = _ => Gen.Elements(inputs).Select(t => (ConformanceCase)new QuantityCase(t)),
        Shrink = _ => [],
        Compare = (_, expected, actual) => expected.Quantity == actual.Quantity
            ? Verdict.Ok
            : Verdict.Fail("model " + expected.Quantity + ", adapter " + actual.Quantity),
    };

    [PythonFact]
    public async Task Handshake_declares_the_quantity_capability()
    {
        await using var python = Python();
        var hello = await python.StartAsync(CancellationToken.None);
        Assert.Equal(("python-quantity", "0.1.0", Capability.Quantity), (hello.Name, hello.Version, hello.Capabilities));
        Assert.Contains(KubernetesVersion.Newest, hello.KubernetesVersions);
    }

    [PythonFact]
    public async Task Accepts_pipelining_only_when_offered()
    {
        // Its loop answers line by line in order, so it may take requests ahead (PROTO-005), but only in answer to the
        // offer: podconf with MaxInFlight 1 makes none, and a hello with maxInFlight then would be refused.
        await using var offered = Python();
        Assert.Equal(32, (await offered.StartAsync(CancellationToken.None)).MaxInFlight);
        await using var plain = new ProcessAdapter([Tools.Python3!, Path.Combine(AppContext.BaseDirectory, "python-adapter", "adapter.py")], Options with { MaxInFlight = 1 });
        Assert.Equal(1, (await plain.StartAsync(CancellationToken.None)).MaxInFlight);
    }

    [PythonFact]
    public async Task Agrees_with_the_model_on_the_common_cases()
    {
        await using var python = Python();
        foreach (string input in Common)
        {
            var expected = ModelAdapter.Run(new QuantityCase(input), Profile.Default);
            var actual = await python.RunAsync(new QuantityCase(input), Profile.Default, CancellationToken.None);
            Assert.Null(actual.Failure);
            Assert.Equal(expected.Quantity, actual.Quantity);
        }
    }

    [PythonFact]
    public async Task The_suite_reports_the_documented_divergence_as_a_failure_with_the_case()
    {
        await using var python = Python();
        var runner = new SuiteRunner(new ModelAdapter(), python, Profile.Default);

        var agree = runner.Run(QuantityAgreement("1.5Gi", "+100m", "1.253", "500Mi"), seed: 7, count: 8);
        Assert.Equal(Outcome.Passed, agree.Outcome);

        var result = runner.Run(QuantityAgreement("1.5Gi", "+100m", "1000E", "500Mi"), seed: 7, count: 20);
        Assert.Equal(Outcome.Failed, result.Outcome);
        var counterexample = result.Counterexample!;
        Assert.Equal(new QuantityCase("1000E"), counterexample.Shrunk);

        // Kubernetes 1.28-1.37 drop the suffix (kubernetes/kubernetes#141249); the Python adapter prints the fixed form.
        Assert.Equal("1", counterexample.Expected.Quantity!.String);
        Assert.Equal("1e21", counterexample.Actual.Quantity!.String);
        Assert.Contains("adapter QuantityObservation { Ok = True, String = 1e21", result.Reason, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task An_adapter_error_fails_that_case_and_the_run_goes_on()
    {
        await using var python = Python();
        var failed = await python.RunAsync(new QuantityCase("1e100000"), Profile.Default, CancellationToken.None);
        Assert.Contains("request 1 (quantity \"1e100000\"): the adapter reported an error: exponents beyond +-1000 are not implemented", failed.Failure, StringComparison.Ordinal);
        var next = await python.RunAsync(new QuantityCase("2Gi"), Profile.Default, CancellationToken.None);
        Assert.Equal("2Gi", next.Quantity!.String);
        Assert.Single(python.StartedProcessIds);

        var pod = await python.RunAsync(new PodCase(new Model.Api.Pod()), Profile.Default, CancellationToken.None);
        Assert.Contains("only quantity cases are implemented", pod.Failure, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task Cases_for_an_undeclared_release_are_not_sent()
    {
        await using var python = Python();
        var o = await python.RunAsync(new QuantityCase("1"), new Profile(new KubernetesVersion(1, 27), default), CancellationToken.None);
        Assert.Contains("not sent: the adapter does not implement Kubernetes 1.27 (it declares 1.28, 1.29", o.Failure, StringComparison.Ordinal);
    }
}
