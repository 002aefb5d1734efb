using System.Globalization;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process;

/// <summary>
/// Any program that speaks spec/adapter-protocol.md on stdin/stdout, as an <see cref="IConformanceAdapter"/>:
/// a simulator in Go, Python, Rust… is verified exactly like the model. Every way the program can misbehave
/// (crash, hang, garbage, wrong id, malformed observation) fails the one case it happened on, with a message
/// quoting what arrived and the end of its stderr; the process is restarted for the next case, and on dispose
/// no process it started survives. An adapter that accepts several requests in flight (PROTO-005) is sent cases ahead
/// (<see cref="IPipeliningAdapter"/>): its answers are read in order, each for the case it was sent for.
/// </summary>
public sealed class ProcessAdapter : IPipeliningAdapter
{

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<int> _startedPids = [];
    private readonly SecretBook _secrets = new();
    private AdapterProcess? _process;
    private AdapterHello? _hello;
    private long _nextId;

    /// <summary>The request being sent, in UTF-8 (one request at a time: runs hold the lock).</summary>
    private System.Buffers.ArrayBufferWriter<byte> _request = new(16 * 1024);
    /// <summary>Requests sent ahead and not yet asked for, oldest first; all to <see cref="_process"/> (<see cref="Stop"/> clears them).</summary>
    private readonly Queue<SentAhead> _ahead = new();

    /// <summary>The bytes of <see cref="_ahead"/>'s requests: not all read by the adapter yet, at most.</summary>
    private int _aheadBytes;
    private int _consecutiveStartFailures;
    private string? _unusable;
    private bool _disposed;

    public ProcessAdapter(IReadOnlyList<string> command, ProcessAdapterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0 || command[0].Length == 0)
        {
            throw new ArgumentException("the command is empty", nameof(command));
        }

