using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace PodConformance.Adapters.Process;

/// <summary>
/// One running adapter process: argv started without a shell, in a session of its own and marked as one family
/// (<see cref="ProcessFamily"/>); stdout split into lines from raw bytes by a background reader (so timeouts never
/// block on a read, and no line waits for more output); stderr kept as a bounded tail for failure messages; a kill
/// that takes every process of the family with it.
/// </summary>
internal sealed class AdapterProcess : IDisposable
{
    /// <summary>Longer lines are garbage, not observations: a runaway adapter must not exhaust memory (PROTO-003: 16 MiB).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private readonly System.Diagnostics.Process _process;
    private readonly ProcessFamily _family;
    private readonly TimeProvider _time;
    /// <summary>
    /// Lines read ahead of podconf's requests. A well-behaved adapter has at most one answer per request in flight waiting
    /// (one, PROTO-004; up to the window, PROTO-005), and the queue holds that many and one more, so the reader always takes
    /// what the adapter writes and the adapter never waits on stdout while podconf writes requests; the bound makes an
    /// adapter that floods stdout wait on its pipe instead of growing podconf's memory.
    /// </summary>
    private readonly Channel<LineRead> _lines;
    private readonly Task _stderrPump;

    /// <summary>
    /// The redirected streams podconf asked for, taken at start. <c>Process.Dispose</c> closes only streams nobody asked
    /// for ("it is the user's responsibility"), so each would otherwise hold its pipe until the GC finalised it: one
    /// stdout and one stdin handle per restart. stdout is closed by its reader thread when it reaches the end (it alone
    /// reads it, so no read races the close), stdin by <see cref="CloseInput"/> or <see cref="Dispose"/>.
    /// </summary>
    private readonly Stream _stdout;

    private readonly StreamWriter _stdin;

    /// <summary>Completes when the stdout reader has read to the end and closed the stream.</summary>
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the process exits: one handler on <c>Process.Exited</c> for the adapter's life. Not a
    /// <c>WaitForExitAsync</c> per read: each subscribes and later unsubscribes a handler, and <c>Process.Exited</c>'s
    /// add and remove are not atomic, so a cancelled wait's removal racing the next read's addition lost one of them
    /// (a handler left behind, or an exit never noticed; seen as 2 leftovers in a loaded CI run).
    /// </summary>
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _disposed;

