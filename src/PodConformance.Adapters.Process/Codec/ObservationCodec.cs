using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Model.Collections;
using PodConformance.Model.Time;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// <see cref="Observation"/> on the wire (spec/adapter-protocol.md, "Observation"): one JSON member per
/// facet, absent when not observed. Written field by field in a fixed order so the same observation is the
/// same bytes; read strictly, so a malformed answer fails its case with the path of the mistake.
/// <see cref="Observation.Failure"/> is never on the wire: an adapter that fails says so with an error message.
/// </summary>
public static class ObservationCodec
{
    public static void Write(Utf8JsonWriter w, Observation o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        if (!w.Options.Indented && ReferenceEquals(w.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
        {
            // The protocol's writer (ProtocolMessages): the same bytes, written directly.
            w.WriteRawValue(ObservationBytes.Encode(o), skipInputValidation: true);
            return;
        }

        WriteWithJsonWriter(w, o);
    }

    /// <summary>
    /// The observation through the writer's own methods: for a writer with other options, and the reference
    /// <see cref="ObservationBytes"/> must equal with the protocol's (the equivalence tests compare them).
    /// </summary>
    internal static void WriteWithJsonWriter(Utf8JsonWriter w, Observation o)
    {
        w.WriteStartObject();
        if (o.Quantity is { } q)
        {
            w.WriteStartObject("quantity");
            w.WriteBoolean("ok", q.Ok);
            var hidden = q.NotObserved;
            if ((hidden & QuantityMembers.String) == 0)
            {
                w.WriteString("string", q.String);
            }

            if ((hidden & QuantityMembers.Canonical) == 0)
            {
                w.WriteString("canonical", q.Canonical);
            }

            if ((hidden & QuantityMembers.Format) == 0)
            {
                w.WriteString("format", q.Format);
            }

            if ((hidden & QuantityMembers.MilliValue) == 0)
            {
                w.WriteNumber("milliValue", q.MilliValue);
            }

            if ((hidden & QuantityMembers.Value) == 0)
            {
                w.WriteNumber("value", q.Value);
            }

            if ((hidden & QuantityMembers.Error) == 0)
            {
                w.WriteString("error", q.Error);
            }

            if (hidden != QuantityMembers.None)
            {
                w.WriteStartArray("notObserved");
                foreach (var (member, name) in QuantityMemberNames)
                {
                    if ((hidden & member) != 0)
                    {
                        w.WriteStringValue(name);
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        if (o.Admission is { } a)
        {
            w.WriteStartObject("admission");
            w.WriteBoolean("accepted", a.Accepted);
            WriteStrings(w, "errors", a.Errors);
            w.WriteString("qosClass", a.QosClass);
            WriteStringMap(w, "defaults", a.Defaults);
            w.WriteEndObject();
        }

        if (o.Lifecycle is { } l)
        {
            w.WritePropertyName("lifecycle");
            WriteLifecycle(w, l);
        }

        if (o.Env is { } env)
        {
            w.WriteStartObject("env");
            w.WriteStartObject("containers");
            foreach (var (name, vars) in env.Containers)
            {
                WriteStringMap(w, name, vars);
            }

            w.WriteEndObject();
            WriteStringMap(w, "errors", env.Errors);
            w.WriteEndObject();
        }

        if (o.OomScore is { } oom)
        {
            w.WriteStartObject("oomScore");
            w.WriteStartObject("scores");
            foreach (var (name, score) in oom.Scores)
            {
                w.WriteNumber(name, score);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        if (o.Eviction is { } ev)
        {
            w.WriteStartObject("eviction");
            WriteStrings(w, "order", ev.Order);
            WriteStrings(w, "neverEvicted", ev.NeverEvicted);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static Observation Read(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var result = new Observation
        {
            Quantity = o.Optional("quantity") is { } q ? ReadQuantity(q, o.Child("quantity")) : null,
            Admission = o.Optional("admission") is { } a ? ReadAdmission(a, o.Child("admission")) : null,
            Lifecycle = o.Optional("lifecycle") is { } l ? ReadLifecycle(l, o.Child("lifecycle")) : null,
            Env = o.Optional("env") is { } env ? ReadEnv(env, o.Child("env")) : null,
            OomScore = o.Optional("oomScore") is { } oom ? ReadOom(oom, o.Child("oomScore")) : null,
            Eviction = o.Optional("eviction") is { } ev ? ReadEviction(ev, o.Child("eviction")) : null,
        };
        o.RejectUnknown();
        return result;
    }

    /// <summary>The quantity members an answer may list in <c>notObserved</c>, by wire name, in wire order.</summary>
    internal static readonly (QuantityMembers Member, string Name)[] QuantityMemberNames =
    [
        (QuantityMembers.String, "string"), (QuantityMembers.Canonical, "canonical"), (QuantityMembers.Format, "format"),
        (QuantityMembers.MilliValue, "milliValue"), (QuantityMembers.Value, "value"), (QuantityMembers.Error, "error"),
    ];

    /// <summary>
    /// Every member is required unless <c>notObserved</c> names it (PROTO-019): then it must be absent, so an
    /// adapter that forgets a member still fails loudly, and one that cannot observe it says so.
    /// </summary>
    private static QuantityObservation ReadQuantity(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var hidden = QuantityMembers.None;
        if (o.Optional("notObserved") is { } list)
        {
            string listPath = o.Child("notObserved");
            foreach (string name in StrictJson.Strings(list, listPath))
            {
                var member = QuantityMembers.None;
                foreach (var (m, n) in QuantityMemberNames)
                {
                    if (string.Equals(n, name, StringComparison.Ordinal))
                    {
                        member = m;
                    }
                }

                if (member == QuantityMembers.None)
                {
                    throw new ProtocolException(listPath, "unknown member " + Excerpt.Quote(name, 40) + " (expected string, canonical, format, milliValue, value or error)");
                }

                hidden |= member;
            }
        }

        bool ok = o.RequiredBool("ok");
        string Text(QuantityMembers member, string name) => (hidden & member) != 0 ? Absent(o, name) : o.RequiredString(name);
        long Number(QuantityMembers member, string name)
        {
            if ((hidden & member) != 0)
            {
                Absent(o, name);
                return 0;
            }

            return o.RequiredInt64(name);
        }

        var q = new QuantityObservation(
            ok,
            Text(QuantityMembers.String, "string"),
            Text(QuantityMembers.Canonical, "canonical"),
            Text(QuantityMembers.Format, "format"),
            Number(QuantityMembers.MilliValue, "milliValue"),
            Number(QuantityMembers.Value, "value"),
            Text(QuantityMembers.Error, "error"))
        { NotObserved = hidden };
        o.RejectUnknown();
        return q;
    }

    private static string Absent(StrictObject o, string name) =>
        o.Optional(name) is null ? "" : throw new ProtocolException(o.Child(name), "listed in notObserved, so it must be absent");

    private static AdmissionObservation ReadAdmission(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var a = new AdmissionObservation
        {
            Accepted = o.RequiredBool("accepted"),
            Errors = o.OptionalStrings("errors"),
            QosClass = o.OptionalString("qosClass"),
            Defaults = o.OptionalStringMap("defaults"),
        };
        o.RejectUnknown();
        return a;
    }

    /// <summary>The lifecycle observation's field names, encoded once: each was transcoded and checked for escaping per item.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Conditions = JsonEncodedText.Encode("conditions");
        public static readonly JsonEncodedText Containers = JsonEncodedText.Encode("containers");
        public static readonly JsonEncodedText Deleted = JsonEncodedText.Encode("deleted");
        public static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
        public static readonly JsonEncodedText ExitCode = JsonEncodedText.Encode("exitCode");
        public static readonly JsonEncodedText LastExitCode = JsonEncodedText.Encode("lastExitCode");
        public static readonly JsonEncodedText LastReason = JsonEncodedText.Encode("lastReason");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Offset = JsonEncodedText.Encode("offset");
        public static readonly JsonEncodedText Phase = JsonEncodedText.Encode("phase");
        public static readonly JsonEncodedText Ready = JsonEncodedText.Encode("ready");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Rejected = JsonEncodedText.Encode("rejected");
        public static readonly JsonEncodedText RestartCount = JsonEncodedText.Encode("restartCount");
        public static readonly JsonEncodedText Restarts = JsonEncodedText.Encode("restarts");
        public static readonly JsonEncodedText Samples = JsonEncodedText.Encode("samples");
        public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    }

    private static void WriteLifecycle(Utf8JsonWriter w, LifecycleObservation l)
    {
        w.WriteStartObject();
        w.WriteBoolean(Names.Rejected, l.Rejected);
        w.WriteStartArray(Names.Samples);
        foreach (var s in l.Samples)
        {
            w.WriteStartObject();
            w.WriteString(Names.Offset, DurationTexts.Format(s.Offset));
            w.WriteString(Names.Phase, s.Phase);
            WriteStrings(w, Names.Conditions, s.Conditions);
            w.WriteStartArray(Names.Containers);
            foreach (var c in s.Containers)
            {
                w.WriteStartObject();
                w.WriteString(Names.Name, c.Name);
                w.WriteString(Names.State, c.State);
                w.WriteString(Names.Reason, c.Reason);
                if (c.ExitCode is { } exit)
                {
                    w.WriteNumber(Names.ExitCode, exit);
                }

                w.WriteNumber(Names.RestartCount, c.RestartCount);
                w.WriteBoolean(Names.Ready, c.Ready);
                w.WriteString(Names.LastReason, c.LastReason);
                if (c.LastExitCode is { } lastExit)
                {
                    w.WriteNumber(Names.LastExitCode, lastExit);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString(Names.Ready, s.Ready);
            w.WriteString(Names.Status, s.Status);
            w.WriteString(Names.Restarts, s.Restarts);
            w.WriteBoolean(Names.Deleted, s.Deleted);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Events);
        foreach (var ev in l.Events)
        {
            w.WriteStartObject();
            w.WriteString(Names.Offset, DurationTexts.Format(ev.Offset));
            w.WriteString(Names.Type, ev.Type);
            w.WriteString(Names.Reason, ev.Reason);
            w.WriteString(Names.Message, ev.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // The lifecycle readers take the item's StrictObject, whose path is built only for an error: an observation has
    // hundreds of samples, containers and events.
    private static LifecycleObservation ReadLifecycle(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var l = new LifecycleObservation
        {
            Rejected = o.OptionalBool("rejected"),
            Samples = o.OptionalObjects("samples", ReadSample),
            Events = o.OptionalObjects("events", ReadEvent),
        };
        o.RejectUnknown();
        return l;
    }

    private static StatusSample ReadSample(StrictObject o)
    {
        var s = new StatusSample
        {
            Offset = o.RequiredDuration("offset"),
            Phase = o.RequiredString("phase"),
            Conditions = o.OptionalStrings("conditions"),
            Containers = o.OptionalObjects("containers", ReadContainer),
            Ready = o.OptionalString("ready"),
            Status = o.OptionalString("status"),
            Restarts = o.OptionalString("restarts"),
            Deleted = o.OptionalBool("deleted"),
        };
        o.RejectUnknown();
        return s;
    }

    private static ContainerSample ReadContainer(StrictObject o)
    {
        var c = new ContainerSample
        {
            Name = o.RequiredString("name"),
            State = o.OptionalString("state"),
            Reason = o.OptionalString("reason"),
            ExitCode = o.OptionalInt32("exitCode"),
            RestartCount = o.OptionalInt32("restartCount") ?? 0,
            Ready = o.OptionalBool("ready"),
            LastReason = o.OptionalString("lastReason"),
            LastExitCode = o.OptionalInt32("lastExitCode"),
        };
        o.RejectUnknown();
        return c;
    }

    private static EventSample ReadEvent(StrictObject o)
    {
        var ev = new EventSample(
            o.RequiredDuration("offset"),
            o.RequiredString("type"),
            o.RequiredString("reason"),
            o.OptionalString("message"));
        o.RejectUnknown();
        return ev;
    }

    private static EnvObservation ReadEnv(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var env = new EnvObservation(
            StrictJson.Map(o.Optional("containers"), o.Child("containers"), (v, p) => StrictJson.StringMap(v, p)),
            StrictJson.StringMap(o.Optional("errors"), o.Child("errors")));
        o.RejectUnknown();
        return env;
    }

    private static OomScoreObservation ReadOom(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var oom = new OomScoreObservation(StrictJson.Map(o.Required("scores"), o.Child("scores"), StrictJson.Int32));
        o.RejectUnknown();
        return oom;
    }

    private static EvictionObservation ReadEviction(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var ev = new EvictionObservation(
            o.OptionalStrings("order"),
            o.OptionalStrings("neverEvicted"));
        o.RejectUnknown();
        return ev;
    }

    // Typed collections, not IEnumerable: the struct list and map were boxed, and their enumerators allocated, per call
    // (per sample of a lifecycle observation).
    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, ValueList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, ValueList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteStringMap(Utf8JsonWriter w, string name, ValueMap<string> values)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in values)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }
}
