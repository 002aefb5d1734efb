using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>The serve loop in-process: the transcript an adapter author can compare theirs with.</summary>
public class AdapterServerTests
{
    private static async Task<(int Code, string[] Lines)> Serve(params string[] input)
    {
        var server = new AdapterServer(new ModelAdapter(), "9.9.9", AdapterServer.ModelVersions);
        using var reader = new StringReader(string.Join("\n", input) + "\n");
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        int code = await server.ServeAsync(reader, writer, CancellationToken.None);
        return (code, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Handshake_then_one_answer_per_request_then_bye()
    {
        var (code, lines) = await Serve(
            ProtocolMessages.Hello("test"),
            "",
            ProtocolMessages.Run(1, new QuantityCase("1.5Gi"), Profile.Default),
            """{"type":"run","id":2,"profile":{"kubernetesVersion":"1.37"},"case":{"kind":"volume"}}""",
            "garbage",
            ProtocolMessages.Run(3, new QuantityCase("1.5Gi"), new Profile(new KubernetesVersion(1, 20), default)),
            ProtocolMessages.Bye(),
            ProtocolMessages.Run(4, new QuantityCase("1"), Profile.Default));
        Assert.Equal(0, code);
        Assert.Equal(5, lines.Length);
        var hello = ProtocolMessages.ReadAdapterHello(lines[0]);
        Assert.Equal(("model", "9.9.9"), (hello.Name, hello.Version));
        Assert.Equal(new ModelAdapter().Capabilities, hello.Capabilities);
        Assert.Contains(KubernetesVersion.Newest, hello.KubernetesVersions);
        Assert.Equal("1536Mi", Assert.IsType<ObservationReply>(ProtocolMessages.ReadReply(lines[1])).Observation.Quantity!.String);
        Assert.Equal("""{"type":"error","id":2,"message":"bad request: case.kind: unknown case kind \"volume\" (expected quantity, pod or nodePressure)"}""", lines[2]);
        Assert.Equal(new ErrorReply(null, "bad request: not valid JSON ('g' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.)"), ProtocolMessages.ReadReply(lines[3]));
        Assert.Equal("""{"type":"error","id":3,"message":"bad request: profile.kubernetesVersion: unsupported Kubernetes version \"1.20\": supported versions are 1.28 to 1.37"}""", lines[4]);
    }

    [Fact]
    public async Task Refuses_another_protocol_version()
    {
        var (code, lines) = await Serve("""{"type":"hello","protocol":"podconf.adapter/v2"}""");
        Assert.Equal(1, code);
        Assert.Equal("""{"type":"error","message":"unsupported protocol \"podconf.adapter/v2\"; this adapter speaks podconf.adapter/v1"}""", Assert.Single(lines));
    }
}
