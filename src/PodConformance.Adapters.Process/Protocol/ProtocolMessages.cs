using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Protocol;

/// <summary>
/// Every message of spec/adapter-protocol.md as one line of JSON (without the newline), written
/// deterministically and read strictly. Both sides use it: <see cref="ProcessAdapter"/> and <see cref="AdapterServer"/>.
/// </summary>
public static class ProtocolMessages
{
    /// <summary>Relaxed escaping keeps non-ASCII and <c>+</c> readable in transcripts; control characters are still escaped, so a message never spans lines.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>podconf's hello; with <paramref name="pipelining"/>, offering to send requests ahead of answers (PROTO-005).</summary>
    public static string Hello(string client, bool pipelining = false) => Write(w =>
    {
        w.WriteString("type", "hello");
        w.WriteString("protocol", ProcessAdapterInfo.ProtocolVersion);
        w.WriteString("client", client);
        if (pipelining)
        {
            w.WriteBoolean("pipelining", true);
        }
    });

    public static string Run(long id, ConformanceCase testCase, Profile profile, bool withholdSecrets = false) =>
        Write(w => RunFields(w, id, testCase, profile, withholdSecrets));

    private static void RunFields(Utf8JsonWriter w, long id, ConformanceCase testCase, Profile profile, bool withholdSecrets)
    {
        w.WriteString("type", "run");
        w.WriteNumber("id", id);
        w.WritePropertyName("profile");
        CaseCodec.WriteProfile(w, profile);
        w.WritePropertyName("case");
        CaseCodec.Write(w, testCase, withholdSecrets);
    }