        Command = command;
        Options = options ?? ProcessAdapterOptions.Default;
        Name = CommandLine.Prefix + CommandLine.Join(command);
    }

    /// <summary>
    /// The adapter for a spec <c>process:CMD ARGS</c> (argv split without a shell, see <see cref="CommandLine"/>).
    /// Not started yet: <see cref="StartAsync"/> (or the first <see cref="Capabilities"/> or run) starts it.
    /// </summary>
    public static ProcessAdapter Parse(string spec, ProcessAdapterOptions? options = null) =>
        new(CommandLine.ParseSpec(spec), options);

    public string Name { get; }

    public IReadOnlyList<string> Command { get; }

    public ProcessAdapterOptions Options { get; }

    /// <summary>The adapter's handshake, once it has started.</summary>
    public AdapterHello? Hello => _hello;

    /// <summary>
    /// What the adapter declared in its handshake. Starts it if needed; throws <see cref="AdapterStartException"/>
    /// if it cannot be started, since an adapter whose capabilities are unknown cannot be run honestly.
    /// </summary>
    public Capability Capabilities => (_hello ?? StartAsync(CancellationToken.None).GetAwaiter().GetResult()).Capabilities;

    /// <summary>Cases answered from a request sent ahead (PROTO-005): how much of a run was pipelined.</summary>
    public long AnsweredAhead { get; private set; }

    /// <summary>The running adapter's pid, if one is running.</summary>
    public int? ProcessId => _process?.Pid;

    /// <summary>Every pid this adapter started (restarts included), so tests and callers can check none survives.</summary>
    public IReadOnlyList<int> StartedProcessIds
    {
        get
        {
            lock (_startedPids)
            {
                return [.. _startedPids];
            }
        }
    }

    /// <summary>Starts the process and completes the handshake, unless already running; throws <see cref="AdapterStartException"/> saying why it could not.</summary>
    public async Task<AdapterHello> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is not null && _hello is not null)
            {
                return _hello;
            }

            return await StartLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(profile);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return Observation.Failed(Name + ": the adapter was disposed");
            }

            return await RunLockedAsync(testCase, profile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends the case's request now, without waiting for the adapter, when it accepts more in flight (its hello's
    /// <c>maxInFlight</c> and <see cref="ProcessAdapterOptions.MaxInFlight"/>) and it is running, and the request cannot
    /// make podconf wait: the first in flight, or with those unanswered within <see cref="AdapterProcess.PipeRoom"/>;
    /// false otherwise (nothing sent: <see cref="RunAsync"/> runs the case as usual).
    /// </summary>
    public bool TrySendAhead(ConformanceCase testCase, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(profile);
        if (!_gate.Wait(0))
        {
            return false;
        }

        try
        {
            // A window of 1 is one request at a time (PROTO-004): such an adapter gets each request from RunAsync, as always.
            if (_disposed || _unusable is not null || _process is not { } process || _hello is not { } hello
                || Math.Min(hello.MaxInFlight, Options.MaxInFlight) is var window && (window <= 1 || _ahead.Count >= window)
                || !hello.Supports(profile.Version) || process.HasExited || NotSent(testCase, hello) is not null)
            {
                return false;
            }

            long id = _nextId + 1;
            _request.ResetWrittenCount();
            ProtocolMessages.WriteRunLine(_request, id, testCase, profile, Options.WithholdSecrets);
            int bytes = _request.WrittenCount;
            if (_ahead.Count > 0 && _aheadBytes + bytes > AdapterProcess.PipeRoom)
            {
                KeepRequestBufferSmall();
                return false;
            }

            if (testCase is PodCase { Objects: { } objects })
            {
                _secrets.Add(objects, Options.WithholdSecrets);
            }

            _nextId = id;
            _ahead.Enqueue(new SentAhead(testCase, profile, id, bytes));
            _aheadBytes += bytes;
            process.Post(_request.WrittenSpan);
            KeepRequestBufferSmall();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the answers to the cases sent ahead and throws them away; see <see cref="IPipeliningAdapter.DropAheadAsync"/>.</summary>
    public async ValueTask DropAheadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await DropAheadLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Each answer to a case sent ahead is read (within the case timeout) and dropped; anything but a well-framed answer for
    /// its id (a hang, an exit, garbage, another id) means the output is out of step: the adapter is stopped and starts
    /// afresh for the next case, and nothing of it is reported — those cases were never asked for. Cancelled, it is stopped
    /// at once (PROTO-042).
    /// </summary>
    private async Task DropAheadLockedAsync(CancellationToken cancellationToken)
    {
        while (_ahead.TryDequeue(out var sent))
        {
            _aheadBytes -= sent.Bytes;
            if (_process is not { } process || cancellationToken.IsCancellationRequested)
            {
                Stop();
                return;
            }

            LineRead read;
            try
            {
                read = await process.ReadLineAsync(Options.CaseTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Stop();
                return;
            }

            if (read.Kind != LineKind.Line || !AnswersInStep(read, sent.Id))
            {
                Stop();
                return;
            }
        }
    }

    /// <summary>Whether a line is the adapter's one answer to request <paramref name="id"/>: an observation or error for it (or an error for none, PROTO-017).</summary>
    private static bool AnswersInStep(LineRead read, long id)
    {
        try
        {
            return ProtocolMessages.ReadReply(read.Bytes) switch
            {
                ObservationReply o => o.Id == id,
                ErrorReply e => e.Id is null || e.Id == id,
                _ => false,
            };
        }
        catch (ProtocolException)
        {
            return ProtocolMessages.TryReadId(read.Text) == id; // well-framed, only its content is wrong (PROTO-033)
        }
    }

    /// <summary>Sends <c>bye</c>, gives the adapter <see cref="ProcessAdapterOptions.ExitGrace"/> to exit, then kills whatever is left of its tree.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _ahead.Clear(); // their answers are not read: the adapter's stdout reader has room for them all (PROTO-005)
            _aheadBytes = 0;
            if (_process is { } p)
            {
                _process = null;
                if (!p.HasExited && await p.TrySendAsync(ProtocolMessages.Bye(), CancellationToken.None).ConfigureAwait(false))
                {
                    p.CloseInput();
                    await p.WaitForExitAsync(Options.ExitGrace).ConfigureAwait(false);
                }

                // Whatever the adapter left behind (children, daemons) goes with it (PROTO-040).
                p.Dispose();
            }
        }
        finally
        {
            // Not disposed: a RunAsync waiting on it gets "the adapter was disposed" rather than an exception.
            _gate.Release();
        }
    }

    private async Task<AdapterHello> StartLockedAsync(CancellationToken cancellationToken)
    {
        Stop();
        AdapterProcess process;
        try
        {
            process = AdapterProcess.Start(Command, Options.WorkingDirectory, Options.Time, _secrets, Math.Max(Options.MaxInFlight, 1));
        }
        catch (AdapterStartException e)
        {
            throw new AdapterStartException(Name + ": " + e.Message);
        }

        lock (_startedPids)
        {
            _startedPids.Add(process.Pid);
        }

        string failure;
        try
        {
            (var hello, failure) = await HandshakeAsync(process, cancellationToken).ConfigureAwait(false);
            if (hello is not null)
            {
                return hello;
            }
        }
        catch
        {
            // Cancelled (or worse) mid-handshake: the process must not outlive this call.
            process.Dispose();
            throw;
        }

        // Stopped first, so stderr reaches its end and the tail is complete, whatever the machine's speed.
        process.KillTree();
        await process.DrainStderrAsync(StderrDrain).ConfigureAwait(false);
        string stderr = process.Stderr.Describe(Options.StderrLinesQuoted, _secrets);
        process.Dispose();
        throw new AdapterStartException(_secrets.Mask(Name + ": " + failure + stderr));
    }

    /// <summary>The handshake on a started process: the adapter's hello, or why there is none.</summary>
    private async Task<(AdapterHello? Hello, string Failure)> HandshakeAsync(AdapterProcess process, CancellationToken cancellationToken)
    {
        string failure;
        if (!await process.TrySendAsync(ProtocolMessages.Hello(Options.Client, pipelining: Options.MaxInFlight > 1), cancellationToken).ConfigureAwait(false))
        {
            failure = "the adapter closed its stdin before the handshake";
        }
        else
        {
            var read = await process.ReadLineAsync(Options.HandshakeTimeout, cancellationToken).ConfigureAwait(false);
            switch (read.Kind)
            {
                case LineKind.Line:
                    try
                    {
                        var hello = ProtocolMessages.ReadAdapterHello(read.Text);
                        _process = process;
                        _hello ??= hello;
                        if (hello != _hello)
                        {
                            // A restarted adapter must be the same adapter: different capabilities would make earlier skips wrong.
                            failure = "the restarted adapter answered a different handshake: " + _secrets.Quote(read.Text);
                            _process = null;
                            break;
                        }

                        _consecutiveStartFailures = 0;
                        return (hello, "");
                    }
                    catch (ProtocolException e)
                    {
                        failure = "bad handshake: " + e.Message + "; received " + _secrets.Quote(read.Text);
                    }

                    break;
                case LineKind.TimedOut:
                    failure = "no handshake within " + Seconds(Options.HandshakeTimeout) + " (the adapter must answer podconf's hello with one line: {\"type\":\"hello\",...})";
                    break;
                case LineKind.Invalid:
                    failure = "bad handshake: " + read.Text;
                    break;
                default:
                    int? code = await process.WaitForExitAsync(ExitWait).ConfigureAwait(false);
                    failure = "the adapter " + Exited(code) + " before the handshake" + Unterminated(read);
                    break;
            }
        }

        return (null, failure);
    }

    /// <summary>
    /// Why <paramref name="testCase"/> is not sent to an adapter that answered <paramref name="hello"/>, or null: RuntimeClass
    /// objects go only to one that declared <c>runtime-classes</c> (PROTO-015), PriorityClass objects only to one that declared
    /// <c>priority-classes</c> (PROTO-015), ServiceAccount objects only to one that declared <c>service-accounts</c>; any other
    /// would answer for a cluster without the classes or with bare accounts (ADM-012, ADM-042, ADM-031/032), a
    /// false failure, so the case is not checked there.
    /// </summary>
    private static string? NotSent(ConformanceCase testCase, AdapterHello hello) =>
        testCase is PodCase p ? p.BeyondProtocol(hello.Capabilities) : null;

    private async Task<Observation> RunLockedAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        // A restarted adapter answers the same hello (PROTO-041), so a known one decides before the cases sent ahead are touched.
        if (_hello is { } known && NotSent(testCase, known) is { } notSent)
        {
            return Observation.Unperformed(notSent);
        }

        if (_ahead.TryPeek(out var next))
        {
            if (ReferenceEquals(next.Case, testCase) && next.Profile.Equals(profile))
            {
                // Sent ahead to the running process (a stop clears the queue): its answer is the next line.
                _ahead.Dequeue();
                _aheadBytes -= next.Bytes;
                AnsweredAhead++;
                return await ReceiveAsync(_process!, next.Id, testCase, cancellationToken).ConfigureAwait(false);
            }

            // Another case (a shrink candidate): the answers to the cases sent ahead must not be taken for its answer.
            await DropAheadLockedAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_unusable is not null)
        {
            return Fail(_unusable);
        }

        if (_process is null || _process.HasExited)
        {
            try
            {
                await StartLockedAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AdapterStartException e)
            {
                if (++_consecutiveStartFailures >= Options.MaxConsecutiveStartFailures)
                {
                    _unusable = "not run: the adapter failed to start " + _consecutiveStartFailures.ToString(CultureInfo.InvariantCulture) + " times in a row; last: " + e.Message;
                }

                return Fail("could not (re)start the adapter for " + testCase.Describe() + ": " + e.Message);
            }
        }

        var hello = _hello!;
        var process = _process!;
        if (NotSent(testCase, hello) is { } notCarried)
        {
            return Observation.Unperformed(notCarried); // the first case, known only now that the adapter answered its hello
        }

        if (!hello.Supports(profile.Version))
        {
            return Fail(Name + ": not sent: the adapter does not implement Kubernetes " + profile.Version
                + " (it declares " + string.Join(", ", hello.KubernetesVersions) + ")");
        }

        if (testCase is PodCase { Objects: { } objects })
        {
            _secrets.Add(objects, Options.WithholdSecrets);
        }

        long id = ++_nextId;
        _request.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(_request, id, testCase, profile, Options.WithholdSecrets);
        bool sent = await process.TrySendAsync(_request.WrittenMemory, cancellationToken).ConfigureAwait(false);
        KeepRequestBufferSmall();
        if (!sent)
        {
            return await CrashedAsync(process, What(id, testCase), "could not be sent: the adapter closed its stdin").ConfigureAwait(false);
        }

        return await ReceiveAsync(process, id, testCase, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"request N (case)", as failure texts name the request.</summary>
    private static string What(long id, ConformanceCase testCase) =>
        "request " + id.ToString(CultureInfo.InvariantCulture) + " (" + testCase.Describe() + ")";

    private void KeepRequestBufferSmall()
    {
        if (_request.Capacity > 1 << 20)
        {
            _request = new(16 * 1024); // an exceptional request: do not keep its megabytes
        }
    }

    /// <summary>The answer to request <paramref name="id"/>, sent to <paramref name="process"/>: the next line of its stdout.</summary>
    private async Task<Observation> ReceiveAsync(AdapterProcess process, long id, ConformanceCase testCase, CancellationToken cancellationToken)
    {
        LineRead read;
        try
        {
            read = await process.ReadLineAsync(Options.CaseTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The answer would arrive out of step with the next request: start afresh (PROTO-042).
            Stop();
            throw;
        }

        switch (read.Kind)
        {
            case LineKind.TimedOut:
                return await RestartAsync(process, What(id, testCase), "no answer within " + Seconds(Options.CaseTimeout) + " (hang?)").ConfigureAwait(false);
            case LineKind.End:
                return await CrashedAsync(process, What(id, testCase), "got no answer" + Unterminated(read)).ConfigureAwait(false);
            case LineKind.Invalid:
                return await RestartAsync(process, What(id, testCase), "unreadable output: " + read.Text).ConfigureAwait(false);
        }

        AdapterReply reply;
        try
        {
            reply = ProtocolMessages.ReadReply(read.Bytes);
        }
        catch (ProtocolException e)
        {
            string problem = "malformed answer: " + e.Message + "; received " + _secrets.Quote(read.Text);
            if (ProtocolMessages.TryReadId(read.Text) == id)
            {
                // Well-framed and for this request: the stream is in step, only the content is wrong.
                return Failed(process, What(id, testCase), problem);
            }

            return await RestartAsync(process, What(id, testCase), problem).ConfigureAwait(false);
        }

        if (reply is ObservationReply { Id: var answered } && answered == id && !_secrets.IsEmpty && _secrets.FindIn(read.Text) is { } leak)
        {
            // A well-framed answer, so the adapter keeps running; but nothing of it is compared or shown (PROTO-036).
            return Failed(process, What(id, testCase), "the answer holds a Secret value in clear (at " + leak.Path + ", " + leak.Mask
                + "): adapters must show Secret values masked as <secret:NAME/KEY> (PROTO-015, ENV-010); the answer is refused");
        }

        if (reply is ObservationReply ok && ok.Id == id)
        {
            return ok.Observation;
        }

        string what = What(id, testCase);
        return reply switch
        {
            ErrorReply { Id: null } er => Failed(process, what, "the adapter reported an error: " + er.Message),
            ErrorReply er when er.Id == id => Failed(process, what, "the adapter reported an error: " + er.Message),
            ObservationReply o => await RestartAsync(process, what, "answer for id " + o.Id.ToString(CultureInfo.InvariantCulture) + " while waiting for id " + id.ToString(CultureInfo.InvariantCulture) + "; received " + _secrets.Quote(read.Text)).ConfigureAwait(false),
            ErrorReply er => await RestartAsync(process, what, "error for id " + er.Id!.Value.ToString(CultureInfo.InvariantCulture) + " while waiting for id " + id.ToString(CultureInfo.InvariantCulture) + "; received " + _secrets.Quote(read.Text)).ConfigureAwait(false),
            _ => await RestartAsync(process, what, "unexpected answer " + _secrets.Quote(read.Text)).ConfigureAwait(false),
        };
    }

    /// <summary>A request sent ahead: the case and profile it was sent for, its id, and its size.</summary>
    private readonly record struct SentAhead(ConformanceCase Case, Profile Profile, long Id, int Bytes);

    /// <summary>Every failure text passes here: whatever the adapter supplied in it is shown with Secret values masked.</summary>
    private Observation Fail(string text) => Observation.Failed(_secrets.Mask(text));

    /// <summary>"; its last output was an unterminated line (…)" when stdout ended inside a line: the adapter died while writing.</summary>
    private static string Unterminated(LineRead read) =>
        read.Kind == LineKind.End && read.Text.Length > 0 ? " (its stdout ended inside " + read.Text + ")" : "";

    private Observation Failed(AdapterProcess process, string what, string problem) =>
        Fail(Name + ": " + what + ": " + problem + process.Stderr.Describe(Options.StderrLinesQuoted, _secrets));

    /// <summary>The output can no longer be trusted to be in step with requests: kill, and start afresh for the next case.</summary>
    private async Task<Observation> RestartAsync(AdapterProcess process, string what, string problem)
    {
        Stop();
        await process.DrainStderrAsync(StderrDrain).ConfigureAwait(false);
        return Fail(Name + ": " + what + ": " + problem + "; the adapter was stopped (process tree killed) and is restarted for the next case"
            + process.Stderr.Describe(Options.StderrLinesQuoted, _secrets));
    }

    /// <summary>
    /// stdout ended before an answer: the adapter exited (or closed stdout). Reported with its exit code or signal, once
    /// it has exited, and with the end of its stderr, complete: its family is killed first, so nothing holds stderr open.
    /// </summary>
    private async Task<Observation> CrashedAsync(AdapterProcess process, string what, string problem)
    {
        int? code = await process.WaitForExitAsync(ExitWait).ConfigureAwait(false);
        Stop();
        await process.DrainStderrAsync(StderrDrain).ConfigureAwait(false);
        return Fail(Name + ": " + what + ": " + problem + ": the adapter " + Exited(code) + "; it is restarted for the next case"
            + process.Stderr.Describe(Options.StderrLinesQuoted, _secrets));
    }

    /// <summary>How long an adapter whose stdout ended gets to exit before it counts as "closed its stdout" (it is killed then).</summary>
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    /// <summary>Bound on reading the rest of stderr after the family was killed (instant unless something unkillable holds it).</summary>
    private static readonly TimeSpan StderrDrain = TimeSpan.FromSeconds(10);

    private void Stop()
    {
        // Whatever was sent ahead dies with the process: its answers will never come.
        _ahead.Clear();
        _aheadBytes = 0;
        if (_process is { } p)
        {
            _process = null;
            p.Dispose();
        }
    }

    private static string Exited(int? code) => code switch
    {
        null => "closed its stdout",
        > 128 and < 160 => "was killed by signal " + (code.Value - 128).ToString(CultureInfo.InvariantCulture) + " (exit code " + code.Value.ToString(CultureInfo.InvariantCulture) + ")",
        _ => "exited with code " + code.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
