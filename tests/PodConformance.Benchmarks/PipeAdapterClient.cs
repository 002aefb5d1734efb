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
/// The process protocol without a process: an <see cref="AdapterServer"/> serving the model on a background task,
/// spoken to over a pair of OS pipes. It measures what the protocol itself costs (encode, pipe, decode, both ways)
/// without process start-up or scheduling noise from a second process.
/// </summary>
public sealed class PipeAdapterClient : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly StreamWriter _requests;
    private readonly StreamReader _replies;
    private readonly Task<int> _serving;
    private long _id;

    public PipeAdapterClient(IConformanceAdapter adapter)
    {
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        var server = new AdapterServer(adapter, "bench", AdapterServer.ModelVersions);
        _serving = Task.Run(async () =>
        {
            using var input = new StreamReader(serverIn, Utf8);
            await using var output = serverOut;
            return await server.ServeAsync(input, output, CancellationToken.None).ConfigureAwait(false);
        });
        _requests = new StreamWriter(_toServer, Utf8) { NewLine = "\n", AutoFlush = true };
        _replies = new StreamReader(_fromServer, Utf8);
        _requests.WriteLine(ProtocolMessages.Hello("podconf-bench"));
        ProtocolMessages.ReadAdapterHello(_replies.ReadLine() ?? throw new InvalidOperationException("the server closed before its hello"));
    }

    public Observation Run(ConformanceCase testCase, Profile profile)
    {
        _requests.WriteLine(ProtocolMessages.Run(++_id, testCase, profile));
        string line = _replies.ReadLine() ?? throw new InvalidOperationException("the server closed");
        return ProtocolMessages.ReadReply(line) switch
        {
            ObservationReply r => r.Observation,
            ErrorReply e => throw new InvalidOperationException(e.Message),
            var other => throw new InvalidOperationException("unexpected reply " + other),
        };
    }

    public void Dispose()
    {
        _requests.WriteLine(ProtocolMessages.Bye());
        _serving.Wait(TimeSpan.FromSeconds(5));
        _requests.Dispose();
        _replies.Dispose();
        _toServer.DisposeLocalCopyOfClientHandle();
        _fromServer.DisposeLocalCopyOfClientHandle();
    }
}
