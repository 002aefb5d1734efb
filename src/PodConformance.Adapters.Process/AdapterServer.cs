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

    /// <summary>Serves until <c>bye</c> or end of input. Returns 0, or 1 when the handshake failed.</summary>
    public Task<int> ServeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ServeAsync(input, new TextSink(output), cancellationToken);
    }

    /// <summary>
    /// The same, answering in UTF-8 straight onto <paramref name="output"/> (a process's stdout): an observation goes out
    /// as the bytes the JSON writer made, without becoming a string and being encoded back (a lifecycle observation is
    /// tens of kilobytes). The bytes are the ones the <see cref="TextWriter"/> overload writes through a UTF-8 writer.
    /// </summary>
    public Task<int> ServeAsync(TextReader input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ServeAsync(input, new StreamSink(output), cancellationToken);
    }

    private async Task<int> ServeAsync(TextReader input, Sink output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        bool greeted = false;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ClientMessage message;
            try
            {
                message = ProtocolMessages.ReadRequest(line);
            }
            catch (ProtocolException e)
            {
                await SendAsync(output, ProtocolMessages.Error(ProtocolMessages.TryReadId(line), "bad request: " + e.Message)).ConfigureAwait(false);
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
                        await SendAsync(output, ProtocolMessages.Error(null, "unsupported protocol " + Excerpt.Quote(hello.Protocol, 60) + "; this adapter speaks " + ProcessAdapterInfo.ProtocolVersion)).ConfigureAwait(false);
                        return 1;
                    }

                    greeted = true;
                    await SendAsync(output, ProtocolMessages.AdapterHello(Hello)).ConfigureAwait(false);
                    break;
                case ClientHello:
                    await SendAsync(output, ProtocolMessages.Error(null, "hello was already received")).ConfigureAwait(false);
                    break;
                case ByeMessage:
                    return 0;
                case RunRequest run when !greeted:
                    await SendAsync(output, ProtocolMessages.Error(run.Id, "run before hello")).ConfigureAwait(false);
                    return 1;
                case RunRequest run:
                    var (error, observation) = await AnswerAsync(run, cancellationToken).ConfigureAwait(false);
                    await (observation is null ? SendAsync(output, error!) : output.SendObservationAsync(run.Id, observation)).ConfigureAwait(false);
                    break;
            }
        }

        return greeted ? 0 : 1;
    }

    /// <summary>The error line to send, or the observation to send.</summary>
    private async Task<(string? Error, Observation? Observation)> AnswerAsync(RunRequest run, CancellationToken cancellationToken)
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

    private static Task SendAsync(Sink output, string line) => output.SendAsync(line);

    /// <summary>Where answers go: a text writer, or a byte stream written in UTF-8.</summary>
    private abstract class Sink
    {
        public abstract Task SendAsync(string line);

        public abstract Task SendObservationAsync(long id, Observation observation);
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

    private sealed class StreamSink(Stream output) : Sink
    {
        private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
        private System.Buffers.ArrayBufferWriter<byte> _buffer = new(16 * 1024);

        public override Task SendAsync(string line)
        {
            _buffer.ResetWrittenCount();
            int length = Utf8.GetByteCount(line);
            var span = _buffer.GetSpan(length + 1);
            Utf8.GetBytes(line, span);
            span[length] = (byte)'\n';
            _buffer.Advance(length + 1);
            return FlushAsync();
        }

        public override Task SendObservationAsync(long id, Observation observation)
        {
            _buffer.ResetWrittenCount();
            ProtocolMessages.WriteObservationLine(_buffer, id, observation);
            return FlushAsync();
        }

        private async Task FlushAsync()
        {
            await output.WriteAsync(_buffer.WrittenMemory).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            if (_buffer.Capacity > 1 << 20)
            {
                _buffer = new(16 * 1024); // an exceptional answer: do not keep its megabytes
            }
        }
    }
}
