using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace PodConformance.Adapters.Process;

/// <summary>What reading one stdout line produced.</summary>
internal enum LineKind
{
    Line,

    /// <summary>stdout closed: the adapter exited or closed it.</summary>
    End,

    TimedOut,

    /// <summary>Not a line we can use: not UTF-8, or longer than the limit.</summary>
    Invalid,
}

internal readonly record struct LineRead(LineKind Kind, string Text);

/// <summary>
/// One running adapter process: argv started without a shell, stdout split into lines by a background
/// reader (so timeouts never block on a read), stderr kept as a tail for failure messages, and a kill that
/// takes the whole process tree with it.
/// </summary>
internal sealed class AdapterProcess : IDisposable
{
    /// <summary>Longer lines are garbage, not observations: a runaway adapter must not exhaust memory.</summary>
    public const int MaxLineChars = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly System.Diagnostics.Process _process;
    private readonly Channel<LineRead> _lines = Channel.CreateUnbounded<LineRead>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _stderrPump;
    private bool _disposed;

    private AdapterProcess(System.Diagnostics.Process process)
    {
        _process = process;
        Pid = process.Id;
        _ = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
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

    /// <summary>Starts argv[0] with the rest as arguments; throws <see cref="AdapterStartException"/> with the OS's reason.</summary>
    public static AdapterProcess Start(IReadOnlyList<string> argv, string? workingDirectory)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = StrictUtf8,
            StandardErrorEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        for (int i = 1; i < argv.Count; i++)
        {
            info.ArgumentList.Add(argv[i]);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        try
        {
            var process = System.Diagnostics.Process.Start(info) ?? throw new AdapterStartException("could not start " + Excerpt.Quote(argv[0]));
            process.StandardInput.AutoFlush = false;
            return new AdapterProcess(process);
        }
        catch (Win32Exception e)
        {
            throw new AdapterStartException("could not start " + Excerpt.Quote(argv[0]) + ": " + e.Message);
        }
    }

    public async Task<bool> TrySendAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteAsync((line + "\n").AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The next non-empty stdout line, or why there is none within <paramref name="timeout"/>.</summary>
    public async Task<LineRead> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            if (await _lines.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false) && _lines.Reader.TryRead(out var line))
            {
                return line;
            }

            return new LineRead(LineKind.End, "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LineRead(LineKind.TimedOut, "");
        }
    }

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

    /// <summary>Closes stdin (end of requests), as a polite stop before <see cref="KillTree"/>.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone: the pipe is broken, which is what closing wanted anyway.
        }
    }

    /// <summary>Kills the process and every descendant: the live tree, plus any snapshot children that outlived their parent.</summary>
    public void KillTree(IReadOnlyList<(int Pid, long StartTime)>? snapshot = null)
    {
        var descendants = snapshot ?? ProcessTree.Descendants(Pid);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Not permitted or already gone; the survivors pass below still runs.
        }

        ProcessTree.KillSurvivors(descendants);
    }

    /// <summary>Lets the stderr reader catch up, so a crash's last words are in the tail before we quote it.</summary>
    public async Task DrainStderrAsync(TimeSpan timeout)
    {
        try
        {
            await _stderrPump.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild may still hold stderr open; quote what we have.
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
        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        var reader = _process.StandardOutput;
        var buffer = new char[8192];
        var line = new StringBuilder();
        bool tooLong = false;
        try
        {
            while (true)
            {
                int n = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                for (int i = 0; i < n; i++)
                {
                    char c = buffer[i];
                    if (c == '\n')
                    {
                        Emit(line, tooLong);
                        line.Clear();
                        tooLong = false;
                    }
                    else if (line.Length < MaxLineChars)
                    {
                        line.Append(c);
                    }
                    else
                    {
                        tooLong = true;
                    }
                }
            }

            if (line.Length > 0)
            {
                Emit(line, tooLong);
            }
        }
        catch (DecoderFallbackException)
        {
            var prefix = line.ToString();
            _lines.Writer.TryWrite(new LineRead(LineKind.Invalid, "stdout is not valid UTF-8 (after " + Excerpt.Quote(prefix, 80) + ")"));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe went away with the process: end of output.
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private void Emit(StringBuilder line, bool tooLong)
    {
        if (tooLong)
        {
            _lines.Writer.TryWrite(new LineRead(LineKind.Invalid, "a line longer than " + MaxLineChars.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters starting " + Excerpt.Quote(line.ToString(0, 80), 80)));
            return;
        }

        int end = line.Length;
        if (end > 0 && line[end - 1] == '\r')
        {
            end--;
        }

        string text = line.ToString(0, end);
        if (!string.IsNullOrWhiteSpace(text))
        {
            _lines.Writer.TryWrite(new LineRead(LineKind.Line, text));
        }
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Stderr.Add(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe went away with the process.
        }
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
