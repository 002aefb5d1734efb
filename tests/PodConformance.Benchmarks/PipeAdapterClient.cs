using System.Buffers;
using System.IO.Pipes;
using System.Text;
using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Benchmarks;

/// <summary>
/// The process protocol without a process: an <see cref="AdapterServer"/> serving the model on its own thread, as
/// <c>podconf adapter serve</c> does (<see cref="AdapterServer.Serve"/>: blocking byte lines), spoken to over a pair of
/// OS pipes the way <see cref="ProcessAdapter"/> speaks: each request written as UTF-8 bytes
/// (<see cref="ProtocolMessages.WriteRunLine"/>), each answer split off the pipe as bytes, copied out, checked UTF-8 and
/// read from its bytes. It measures what the protocol itself costs (encode, pipe, decode, both ways) without process
/// start-up or scheduling noise from a second process.
/// </summary>
public sealed class PipeAdapterClient : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly ArrayBufferWriter<byte> _request = new(16 * 1024);
    private readonly Thread _serving;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _id;

    public PipeAdapterClient(IConformanceAdapter adapter)
    {
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        var server = new AdapterServer(adapter, "bench", AdapterServer.ModelVersions);
        _serving = new Thread(() =>
        {
            using (serverIn)
            using (serverOut)
            {
                server.Serve(serverIn, serverOut);
            }
        })
        { IsBackground = true, Name = "adapter serve" };
        _serving.Start();
        Send(ProtocolMessages.Hello("podconf-bench"));
        ProtocolMessages.ReadAdapterHello(Utf8.GetString(ReadLine()));
    }

    public Observation Run(ConformanceCase testCase, Profile profile)
    {
        _request.ResetWrittenCount();
        ProtocolMessages.WriteRunLine(_request, ++_id, testCase, profile);
        _toServer.Write(_request.WrittenSpan);
        _toServer.Flush();
        byte[] line = ReadLine();
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            throw new InvalidOperationException("the server's answer is not UTF-8");
        }

        return ProtocolMessages.ReadReply(line) switch
        {
            ObservationReply r => r.Observation,
            ErrorReply e => throw new InvalidOperationException(e.Message),
            var other => throw new InvalidOperationException("unexpected reply " + other),
        };
    }

    private void Send(string line)
    {
        _toServer.Write(Utf8.GetBytes(line + "\n"));
        _toServer.Flush();
    }

    /// <summary>The next line's own copy, as the process adapter's stdout reader hands each line on.</summary>
    private byte[] ReadLine()
    {
        int scanned = 0;
        while (true)
        {
            int at = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (at >= 0)
            {
                byte[] line = _buffer.AsSpan(_start, scanned + at).ToArray();
                _start += scanned + at + 1;
                return line;
            }

            scanned = _end - _start;
            if (_start > 0)
            {
                _buffer.AsSpan(_start, scanned).CopyTo(_buffer);
                _start = 0;
                _end = scanned;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int n = _fromServer.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                throw new InvalidOperationException("the server closed");
            }

            _end += n;
        }
    }

    public void Dispose()
    {
        Send(ProtocolMessages.Bye());
        _serving.Join(TimeSpan.FromSeconds(5));
        _toServer.DisposeLocalCopyOfClientHandle();
        _fromServer.DisposeLocalCopyOfClientHandle();
        _toServer.Dispose();
        _fromServer.Dispose();
    }
}