    private AdapterProcess(System.Diagnostics.Process process, ProcessFamily family, TimeProvider time, SecretBook? secrets, int inFlight)
    {
        _process = process;
        _family = family;
        _time = time;
        Pid = process.Id;
        _lines = Channel.CreateBounded<LineRead>(new BoundedChannelOptions(Math.Max(inFlight, 1) + 1) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        _stdin = process.StandardInput;
        _stdout = process.StandardOutput.BaseStream;
        var stdout = new StdoutLines(_stdout, line => _lines.Writer.WriteAsync(line), MaxLineBytes, secrets);
        var reader = new Thread(() =>
        {
            try
            {
                stdout.Pump();
            }
            finally
            {
                // The end (the family is dead, or it closed stdout): nothing reads it again. Pump never throws, and a
                // pipe's close does not fail; a blocked read is never raced, since only this thread reads.
                _stdout.Dispose();
                _lines.Writer.TryComplete();
                _stdoutClosed.TrySetResult();
            }
        })
        { IsBackground = true, Name = "podconf stdout" };
        reader.Start();

        // Taken here, not in the pump's task: Process.Dispose closes a stream nobody has asked for yet, and asking after it
        // throws ObjectDisposedException. A stop (crash, restart) that came before the task ran lost the crash's stderr and
        // made the drain, so RunAsync, throw: 53 of 100 processes stopped right after their start. Asked for, it is ours to close.
        var stderr = process.StandardError.BaseStream;
        _stderrPump = Task.Run(() => PumpStderrAsync(stderr));
        process.Exited += (_, _) => _exited.TrySetResult();
        process.EnableRaisingEvents = true;
        if (process.HasExited)
        {
            _exited.TrySetResult();
        }
    }

    public int Pid { get; }

    public StderrTail Stderr { get; } = new();

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Starts argv[0] with the rest as arguments, in a session of its own where the system allows (Linux); throws
    /// <see cref="AdapterStartException"/> with the reason when the program cannot be started. <paramref name="inFlight"/>:
    /// the most requests podconf will have in flight (PROTO-005), so stdout's reader has room for every answer.
    /// </summary>
    public static AdapterProcess Start(IReadOnlyList<string> argv, string? workingDirectory, TimeProvider time, SecretBook? secrets = null, int inFlight = 1)
    {
        var family = new ProcessFamily();
        string program = argv[0];
        bool ownSession = ProcessFamily.Setsid is not null;
        if (ownSession)
        {
            // setsid runs the program itself (exec, no fork: a child of ours never leads a group), so it must be
            // found here first: a missing program is a start failure with the OS's words, not an adapter that exits 1.
            program = Resolve(argv[0], workingDirectory);
        }

        var info = new ProcessStartInfo(ownSession ? ProcessFamily.Setsid! : program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        if (ownSession)
        {
            info.ArgumentList.Add(program);
        }

        for (int i = 1; i < argv.Count; i++)
        {
            info.ArgumentList.Add(argv[i]);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        info.Environment[ProcessFamily.Variable] = family.Token;
        try
        {
            var process = System.Diagnostics.Process.Start(info) ?? throw new AdapterStartException("could not start " + Excerpt.Quote(argv[0]));
            family.Started(process.Id, ownSession);
            process.StandardInput.AutoFlush = false;
            return new AdapterProcess(process, family, time, secrets, inFlight);
        }
        catch (Win32Exception e)
        {
            throw new AdapterStartException("could not start " + Excerpt.Quote(argv[0]) + ": " + e.Message);
        }
    }

    /// <summary>The program as the OS would find it (a path, or a name searched on PATH), or why it cannot be started.</summary>
    private static string Resolve(string name, string? workingDirectory)
    {
        string? found;
        if (name.Contains('/', StringComparison.Ordinal))
        {
            found = Path.GetFullPath(name, workingDirectory ?? Directory.GetCurrentDirectory());
            if (!File.Exists(found))
            {
                throw new AdapterStartException("could not start " + Excerpt.Quote(name) + ": no such file");
            }
        }
        else
        {
            found = (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(candidate => File.Exists(candidate) && IsExecutable(candidate))
                ?? throw new AdapterStartException("could not start " + Excerpt.Quote(name) + ": not found on PATH");
        }

        if (!IsExecutable(found))
        {
            throw new AdapterStartException("could not start " + Excerpt.Quote(name) + ": permission denied (not executable)");
        }

        return found;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>
    /// A line already in UTF-8 with its newline (<see cref="Protocol.ProtocolMessages.WriteRunLine"/>), written to stdin's stream:
    /// the same bytes <see cref="TrySendAsync(string, CancellationToken)"/> writes, without the string. Every text write
    /// is flushed, so the two never interleave.
    /// </summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> utf8Line, CancellationToken cancellationToken)
    {
        try
        {
            var stdin = _stdin.BaseStream;
            if (!cancellationToken.IsCancellationRequested)
            {
                // Written on this thread, which waits for the answer anyway: an anonymous pipe's WriteAsync is a blocking
                // write queued to the thread pool (a hop per request, and on a saturated machine a pool that does not grow
                // while its threads sit in the stdout and stderr readers' reads: see Post).
                stdin.Write(utf8Line.Span);
                stdin.Flush();
                return true;
            }

            await stdin.WriteAsync(utf8Line, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsPipeGone(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Bytes a pipe always has room for (Linux: a pipe holds at least one page, even past the user's pipe-pages limit;
    /// elsewhere POSIX's <c>PIPE_BUF</c> minimum): a write of at most this many bytes, while no more than that is unread in the
    /// pipe, never waits for the adapter.
    /// </summary>
    public static int PipeRoom { get; } = OperatingSystem.IsLinux() ? 4096 : 512;

    /// <summary>
    /// Writes a request sent ahead (PROTO-005) at once, on this thread. The caller sends ahead only what cannot make it wait
    /// for the adapter: the first request in flight (the adapter, having answered everything, is reading), or lines that
    /// with those unanswered fit in <see cref="PipeRoom"/>. Never through <c>WriteAsync</c>: an anonymous pipe's async
    /// write is a blocking write queued to the thread pool, whose threads the stdout and stderr readers hold, and a pool
    /// starved on a saturated machine does not grow (it left a request unwritten for 30 s in a loaded --probe-cpu run). A
    /// write that fails (the adapter is gone) is dropped: the answer's read reports the adapter's end.
    /// </summary>
    public void Post(ReadOnlySpan<byte> utf8Line)
    {
        try
        {
            var stdin = _stdin.BaseStream;
            stdin.Write(utf8Line);
            stdin.Flush();
        }
        catch (Exception e) when (IsPipeGone(e))
        {
            // The adapter is gone: reading its answer reports how it ended.
        }
    }

    /// <summary>The exceptions a write to an exited or disposed adapter's stdin ends in: the send failed, the caller reports it.</summary>
    private static bool IsPipeGone(Exception e) => e is IOException or ObjectDisposedException or InvalidOperationException;

    public async Task<bool> TrySendAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            await _stdin.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _stdin.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
            await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsPipeGone(e))
        {
            return false;
        }
    }

    /// <summary>
    /// The next non-empty stdout line, or why there is none within <paramref name="timeout"/> (measured on the
    /// adapter's clock, <see cref="ProcessAdapterOptions.Time"/>). The adapter's own exit ends the wait too, even while
    /// its children still hold stdout open: its family is then killed, what it wrote before dying is read to the end,
    /// and a line found there is still returned (an answer written just before exiting counts).
    /// </summary>
    public async Task<LineRead> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_lines.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var limit = new CancellationTokenSource(timeout, _time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var line = _lines.Reader.WaitToReadAsync(cts.Token).AsTask();
            if (await Task.WhenAny(line, _exited.Task).ConfigureAwait(false) == line || line.IsCompleted)
            {
                // WhenAny removes its continuation from the exit task when the line wins: nothing accumulates per read.
                return await line.ConfigureAwait(false) && _lines.Reader.TryRead(out var next) ? next : new LineRead(LineKind.End, "");
            }

            KillTree();

            // Once its family is dead, stdout ends: what it wrote before is read, then the end.
            using var drain = new CancellationTokenSource(StdoutDrain);
            try
            {
                if (await _lines.Reader.WaitToReadAsync(drain.Token).ConfigureAwait(false) && _lines.Reader.TryRead(out var last))
                {
                    return last;
                }
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
                // Something unkillable holds stdout: no more to read.
            }

            return new LineRead(LineKind.End, "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LineRead(LineKind.TimedOut, "");
        }
    }

    /// <summary>Bound on reading what a dead adapter left in its stdout pipe (instant once its family is killed).</summary>
    private static readonly TimeSpan StdoutDrain = TimeSpan.FromSeconds(10);

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit; its exit code, or null if it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The exit code once the process has exited (after <see cref="KillTree"/> it has).</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return _process.HasExited ? _process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>Closes stdin (end of requests), as a polite stop before <see cref="KillTree"/>.</summary>
    public void CloseInput()
    {
        try
        {
            // StreamWriter closes its stream in a finally, so the handle goes even when the last flush fails.
            _stdin.Close();
        }
        catch (IOException)
        {
            // Already gone: the pipe is broken, which is what closing wanted anyway.
        }
    }

    /// <summary>
    /// Kills the adapter and every process of its family: its live tree, then (Linux) every process in its session or
    /// carrying its token, round after round until none is left (PROTO-040).
    /// </summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Not permitted or already gone; the family sweep below still runs.
        }

        _family.KillAll();
        try
        {
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>
    /// Lets the stderr reader reach the end, so a crash's last words are in the tail before they are quoted. Once the
    /// family is dead nothing holds stderr open and this returns at once; the bound covers a process podconf could not kill.
    /// </summary>
    public async Task DrainStderrAsync(TimeSpan timeout)
    {
        try
        {
            await _stderrPump.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Something still holds stderr open; quote what we have.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillTree();

        // A reader blocked on a full queue gives up, so nothing of this process stays in memory.
        _lines.Writer.TryComplete();
        while (_lines.Reader.TryRead(out _))
        {
        }

        CloseInput();
        _process.Dispose();
    }

    /// <summary>Completes once stdout's reader has reached the end and closed the stream (soon after a kill).</summary>
    internal Task StdoutClosed => _stdoutClosed.Task;

    /// <summary>For tests: the redirected streams, to see that they were closed.</summary>
    internal (Stream Stdout, Stream Stdin) StreamsForTests => (_stdout, _stdin.BaseStream);

    /// <summary>Reads stderr into <see cref="Stderr"/> to its end, then closes it; never faults, so a drain only ever waits.</summary>
    private async Task PumpStderrAsync(Stream stream)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                int n = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                Stderr.Feed(buffer.AsSpan(0, n));
            }
        }
        catch (Exception e) when (IsPipeGone(e))
        {
            // The pipe went away with the process.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        Stderr.Feed([], flush: true);
    }
}

/// <summary>The adapter could not be started or did not complete the handshake; the message says why.</summary>
public sealed class AdapterStartException : Exception
{
    public AdapterStartException()
    {
    }

    public AdapterStartException(string message)
        : base(message)
    {
    }

    public AdapterStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