    /// <summary>
    /// <see cref="Run"/>'s line in UTF-8 and its newline, appended to <paramref name="output"/>: the same bytes, without
    /// the string (a pod with its scenario is kilobytes).
    /// </summary>
    public static void WriteRunLine(IBufferWriter<byte> output, long id, ConformanceCase testCase, Profile profile, bool withholdSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (_, w) = _scratch ??= NewScratch();
        w.Reset(output);
        w.WriteStartObject();
        RunFields(w, id, testCase, profile, withholdSecrets);
        w.WriteEndObject();
        w.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    public static string Bye() => Write(w => w.WriteString("type", "bye"));

    public static string AdapterHello(AdapterHello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        return Write(w =>
        {
            w.WriteString("type", "hello");
            w.WriteString("protocol", ProcessAdapterInfo.ProtocolVersion);
            w.WriteString("name", hello.Name);
            w.WriteString("version", hello.Version);
            w.WriteStartArray("capabilities");
            foreach (var c in Enum.GetValues<Capability>())
            {
                if (c is not (Capability.None or Capability.All) && (hello.Capabilities & c) != 0)
                {
                    w.WriteStringValue(CapabilityNames.ToName(c));
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("kubernetesVersions");
            foreach (var v in hello.KubernetesVersions)
            {
                w.WriteStringValue(v.ToString());
            }

            w.WriteEndArray();
            if (hello.MaxInFlight > 1)
            {
                // Only in answer to a hello that offered pipelining: an older podconf reads the hello strictly (PROTO-005).
                w.WriteNumber("maxInFlight", hello.MaxInFlight);
            }
        });
    }

    public static string Observation(long id, Observation observation) => Write(w => ObservationFields(w, id, observation));

    private static void ObservationFields(Utf8JsonWriter w, long id, Observation observation)
    {
        w.WriteString("type", "observation");
        w.WriteNumber("id", id);
        w.WritePropertyName("observation");
        ObservationCodec.Write(w, observation);
    }

    /// <summary>
    /// <see cref="Observation(long, Suite.Observations.Observation)"/>'s line in UTF-8 and its newline, appended to
    /// <paramref name="output"/>: the same bytes, without the string.
    /// </summary>
    public static void WriteObservationLine(IBufferWriter<byte> output, long id, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (_, w) = _scratch ??= NewScratch();
        w.Reset(output);
        w.WriteStartObject();
        ObservationFields(w, id, observation);
        w.WriteEndObject();
        w.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    public static string Error(long? id, string message) => Write(w =>
    {
        w.WriteString("type", "error");
        if (id is { } i)
        {
            w.WriteNumber("id", i);
        }

        w.WriteString("message", message);
    });

    /// <summary>The adapter's first line. A refusal (<c>error</c>) or another protocol version is a <see cref="ProtocolException"/> quoting the adapter.</summary>
    public static AdapterHello ReadAdapterHello(string line)
    {
        using var doc = StrictJson.Parse(line);
        var o = StrictObject.Of(doc.RootElement, "");
        string type = o.RequiredString("type");
        if (type == "error")
        {
            throw new ProtocolException("", "the adapter refused the handshake: " + o.OptionalString("message"));
        }

        if (type != "hello")
        {
            throw new ProtocolException("type", "expected \"hello\" as the first message, got " + Excerpt.Quote(type, 40));
        }

        string protocol = o.RequiredString("protocol");
        if (protocol != ProcessAdapterInfo.ProtocolVersion)
        {
            throw new ProtocolException("protocol", "the adapter speaks " + Excerpt.Quote(protocol, 60) + ", podconf speaks \"" + ProcessAdapterInfo.ProtocolVersion + "\"");
        }

        string name = o.RequiredString("name");
        string version = o.RequiredString("version");
        var capabilities = Capability.None;
        var unknown = new List<string>();
        foreach (string c in StrictJson.Strings(o.Required("capabilities"), "capabilities"))
        {
            if (CapabilityNames.TryParse(c, out var cap))
            {
                capabilities |= cap;
            }
            else
            {
                unknown.Add(c);
            }
        }

        var versions = StrictJson.List(o.Required("kubernetesVersions"), "kubernetesVersions", (e, p) =>
        {
            string text = StrictJson.String(e, p);
            return KubernetesVersion.TryParse(text, out var v, out string error) ? v : throw new ProtocolException(p, error);
        });
        if (versions.IsEmpty)
        {
            throw new ProtocolException("kubernetesVersions", "must list at least one Kubernetes minor release (\"1.37\")");
        }

        int maxInFlight = 1;
        if (o.Optional("maxInFlight") is { } window)
        {
            long n = StrictJson.Int64(window, "maxInFlight");
            if (n < 1)
            {
                throw new ProtocolException("maxInFlight", "must be a positive integer (1: one request at a time), got " + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            maxInFlight = (int)Math.Min(n, int.MaxValue);
        }

        o.RejectUnknown();
        return new AdapterHello(name, version, capabilities, versions, unknown.ToValueList(), maxInFlight);
    }

    /// <summary>An answer to a run request. Strict: unknown fields and types fail (except <c>x-</c> extensions).</summary>
    public static AdapterReply ReadReply(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return FastReplyReader.TryRead(line, out var fast) ? fast! : ReadReplyStrictly(line);
    }

    /// <summary>
    /// The same from the line's bytes, which must be valid UTF-8 (as <see cref="StdoutLines"/> checks): the common reply is
    /// read from them without a string; anything else is read strictly from their text, with the same result and errors.
    /// </summary>
    public static AdapterReply ReadReply(ReadOnlySpan<byte> utf8Line) =>
        FastReplyReader.TryRead(utf8Line, out var fast) ? fast! : ReadReplyStrictly(Encoding.UTF8.GetString(utf8Line));

    /// <summary>The strict reading of a reply, which words every error (the fast reader gives up on anything unusual).</summary>
    internal static AdapterReply ReadReplyStrictly(string line)
    {
        using var doc = StrictJson.Parse(line);
        var o = StrictObject.Of(doc.RootElement, "");
        string type = o.RequiredString("type");
        AdapterReply reply;
        switch (type)
        {
            case "observation":
                long id = o.RequiredInt64("id");
                reply = new ObservationReply(id, ObservationCodec.Read(o.Required("observation"), "observation"));
                break;
            case "error":
                reply = new ErrorReply(o.Optional("id") is { } e ? StrictJson.Int64(e, "id") : null, o.RequiredString("message"));
                break;
            default:
                throw new ProtocolException("type", "expected \"observation\" or \"error\", got " + Excerpt.Quote(type, 40));
        }

        o.RejectUnknown();
        return reply;
    }

    /// <summary>
    /// A message from podconf, as an adapter reads it. Unknown fields are ignored (podconf may add optional
    /// ones within v1); an unknown <c>type</c> is an error.
    /// </summary>
    public static ClientMessage ReadRequest(string line)
    {
        using var doc = StrictJson.Parse(line);
        return ReadRequest(doc);
    }

    /// <summary>
    /// The same from the line's bytes, which must be valid UTF-8 (<see cref="System.Text.Unicode.Utf8.IsValid"/>): then they
    /// are exactly what the string overload parses, so the message and every error are the same, without a string per line.
    /// </summary>
    public static ClientMessage ReadRequest(ReadOnlyMemory<byte> utf8Line)
    {
        // A run request as podconf writes it is read in one pass (its pod parsed once); anything else, and every error, here.
        if (RunRequestReader.TryRead(utf8Line) is { } run)
        {
            return run;
        }

        using var doc = StrictJson.Parse(utf8Line);
        return ReadRequest(doc);
    }

    private static ClientMessage ReadRequest(JsonDocument doc)
    {
        var o = StrictObject.Of(doc.RootElement, "");
        string type = o.RequiredString("type");
        return type switch
        {
            "hello" => new ClientHello(o.RequiredString("protocol"), o.OptionalString("client"), o.Optional("pipelining") is { ValueKind: JsonValueKind.True }),
            "run" => new RunRequest(
                o.RequiredInt64("id"),
                CaseCodec.Read(o.Required("case"), "case"),
                CaseCodec.ReadProfile(o.Required("profile"), "profile")),
            "bye" => new ByeMessage(),
            _ => throw new ProtocolException("type", "unknown message type " + Excerpt.Quote(type, 40)),
        };
    }

    /// <summary>The request id of a line that failed to parse, when it has one, so the error reply can carry it.</summary>
    public static long? TryReadId(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("id", out var id)
                && id.TryGetInt64(out long value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// One buffer and writer per thread, reset per message: a pod with its scenario is kilobytes, and a fresh buffer
    /// grew (and copied) several times per message. Writing is synchronous, so a thread never nests two messages.
    /// </summary>
    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var (buffer, w) = _scratch ??= NewScratch();
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        try
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
            w.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > 1 << 20)
            {
                _scratch = null; // an exceptional message: do not keep a megabyte per thread
            }
        }
    }

    private static (System.Buffers.ArrayBufferWriter<byte>, Utf8JsonWriter) NewScratch()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, WriterOptions));
    }
}
