// The observation codec's two ends as they were at commit c0f9115 (src/PodConformance.Adapters.Process/Codec/
// ObservationCodec.cs, FastReplyReader.cs, DurationTexts.cs and ProtocolMessages.WriteObservationLine), kept as the
// baseline of session 9's change (branch obs6): the equivalence tests compare the current encoder's bytes and decoder's
// results with these, and ProtocolStepBenchmarks runs them beside the current code in the same run. Compiled into both
// projects (linked); only the copies' names changed.
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Model.Time;
using PodConformance.Suite.Observations;

namespace PodConformance.Baselines;

/// <summary>The writer of c0f9115: the observation line through <see cref="Utf8JsonWriter"/>'s own methods.</summary>
internal static class ObservationWriterC0f9115
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>ProtocolMessages.WriteObservationLine of c0f9115.</summary>
    public static void WriteObservationLine(IBufferWriter<byte> output, long id, Observation observation)
    {
        var w = _writer ??= new Utf8JsonWriter(output, WriterOptions);
        w.Reset(output);
        w.WriteStartObject();
        w.WriteString("type", "observation");
        w.WriteNumber("id", id);
        w.WritePropertyName("observation");
        Write(w, observation);
        w.WriteEndObject();
        w.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    public static void Write(Utf8JsonWriter w, Observation o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
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

    /// <summary>The quantity members an answer may list in <c>notObserved</c>, by wire name, in wire order.</summary>
    private static readonly (QuantityMembers Member, string Name)[] QuantityMemberNames =
    [
        (QuantityMembers.String, "string"), (QuantityMembers.Canonical, "canonical"), (QuantityMembers.Format, "format"),
        (QuantityMembers.MilliValue, "milliValue"), (QuantityMembers.Value, "value"), (QuantityMembers.Error, "error"),
    ];

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
            w.WriteString(Names.Offset, OldDurationTexts.Format(s.Offset));
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
            w.WriteString(Names.Offset, OldDurationTexts.Format(ev.Offset));
            w.WriteString(Names.Type, ev.Type);
            w.WriteString(Names.Reason, ev.Reason);
            w.WriteString(Names.Message, ev.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
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

internal static class FastReplyReaderC0f9115
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>The same from the line's bytes, as they came from the adapter (valid UTF-8: the bytes the string overload encodes).</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, out ObservationReply? reply)
    {
        reply = null;
        Scratch.Reset();
        try
        {
            var r = new Utf8JsonReader(utf8Line, Options);
            reply = ReadReply(ref r);
            if (reply is not null && r.Read())
            {
                reply = null; // trailing content: the strict reader words it
            }
        }
        catch (JsonException)
        {
            reply = null;
        }
        catch (InvalidOperationException)
        {
            reply = null;
        }
        catch (ArgumentException)
        {
            reply = null;
        }

        return reply is not null;
    }

    private static ObservationReply? ReadReply(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        long id = 0;
        Observation? observation = null;
        while (Next(ref r, out int field, ref seen, "type"u8, "id"u8, "observation"u8))
        {
            switch (field)
            {
                case 0:
                    if (r.TokenType != JsonTokenType.String || !r.ValueTextEquals("observation"u8))
                    {
                        return null;
                    }

                    break;
                case 1:
                    if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out id))
                    {
                        return null;
                    }

                    break;
                default:
                    observation = ReadObservation(ref r);
                    if (observation is null)
                    {
                        return null;
                    }

                    break;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && seen == 0b111 ? new ObservationReply(id, observation!) : null;
    }

    private static Observation? ReadObservation(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        AdmissionObservation? admission = null;
        LifecycleObservation? lifecycle = null;
        EnvObservation? env = null;
        OomScoreObservation? oomScore = null;
        EvictionObservation? eviction = null;
        QuantityObservation? quantity = null;
        while (Next(ref r, out int field, ref seen, "admission"u8, "lifecycle"u8, "env"u8, "oomScore"u8, "eviction"u8, "quantity"u8))
        {
            bool ok = field switch
            {
                0 => (admission = ReadAdmission(ref r)) is not null,
                1 => (lifecycle = ReadLifecycle(ref r)) is not null,
                2 => (env = ReadEnv(ref r)) is not null,
                3 => (oomScore = ReadOomScore(ref r)) is not null,
                4 => (eviction = ReadEviction(ref r)) is not null,
                _ => (quantity = ReadQuantity(ref r)) is not null,
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject
            ? new Observation { Quantity = quantity, Admission = admission, Lifecycle = lifecycle, Env = env, OomScore = oomScore, Eviction = eviction }
            : null;
    }

    private static EnvObservation? ReadEnv(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        var containers = ValueMap<ValueMap<string>>.Empty;
        var errors = ValueMap<string>.Empty;
        while (Next(ref r, out int field, ref seen, "containers"u8, "errors"u8))
        {
            bool ok = field == 0 ? ContainerEnvs(ref r, out containers) : StringMap(ref r, out errors);
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? new EnvObservation(containers, errors) : null;
    }

    private static bool ContainerEnvs(ref Utf8JsonReader r, out ValueMap<ValueMap<string>> map)
    {
        map = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var items = Scratch.Current.EnvMaps;
        int start = items.Count;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string key = r.GetString()!;
            if (!r.Read() || !StringMap(ref r, out var vars))
            {
                return false;
            }

            items.Add((key, vars));
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        map = ValueMap.Of(Scratch.Pop(items, start, out int count));
        return map.Count == count;
    }

    private static OomScoreObservation? ReadOomScore(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        var scores = ValueMap<int>.Empty;
        while (Next(ref r, out _, ref seen, "scores"u8))
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var items = Scratch.Current.Scores;
            int start = items.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                string key = r.GetString()!;
                if (!r.Read() || !Int32(ref r, out int score))
                {
                    return null;
                }

                items.Add((key, score));
            }

            if (r.TokenType != JsonTokenType.EndObject)
            {
                return null;
            }

            scores = ValueMap.Of(Scratch.Pop(items, start, out int count));
            if (scores.Count != count)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && seen == 1 ? new OomScoreObservation(scores) : null;
    }

    private static EvictionObservation? ReadEviction(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        var order = ValueList<string>.Empty;
        var neverEvicted = ValueList<string>.Empty;
        while (Next(ref r, out int field, ref seen, "order"u8, "neverEvicted"u8))
        {
            bool ok = field == 0 ? Strings(ref r, out order) : Strings(ref r, out neverEvicted);
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? new EvictionObservation(order, neverEvicted) : null;
    }

    /// <summary>Only the whole answer (every member present, no <c>notObserved</c>): the strict reader takes any other.</summary>
    private static QuantityObservation? ReadQuantity(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        bool ok = false;
        string text = "", canonical = "", format = "", error = "";
        long milliValue = 0, value = 0;
        while (Next(ref r, out int field, ref seen, "ok"u8, "string"u8, "canonical"u8, "format"u8, "milliValue"u8, "value"u8, "error"u8))
        {
            bool read = field switch
            {
                0 => Bool(ref r, out ok),
                1 => String(ref r, out text),
                2 => String(ref r, out canonical),
                3 => String(ref r, out format),
                4 => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out milliValue),
                5 => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out value),
                _ => String(ref r, out error),
            };
            if (!read)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && seen == 0b111_1111
            ? new QuantityObservation(ok, text, canonical, format, milliValue, value, error)
            : null;
    }

    private static AdmissionObservation? ReadAdmission(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        bool accepted = false;
        var errors = ValueList<string>.Empty;
        string qos = "";
        var defaults = ValueMap<string>.Empty;
        while (Next(ref r, out int field, ref seen, "accepted"u8, "errors"u8, "qosClass"u8, "defaults"u8))
        {
            bool ok = field switch
            {
                0 => Bool(ref r, out accepted),
                1 => Strings(ref r, out errors),
                2 => String(ref r, out qos),
                _ => StringMap(ref r, out defaults),
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && (seen & 1) != 0
            ? new AdmissionObservation { Accepted = accepted, Errors = errors, QosClass = qos, Defaults = defaults }
            : null;
    }

    private static LifecycleObservation? ReadLifecycle(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        bool rejected = false;
        var samples = ValueList<StatusSample>.Empty;
        var events = ValueList<EventSample>.Empty;
        while (Next(ref r, out int field, ref seen, "rejected"u8, "samples"u8, "events"u8))
        {
            bool ok = field switch
            {
                0 => Bool(ref r, out rejected),
                1 => Samples(ref r, out samples),
                _ => Events(ref r, out events),
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? new LifecycleObservation { Rejected = rejected, Samples = samples, Events = events } : null;
    }

    private static bool Samples(ref Utf8JsonReader r, out ValueList<StatusSample> samples)
    {
        samples = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = Scratch.Current.Samples;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReadSample(ref r) is not { } s)
            {
                return false;
            }

            items.Add(s);
        }

        samples = new ValueList<StatusSample>(ImmutableCollectionsMarshal.AsImmutableArray(Scratch.Pop(items, start)));
        return true;
    }

    private static StatusSample? ReadSample(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        var offset = TimeSpan.Zero;
        string phase = "", ready = "", status = "", restarts = "";
        var conditions = ValueList<string>.Empty;
        var containers = ValueList<ContainerSample>.Empty;
        bool deleted = false;
        while (Next(ref r, out int field, ref seen, "offset"u8, "phase"u8, "conditions"u8, "containers"u8, "ready"u8, "status"u8, "restarts"u8, "deleted"u8))
        {
            bool ok = field switch
            {
                0 => Duration(ref r, out offset),
                1 => String(ref r, out phase),
                2 => Strings(ref r, out conditions),
                3 => Containers(ref r, out containers),
                4 => String(ref r, out ready),
                5 => String(ref r, out status),
                6 => String(ref r, out restarts),
                _ => Bool(ref r, out deleted),
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && (seen & 0b11) == 0b11
            ? new StatusSample
            {
                Offset = offset,
                Phase = phase,
                Conditions = conditions,
                Containers = containers,
                Ready = ready,
                Status = status,
                Restarts = restarts,
                Deleted = deleted,
            }
            : null;
    }

    private static bool Containers(ref Utf8JsonReader r, out ValueList<ContainerSample> containers)
    {
        containers = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = Scratch.Current.Containers;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReadContainer(ref r) is not { } c)
            {
                return false;
            }

            items.Add(c);
        }

        containers = new ValueList<ContainerSample>(ImmutableCollectionsMarshal.AsImmutableArray(Scratch.Pop(items, start)));
        return true;
    }

    private static ContainerSample? ReadContainer(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        string name = "", state = "", reason = "", lastReason = "";
        int exitCode = 0, restartCount = 0, lastExitCode = 0;
        bool ready = false;
        while (Next(ref r, out int field, ref seen, "name"u8, "state"u8, "reason"u8, "exitCode"u8, "restartCount"u8, "ready"u8, "lastReason"u8, "lastExitCode"u8))
        {
            bool ok = field switch
            {
                0 => String(ref r, out name),
                1 => String(ref r, out state),
                2 => String(ref r, out reason),
                3 => Int32(ref r, out exitCode),
                4 => Int32(ref r, out restartCount),
                5 => Bool(ref r, out ready),
                6 => String(ref r, out lastReason),
                _ => Int32(ref r, out lastExitCode),
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && (seen & 1) != 0
            ? new ContainerSample
            {
                Name = name,
                State = state,
                Reason = reason,
                ExitCode = (seen & (1 << 3)) != 0 ? exitCode : null,
                RestartCount = restartCount,
                Ready = ready,
                LastReason = lastReason,
                LastExitCode = (seen & (1 << 7)) != 0 ? lastExitCode : null,
            }
            : null;
    }

    private static bool Events(ref Utf8JsonReader r, out ValueList<EventSample> events)
    {
        events = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = Scratch.Current.Events;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReadEvent(ref r) is not { } e)
            {
                return false;
            }

            items.Add(e);
        }

        events = new ValueList<EventSample>(ImmutableCollectionsMarshal.AsImmutableArray(Scratch.Pop(items, start)));
        return true;
    }

    private static EventSample? ReadEvent(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        var offset = TimeSpan.Zero;
        string type = "", reason = "", message = "";
        while (Next(ref r, out int field, ref seen, "offset"u8, "type"u8, "reason"u8, "message"u8))
        {
            bool ok = field switch
            {
                0 => Duration(ref r, out offset),
                1 => String(ref r, out type),
                2 => String(ref r, out reason),
                _ => String(ref r, out message),
            };
            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && (seen & 0b111) == 0b111 ? new EventSample(offset, type, reason, message) : null;
    }

    /// <summary>
    /// Moves to the next field's value: true with its index among the names (n0…n7), false at the object's end. An
    /// unknown or repeated name, or a null value, ends the object too, leaving the reader elsewhere than at its end (the
    /// callers check <see cref="JsonTokenType.EndObject"/>), so the fast path gives up.
    /// </summary>
    private static bool Next(ref Utf8JsonReader r, out int field, ref int seen, ReadOnlySpan<byte> n0, ReadOnlySpan<byte> n1 = default, ReadOnlySpan<byte> n2 = default, ReadOnlySpan<byte> n3 = default, ReadOnlySpan<byte> n4 = default, ReadOnlySpan<byte> n5 = default, ReadOnlySpan<byte> n6 = default, ReadOnlySpan<byte> n7 = default)
    {
        field = -1;
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        if (r.ValueTextEquals(n0)) { field = 0; }
        else if (!n1.IsEmpty && r.ValueTextEquals(n1)) { field = 1; }
        else if (!n2.IsEmpty && r.ValueTextEquals(n2)) { field = 2; }
        else if (!n3.IsEmpty && r.ValueTextEquals(n3)) { field = 3; }
        else if (!n4.IsEmpty && r.ValueTextEquals(n4)) { field = 4; }
        else if (!n5.IsEmpty && r.ValueTextEquals(n5)) { field = 5; }
        else if (!n6.IsEmpty && r.ValueTextEquals(n6)) { field = 6; }
        else if (!n7.IsEmpty && r.ValueTextEquals(n7)) { field = 7; }

        if (field < 0 || (seen & (1 << field)) != 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        seen |= 1 << field;
        return true;
    }

    private static bool String(ref Utf8JsonReader r, out string value)
    {
        value = r.TokenType == JsonTokenType.String ? r.GetString()! : "";
        return r.TokenType == JsonTokenType.String;
    }

    private static bool Bool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool Int32(ref Utf8JsonReader r, out int value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt32(out value);
    }

    private static bool Duration(ref Utf8JsonReader r, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        return r.TokenType == JsonTokenType.String && OldDurationTexts.TryParse(ref r, out value);
    }

    private static bool Strings(ref Utf8JsonReader r, out ValueList<string> values)
    {
        values = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = Scratch.Current.Strings;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            items.Add(r.GetString()!);
        }

        values = new ValueList<string>(ImmutableCollectionsMarshal.AsImmutableArray(Scratch.Pop(items, start)));
        return true;
    }

    private static bool StringMap(ref Utf8JsonReader r, out ValueMap<string> map)
    {
        map = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var items = Scratch.Current.Pairs;
        int start = items.Count;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string key = r.GetString()!;
            if (!r.Read() || r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            items.Add((key, r.GetString()!));
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        map = ValueMap.Of(Scratch.Pop(items, start, out int count));
        return map.Count == count; // a repeated key: the strict reader rejects the line
    }

    /// <summary>
    /// One list per item type for the whole read, used as a stack: a list's items are pushed as they come and copied
    /// once, at its end, into an array of exactly their number (a list per array grew, copied, then copied again: a third
    /// of the reading of a lifecycle reply). A read that gives up leaves items behind; the next read starts by clearing.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        public readonly List<StatusSample> Samples = [];
        public readonly List<ContainerSample> Containers = [];
        public readonly List<EventSample> Events = [];
        public readonly List<string> Strings = [];
        public readonly List<(string, string)> Pairs = [];
        public readonly List<(string, int)> Scores = [];
        public readonly List<(string, ValueMap<string>)> EnvMaps = [];

        public static Scratch Current => _current ??= new Scratch();

        public static void Reset()
        {
            if (_current is not { } s)
            {
                return;
            }

            if (s.Samples.Capacity + s.Containers.Capacity + s.Events.Capacity + s.Strings.Capacity + s.Pairs.Capacity > 1 << 16)
            {
                _current = null; // an exceptional reply: do not keep its buffers per thread
                return;
            }

            s.Samples.Clear();
            s.Containers.Clear();
            s.Events.Clear();
            s.Strings.Clear();
            s.Pairs.Clear();
            s.Scores.Clear();
            s.EnvMaps.Clear();
        }

        public static T[] Pop<T>(List<T> stack, int start) => Pop(stack, start, out _);

        public static T[] Pop<T>(List<T> stack, int start, out int count)
        {
            count = stack.Count - start;
            if (count == 0)
            {
                return [];
            }

            var array = new T[count];
            stack.CopyTo(start, array, 0, count);
            stack.RemoveRange(start, count);
            return array;
        }
    }
}

internal static class OldDurationTexts
{
    private const int Size = 64;

    [ThreadStatic]
    private static (long Ticks, string Text)[]? _formatted;

    [ThreadStatic]
    private static (byte[] Utf8, TimeSpan Value)[]? _parsed;

    public static string Format(TimeSpan offset)
    {
        var table = _formatted ??= new (long, string)[Size];
        ref var slot = ref table[(int)((ulong)offset.Ticks * 0x9E3779B97F4A7C15UL >> 58)];
        if (slot.Text is not null && slot.Ticks == offset.Ticks)
        {
            return slot.Text;
        }

        string text = GoDuration.Format(offset);
        slot = (offset.Ticks, text);
        return text;
    }

    /// <summary>The string token's duration, as <see cref="GoDuration.TryParse"/> of its value reads it.</summary>
    public static bool TryParse(ref Utf8JsonReader r, out TimeSpan value)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > 32)
        {
            return GoDuration.TryParse(r.GetString()!, out value, out _);
        }

        var raw = r.ValueSpan;
        var table = _parsed ??= new (byte[], TimeSpan)[Size];
        uint hash = 2166136261;
        foreach (byte b in raw)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref var slot = ref table[hash % Size];
        if (slot.Utf8 is not null && raw.SequenceEqual(slot.Utf8))
        {
            value = slot.Value;
            return true;
        }

        if (!GoDuration.TryParse(r.GetString()!, out value, out _))
        {
            return false;
        }

        slot = (raw.ToArray(), value);
        return true;
    }
}
