using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process;

/// <summary>
/// The adapter side of spec/adapter-protocol.md for any <see cref="IConformanceAdapter"/>: <c>podconf adapter
/// serve</c> puts the model behind it, and a C# simulator can serve itself the same way. One request at a
/// time; every request gets exactly one answer, and a bad request is answered with an error, never a crash.
/// </summary>
public sealed class AdapterServer(IConformanceAdapter adapter, string version, ValueList<KubernetesVersion> kubernetesVersions)
{
    /// <summary>Every release the model implements, <see cref="KubernetesVersion.Oldest"/> to <see cref="KubernetesVersion.Newest"/>.</summary>
    public static ValueList<KubernetesVersion> ModelVersions
    {
        get
        {
            var list = new List<KubernetesVersion>();
            for (int minor = KubernetesVersion.Oldest.Minor; minor <= KubernetesVersion.Newest.Minor; minor++)
            {
                list.Add(new KubernetesVersion(KubernetesVersion.Oldest.Major, minor));
            }

            return list.ToValueList();
        }
    }

    public AdapterHello Hello => new(adapter.Name, version, adapter.Capabilities, kubernetesVersions);

    /// <summary>
    /// What the server accepts in flight when the client offers pipelining (PROTO-005). It reads one request at a time and
    /// answers in order, so any number would do; the bound only says podconf need not hold more than this.
    /// </summary>
    public const int MaxInFlight = 1024;

    /// <summary>Answers held for one write (<see cref="Serve"/>): past this many bytes they go out even while requests are waiting.</summary>
    internal const int FlushBytes = 64 * 1024;

