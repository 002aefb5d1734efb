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

    /// <summary>
    /// Answers written as UTF-8 onto a stream are byte for byte what the text writer overload writes through a UTF-8
    /// writer: every case a default run sends for three properties, a bad request, an unsupported version.
    /// </summary>
    [Theory]
    [InlineData("P-QTY-PARSE")]
    [InlineData("P-ADM-VALIDATION")]
    [InlineData("P-LIFE-PHASE")]
    public async Task Answers_on_a_stream_are_the_bytes_of_the_text_answers(string propertyId)
    {
        var gen = Suite.Rules.Catalog.Find(propertyId)!.Cases(Profile.Default);
        var input = new List<string> { ProtocolMessages.Hello("test"), "garbage \u00e9" };
        for (int i = 0; i < Suite.Running.RunOptions.DefaultCount; i++)
        {
            input.Add(ProtocolMessages.Run(i, Suite.Running.SuiteRunner.CaseAt(gen, Suite.Running.RunOptions.DefaultSeed, i, Suite.Running.RunOptions.DefaultCount), Profile.Default));
        }

        input.Add(ProtocolMessages.Run(1000, new QuantityCase("1"), new Profile(new KubernetesVersion(1, 20), default)));
        string text = string.Join("\n", input) + "\n";
        var server = new AdapterServer(new ModelAdapter(), "9.9.9", AdapterServer.ModelVersions);
        var utf8 = new System.Text.UTF8Encoding(false);
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, utf8, leaveOpen: true) { NewLine = "\n" })
        {
            Assert.Equal(0, await server.ServeAsync(new StringReader(text), writer, CancellationToken.None));
        }

        using var stream = new MemoryStream();
        Assert.Equal(0, await server.ServeAsync(new StringReader(text), stream, CancellationToken.None));

        Assert.Equal(input.Count, utf8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(bytes.ToArray(), stream.ToArray());
    }

    [Fact]
    public async Task Refuses_another_protocol_version()
    {
        var (code, lines) = await Serve("""{"type":"hello","protocol":"podconf.adapter/v2"}""");
        Assert.Equal(1, code);
        Assert.Equal("""{"type":"error","message":"unsupported protocol \"podconf.adapter/v2\"; this adapter speaks podconf.adapter/v1"}""", Assert.Single(lines));
    }
}
