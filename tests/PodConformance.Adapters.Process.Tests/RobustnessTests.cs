using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Tests.Fakes;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Adapters that crash, hang, print garbage, answer the wrong id, or never handshake: each fails the case it
/// happened on with a clear message, the cases after it still run, and after dispose nothing survives.
/// </summary>
public sealed class RobustnessTests : IDisposable
{
    private static readonly ProcessAdapterOptions Fast = new()
    {
        HandshakeTimeout = TimeSpan.FromSeconds(10),
        CaseTimeout = TimeSpan.FromSeconds(5),
        ExitGrace = TimeSpan.FromSeconds(1),
    };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ProcessAdapter FakePython(ProcessAdapterOptions options) =>
        new([Tools.Python3!, _dir.Write("fake.py", FakeAdapters.Python), _dir.PathOf("children.pid")], options);

    private ProcessAdapter FakeShell(string script, ProcessAdapterOptions options) =>
        new([Tools.Sh!, _dir.Write("fake.sh", script), _dir.PathOf("children.pid")], options);

    private IEnumerable<int> ChildPids() =>
        File.Exists(_dir.PathOf("children.pid"))
            ? File.ReadAllLines(_dir.PathOf("children.pid")).Where(l => l.Length > 0).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))
            : [];

    private static async Task<Observation> Run(ProcessAdapter adapter, string input) =>
        await adapter.RunAsync(new QuantityCase(input), Profile.Default, CancellationToken.None);

    private void AssertNothingSurvives(ProcessAdapter adapter)
    {
        var pids = adapter.StartedProcessIds.Concat(ChildPids()).ToList();
        Assert.NotEmpty(pids);
        foreach (int pid in pids)
        {
            Assert.False(ProcessTree.IsRunning(pid), $"process {pid} survived the adapter's disposal");
        }
    }

    [PythonFact]
    public async Task Each_misbehaviour_fails_only_its_own_case()
    {
        var adapter = FakePython(Fast);
        await using (adapter)
        {
            Assert.Equal("a", (await Run(adapter, "a")).Quantity!.String);

            var crash = await Run(adapter, "crash");
            Assert.Contains("request 2 (quantity \"crash\"): got no answer: the adapter exited with code 3; it is restarted for the next case", crash.Failure, StringComparison.Ordinal);
            Assert.Contains("stderr (last 1 lines): \"Traceback: fake adapter crashed on purpose\"", crash.Failure, StringComparison.Ordinal);
            Assert.Equal("b", (await Run(adapter, "b")).Quantity!.String);

            var garbage = await Run(adapter, "garbage");
            Assert.Contains("malformed answer: not valid JSON", garbage.Failure, StringComparison.Ordinal);
            Assert.Contains("received \"Segmentation fault (not really) \\u0001\\u0002 {oops\"; the adapter was stopped (process tree killed) and is restarted", garbage.Failure, StringComparison.Ordinal);
            Assert.Equal("c", (await Run(adapter, "c")).Quantity!.String);

            var wrongId = await Run(adapter, "wrong-id");
            Assert.Contains("request 6 (quantity \"wrong-id\"): answer for id 106 while waiting for id 6; received \"{\\\"type\\\": \\\"observation\\\", \\\"id\\\": 106,", wrongId.Failure, StringComparison.Ordinal);
            Assert.Equal("d", (await Run(adapter, "d")).Quantity!.String);

            var malformed = await Run(adapter, "malformed");
            Assert.Contains("request 8 (quantity \"malformed\"): malformed answer: observation.quantity.canonical: required field is missing", malformed.Failure, StringComparison.Ordinal);
            Assert.DoesNotContain("restarted", malformed.Failure, StringComparison.Ordinal);
            var typo = await Run(adapter, "typo");
            Assert.Contains("observation.quantitiy: unknown field", typo.Failure, StringComparison.Ordinal);
            var refused = await Run(adapter, "refuse");
            Assert.Contains("request 10 (quantity \"refuse\"): the adapter reported an error: cannot do that", refused.Failure, StringComparison.Ordinal);
            Assert.Equal("e", (await Run(adapter, "e")).Quantity!.String);

            var binary = await Run(adapter, "binary");
            Assert.Contains("unreadable output: stdout is not valid UTF-8", binary.Failure, StringComparison.Ordinal);
            Assert.Equal("f", (await Run(adapter, "f")).Quantity!.String);

            // Restarted after the crash, the garbage, the wrong id and the invalid UTF-8; not after well-framed bad answers.
            Assert.Equal(5, adapter.StartedProcessIds.Count);
        }

        AssertNothingSurvives(adapter);
    }

    [PythonFact]
    public async Task A_hang_times_out_and_its_process_tree_is_killed()
    {
        var adapter = FakePython(Fast with { CaseTimeout = TimeSpan.FromMilliseconds(1500) });
        await using (adapter)
        {
            Assert.Equal("a", (await Run(adapter, "a")).Quantity!.String);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var hang = await Run(adapter, "hang");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the timeout bounds the wait");
            Assert.Contains("request 2 (quantity \"hang\"): no answer within 1.5s (hang?); the adapter was stopped (process tree killed)", hang.Failure, StringComparison.Ordinal);
            int child = Assert.Single(ChildPids());
            Assert.False(ProcessTree.IsRunning(child), "the hung adapter's child was killed with it");
            Assert.Equal("b", (await Run(adapter, "b")).Quantity!.String);
        }

        AssertNothingSurvives(adapter);
    }

    [PythonFact]
    public async Task Cancelling_a_case_in_flight_restarts_the_adapter()
    {
        var adapter = FakePython(Fast);
        await using (adapter)
        {
            await adapter.StartAsync(CancellationToken.None);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await adapter.RunAsync(new QuantityCase("hang"), Profile.Default, cts.Token));
            Assert.Equal("after", (await Run(adapter, "after")).Quantity!.String);
            Assert.Equal(2, adapter.StartedProcessIds.Count);
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task An_adapter_that_never_handshakes_fails_to_start_with_a_reason()
    {
        var adapter = FakeShell(FakeAdapters.NeverHandshakes, Fast with { HandshakeTimeout = TimeSpan.FromMilliseconds(700) });
        await using (adapter)
        {
            var e = await Assert.ThrowsAsync<AdapterStartException>(() => adapter.StartAsync(CancellationToken.None));
            Assert.Contains("no handshake within 0.7s", e.Message, StringComparison.Ordinal);
            Assert.Contains("stderr (last 1 lines): \"starting up, slowly...\"", e.Message, StringComparison.Ordinal);
            Assert.Throws<AdapterStartException>(() => adapter.Capabilities);
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task Cancelling_during_the_handshake_leaves_no_process()
    {
        var adapter = FakeShell(FakeAdapters.NeverHandshakes, Fast);
        await using (adapter)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapter.StartAsync(cts.Token));
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task Cases_fail_while_the_adapter_cannot_start_and_then_fail_fast()
    {
        var adapter = FakeShell(FakeAdapters.NeverHandshakes, Fast with { HandshakeTimeout = TimeSpan.FromMilliseconds(500), MaxConsecutiveStartFailures = 2 });
        await using (adapter)
        {
            var first = await Run(adapter, "1");
            Assert.Contains("could not (re)start the adapter for quantity \"1\": process:", first.Failure, StringComparison.Ordinal);
            Assert.Contains("no handshake within 0.5s", first.Failure, StringComparison.Ordinal);
            await Run(adapter, "2");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var third = await Run(adapter, "3");
            Assert.StartsWith("not run: the adapter failed to start 2 times in a row; last: ", third.Failure, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(400), "no third start attempt");
            Assert.Equal(2, adapter.StartedProcessIds.Count);
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task Another_protocol_version_is_refused_at_the_handshake()
    {
        var adapter = FakeShell(FakeAdapters.WrongProtocol, Fast);
        await using (adapter)
        {
            var e = await Assert.ThrowsAsync<AdapterStartException>(() => adapter.StartAsync(CancellationToken.None));
            Assert.Contains("bad handshake: protocol: the adapter speaks \"podconf.adapter/v0\", podconf speaks \"podconf.adapter/v1\"", e.Message, StringComparison.Ordinal);
        }

        AssertNothingSurvives(adapter);
    }

    [Fact]
    public async Task A_missing_program_is_a_start_failure_not_a_crash()
    {
        await using var adapter = ProcessAdapter.Parse("process:/nonexistent/podconf-sim --flag", Fast);
        var e = await Assert.ThrowsAsync<AdapterStartException>(() => adapter.StartAsync(CancellationToken.None));
        Assert.StartsWith("process:/nonexistent/podconf-sim --flag: could not start \"/nonexistent/podconf-sim\"", e.Message, StringComparison.Ordinal);
        var o = await Run(adapter, "1");
        Assert.Contains("could not (re)start the adapter", o.Failure, StringComparison.Ordinal);
    }
}