    /// <summary>Serves until <c>bye</c> or end of input. Returns 0, or 1 when the handshake failed.</summary>
    public Task<int> ServeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return ServeAsync(new TextLines(input), new TextSink(output), cancellationToken).AsTask();
    }

    /// <summary>
    /// The same, answering in UTF-8 straight onto <paramref name="output"/> (a process's stdout): an observation goes out
    /// as the bytes the JSON writer made, without becoming a string and being encoded back (a lifecycle observation is
    /// tens of kilobytes). The bytes are the ones the <see cref="TextWriter"/> overload writes through a UTF-8 writer.
    /// </summary>
    public Task<int> ServeAsync(TextReader input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return ServeAsync(new TextLines(input), new StreamSink(output), cancellationToken).AsTask();
    }

    /// <summary>
    /// Serves a byte stream (a process's stdin) on the calling thread with blocking reads and writes, what <c>podconf
    /// adapter serve</c> does: one request at a time leaves nothing to overlap, and awaiting every line cost a thread-pool
    /// hop per message (issue 12 item 6). Requests are parsed from their UTF-8 bytes, never made strings; the
    /// messages, answers and errors are those of <see cref="ServeAsync(TextReader, Stream, CancellationToken)"/> over a
    /// UTF-8 reader (a line that is not valid UTF-8 is read as that reader decodes it). Blocks until <c>bye</c> or end of input.
    /// Answers go out together (PROTO-005): they are held while another request is already read in, and written when the
    /// server would wait for input (or past <see cref="FlushBytes"/>, or at the end), so a client that sent a burst of
    /// requests gets their answers in one write, and one that sends one request at a time gets each answer at once.
    /// </summary>
    public int Serve(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        // Every step below completes synchronously (blocking reads and writes; an adapter that really awaits blocks here).
        var sink = new StreamSink(output, blocking: true);
        return ServeAsync(new ByteLines(input, sink.FlushHeld), sink, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<int> ServeAsync(Lines input, Sink output, CancellationToken cancellationToken)
    {
        try
        {
            return await ServeLinesAsync(input, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever way the loop ends (bye, end of input, a refused handshake), no answer stays held.
            await output.EndAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<int> ServeLinesAsync(Lines input, Sink output, CancellationToken cancellationToken)
    {
        bool greeted = false;
        while (await input.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (input.IsBlank)
            {
                continue;
            }

            ClientMessage message;
            try
            {
                message = input.ReadRequest();
            }
            catch (ProtocolException e)
            {
                await output.SendAsync(ProtocolMessages.Error(ProtocolMessages.TryReadId(input.Text), "bad request: " + e.Message)).ConfigureAwait(false);
                if (!greeted)
                {
                    return 1;
                }

                continue;
            }

            switch (message)
            {
                case ClientHello hello when !greeted:
                    if (hello.Protocol != ProcessAdapterInfo.ProtocolVersion)
                    {
                        await output.SendAsync(ProtocolMessages.Error(null, "unsupported protocol " + Excerpt.Quote(hello.Protocol, 60) + "; this adapter speaks " + ProcessAdapterInfo.ProtocolVersion)).ConfigureAwait(false);
                        return 1;
                    }

                    greeted = true;
                    await output.SendAsync(ProtocolMessages.AdapterHello(hello.Pipelining ? Hello with { MaxInFlight = MaxInFlight } : Hello)).ConfigureAwait(false);
                    break;
                case ClientHello:
                    await output.SendAsync(ProtocolMessages.Error(null, "hello was already received")).ConfigureAwait(false);
                    break;
                case ByeMessage:
                    return 0;
                case RunRequest run when !greeted:
                    await output.SendAsync(ProtocolMessages.Error(run.Id, "run before hello")).ConfigureAwait(false);
                    return 1;
                case RunRequest run:
                    var (error, observation) = await AnswerAsync(run, cancellationToken).ConfigureAwait(false);
                    await (observation is null ? output.SendAsync(error!) : output.SendObservationAsync(run.Id, observation)).ConfigureAwait(false);
                    break;
            }
        }

        return greeted ? 0 : 1;
    }

    /// <summary>The error line to send, or the observation to send.</summary>
    private async ValueTask<(string? Error, Observation? Observation)> AnswerAsync(RunRequest run, CancellationToken cancellationToken)
    {
        if (!kubernetesVersions.Contains(run.Profile.Version))
        {
            return (ProtocolMessages.Error(run.Id, "Kubernetes " + run.Profile.Version + " is not implemented (supported: " + string.Join(", ", kubernetesVersions) + ")"), null);
        }

        try
        {
            var observation = await adapter.RunAsync(run.Case, run.Profile, cancellationToken).ConfigureAwait(false);
            return observation.Failure is { } failure
                ? (ProtocolMessages.Error(run.Id, failure), null)
                : (null, observation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The contract says adapters report failures rather than throw; one that throws still gets an answer.
            return (ProtocolMessages.Error(run.Id, "the adapter threw " + e.GetType().Name + ": " + e.Message), null);
        }
    }

    /// <summary>Where requests come from: lines of a text reader, or byte lines of a stream.</summary>
    private abstract class Lines
    {
        public abstract ValueTask<bool> NextAsync(CancellationToken cancellationToken);

        public abstract bool IsBlank { get; }

        /// <summary>The current line's text, for an error reply.</summary>
        public abstract string Text { get; }

        public abstract ClientMessage ReadRequest();
    }

    private sealed class TextLines(TextReader input) : Lines
    {
        private string _line = "";

        public override string Text => _line;

        public override bool IsBlank => string.IsNullOrWhiteSpace(_line);

        public override async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
        {
            string? line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            _line = line ?? "";
            return line is not null;
        }

        public override ClientMessage ReadRequest() => ProtocolMessages.ReadRequest(_line);
    }

    /// <summary><paramref name="beforeWait"/> runs before each read that may wait for input (see <see cref="RequestLines"/>).</summary>
    private sealed class ByteLines(Stream input, Action? beforeWait = null) : Lines
    {
        private readonly RequestLines _lines = new(input, beforeWait);
        private ReadOnlyMemory<byte> _line;

        /// <summary>Valid UTF-8: parsed from the bytes. Otherwise the text the UTF-8 reader would have made is parsed.</summary>
        private bool _valid;

        public override string Text => RequestLines.Decode(_line.Span);

        public override bool IsBlank => RequestLines.IsBlank(_line.Span);

        public override ValueTask<bool> NextAsync(CancellationToken cancellationToken)
        {
            if (!_lines.TryRead(out _line))
            {
                return ValueTask.FromResult(false);
            }

            _valid = System.Text.Unicode.Utf8.IsValid(_line.Span);
            return ValueTask.FromResult(true);
        }

        public override ClientMessage ReadRequest() => _valid ? ProtocolMessages.ReadRequest(_line) : ProtocolMessages.ReadRequest(Text);
    }

    /// <summary>Where answers go: a text writer, or a byte stream written in UTF-8.</summary>
    private abstract class Sink
    {
        public abstract Task SendAsync(string line);

        public abstract Task SendObservationAsync(long id, Observation observation);

        /// <summary>The serve loop ends: anything held goes out.</summary>
        public virtual Task EndAsync() => Task.CompletedTask;
    }

    private sealed class TextSink(TextWriter output) : Sink
    {
        public override async Task SendAsync(string line)
        {
            await output.WriteAsync(line + "\n").ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        public override Task SendObservationAsync(long id, Observation observation) => SendAsync(ProtocolMessages.Observation(id, observation));
    }

    /// <summary>
    /// Without <paramref name="blocking"/>, every answer is written and flushed before its task completes. With it, answers
    /// are held in one buffer and written (blocking) by <see cref="FlushHeld"/> — which the request reader calls before it
    /// may wait for input — once they pass <see cref="FlushBytes"/>, and at the end (PROTO-005).
    /// </summary>
    private sealed class StreamSink(Stream output, bool blocking = false) : Sink
    {
        private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
        private System.Buffers.ArrayBufferWriter<byte> _buffer = new(16 * 1024);

        public override Task SendAsync(string line)
        {
            Begin();
            int length = Utf8.GetByteCount(line);
            var span = _buffer.GetSpan(length + 1);
            Utf8.GetBytes(line, span);
            span[length] = (byte)'\n';
            _buffer.Advance(length + 1);
            return SentAsync();
        }

        public override Task SendObservationAsync(long id, Observation observation)
        {
            Begin();
            ProtocolMessages.WriteObservationLine(_buffer, id, observation);
            return SentAsync();
        }

        public override Task EndAsync()
        {
            if (blocking)
            {
                FlushHeld(); // without blocking, every answer went out when sent
            }

            return Task.CompletedTask;
        }

        /// <summary>Writes the answers held, if any (blocking mode).</summary>
        public void FlushHeld()
        {
            if (_buffer.WrittenCount == 0)
            {
                return;
            }

            output.Write(_buffer.WrittenSpan);
            output.Flush();
            _buffer.ResetWrittenCount();
            Shrink();
        }

        /// <summary>A new answer starts: in blocking mode it joins the ones held, otherwise the buffer holds it alone.</summary>
        private void Begin()
        {
            if (!blocking)
            {
                _buffer.ResetWrittenCount();
            }
        }

        private Task SentAsync()
        {
            if (!blocking)
            {
                return WriteAsync();
            }

            if (_buffer.WrittenCount >= FlushBytes)
            {
                FlushHeld();
            }

            return Task.CompletedTask;
        }

        private async Task WriteAsync()
        {
            await output.WriteAsync(_buffer.WrittenMemory).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            Shrink();
        }

        private void Shrink()
        {
            if (_buffer.Capacity > 1 << 20)
            {
                _buffer = new(16 * 1024); // an exceptional answer: do not keep its megabytes
            }
        }
    }
}
