using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Tests.Fakes;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Tests.Shared;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Adapters that crash, hang, print garbage, answer the wrong id, or never handshake: each fails the case it
/// happened on with a clear message, the cases after it still run, and after dispose nothing survives. Timeouts that
/// a test is about fire on a manual clock once the adapter is known to be stuck (its child's pid is written): no test
/// bets on what a busy machine does within a short real-time window.
/// </summary>
public sealed class RobustnessTests : IDisposable
{
    /// <summary>Generous: reached only if an adapter that should answer does not.</summary>
    private static readonly ProcessAdapterOptions Fast = new()
    {
        HandshakeTimeout = TimeSpan.FromMinutes(2),
        CaseTimeout = TimeSpan.FromMinutes(2),
        ExitGrace = TimeSpan.FromSeconds(1),
    };

    /// <summary>A real-time bound on waiting for an event that must come (a pid file, a completed task).</summary>
    private static readonly TimeSpan EventBound = TimeSpan.FromMinutes(2);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ProcessAdapter FakePython(ProcessAdapterOptions options) =>
        new([Tools.Python3!, _dir.Write("fake.py", FakeAdapters.Python), _dir.PathOf("children.pid")], options);

    private ProcessAdapter FakeShell(string script, ProcessAdapterOptions options) =>
        new([Tools.Sh!, _dir.Write("fake.sh", script), _dir.PathOf("children.pid")], options);

    /// <summary>Waits for the fake to write a child's pid: it has received what it was sent and is now stuck.</summary>
    private async Task WaitForChildAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow + EventBound;
        while (ChildPids().Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the fake adapter never wrote its child's pid");
            await Task.Delay(20);
        }
    }

    /// <summary>Moves the manual clock on until <paramref name="task"/> completes (the timeout's timer may be made after a first move).</summary>
    private static async Task<T> AdvanceUntilDoneAsync<T>(ManualClock clock, TimeSpan step, Task<T> task)
    {
        var deadline = DateTime.UtcNow + EventBound;
        while (!task.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the timeout never fired");
            clock.Advance(step);
            await Task.WhenAny(task, Task.Delay(20));
        }

        return await task;
    }

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
            Assert.False(ProcessFamily.IsRunning(pid), $"process {pid} survived the adapter's disposal");
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
    public async Task A_crash_is_reported_with_its_exit_code_or_signal_never_as_a_malformed_answer()
    {
        var adapter = FakePython(Fast);
        await using (adapter)
        {
            var half = await Run(adapter, "half-line");
            Assert.Contains("request 1 (quantity \"half-line\"): got no answer (its stdout ended inside an unterminated line (31 bytes) starting \"{\\\"type\\\": \\\"observation\\\", \\\"id\\\": 1\"): the adapter exited with code 3", half.Failure, StringComparison.Ordinal);
            Assert.DoesNotContain("malformed", half.Failure, StringComparison.Ordinal);

            var killed = await Run(adapter, "sigkill");
            Assert.Contains("request 2 (quantity \"sigkill\"): got no answer: the adapter was killed by signal 9 (exit code 137)", killed.Failure, StringComparison.Ordinal);
            Assert.Equal("after", (await Run(adapter, "after")).Quantity!.String);
        }

        AssertNothingSurvives(adapter);
    }

    [PythonFact]
    public async Task A_hang_times_out_and_its_process_tree_is_killed()
    {
        var clock = new ManualClock();
        var adapter = FakePython(Fast with { CaseTimeout = TimeSpan.FromSeconds(30), Time = clock });
        await using (adapter)
        {
            Assert.Equal("a", (await Run(adapter, "a")).Quantity!.String);
            var running = Run(adapter, "hang");
            await WaitForChildAsync();
            var hang = await AdvanceUntilDoneAsync(clock, TimeSpan.FromSeconds(30), running);
            Assert.Contains("request 2 (quantity \"hang\"): no answer within 30s (hang?); the adapter was stopped (process tree killed)", hang.Failure, StringComparison.Ordinal);
            int child = Assert.Single(ChildPids());
            Assert.False(ProcessFamily.IsRunning(child), "the hung adapter's child was killed with it");
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
            using var cts = new CancellationTokenSource();
            var running = adapter.RunAsync(new QuantityCase("hang"), Profile.Default, cts.Token).AsTask();
            await WaitForChildAsync();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await running);
            Assert.Equal("after", (await Run(adapter, "after")).Quantity!.String);
            Assert.Equal(2, adapter.StartedProcessIds.Count);
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task An_adapter_that_never_handshakes_fails_to_start_with_a_reason()
    {
        var clock = new ManualClock();
        var adapter = FakeShell(FakeAdapters.NeverHandshakes, Fast with { HandshakeTimeout = TimeSpan.FromSeconds(20), Time = clock });
        await using (adapter)
        {
            var starting = Assert.ThrowsAsync<AdapterStartException>(() => adapter.StartAsync(CancellationToken.None));
            await WaitForChildAsync();
            var e = await AdvanceUntilDoneAsync(clock, TimeSpan.FromSeconds(20), starting);
            Assert.Contains("no handshake within 20s", e.Message, StringComparison.Ordinal);
            Assert.Contains("stderr (last 1 lines): \"starting up, slowly...\"", e.Message, StringComparison.Ordinal);

            // Capabilities starts it again, and that start fails the same way (once the second child is out).
            var capabilities = Task.Run(() => Assert.Throws<AdapterStartException>(() => adapter.Capabilities));
            await WaitForChildAsync(2);
            await AdvanceUntilDoneAsync(clock, TimeSpan.FromSeconds(20), capabilities);
        }

        AssertNothingSurvives(adapter);
    }

    [ShellFact]
    public async Task Cancelling_during_the_handshake_leaves_no_process()
    {
        var adapter = FakeShell(FakeAdapters.NeverHandshakes, Fast);
        await using (adapter)
        {
            using var cts = new CancellationTokenSource();
            var starting = adapter.StartAsync(cts.Token);
            await WaitForChildAsync();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starting);
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
            var third = await Run(adapter, "3");
            Assert.StartsWith("not run: the adapter failed to start 2 times in a row; last: ", third.Failure, StringComparison.Ordinal);
            Assert.Equal(2, adapter.StartedProcessIds.Count); // no third start attempt
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
