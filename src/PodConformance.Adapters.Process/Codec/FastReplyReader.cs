using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Model.Time;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// The common observation reply (every facet, a quantity only with every member, only known fields, no nulls) read in one pass of
/// <see cref="Utf8JsonReader"/>, without building a <see cref="JsonDocument"/> and looking each field up in it: a
/// lifecycle reply is hundreds of objects, and the document, its lookups and the strict checks cost more than the model's
/// own run (issue 12 item 6). Anything else, valid or not (another facet, an <c>x-</c> extension, a null, a duplicate or
/// unknown field, a wrong type, bad JSON), makes it give up, and <see cref="ProtocolMessages.ReadReply(string)"/> reads
/// the line the strict way, which accepts the same values with the same result and words every error: this reader
/// never decides what is an error.
/// </summary>
internal static class FastReplyReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Throws on a lone surrogate, as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> does, rather than replacing it.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(string line, out ObservationReply? reply)
    {
        reply = null;
        int max = Utf8.GetMaxByteCount(line.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int length = Utf8.GetBytes(line, rented);
            return TryRead(rented.AsSpan(0, length), out reply);
        }
        catch (ArgumentException)
        {
            return false; // an unencodable string (EncoderFallbackException)
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The same from the line's bytes, as they came from the adapter (valid UTF-8: the bytes the string overload encodes).
    /// A line in exactly the layout podconf's writer gives it is read by <see cref="ExactReplyReader"/> without a token
    /// reader; any other by <see cref="TryReadTokens"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, out ObservationReply? reply) =>
        ExactReplyReader.TryRead(utf8Line, out reply) || TryReadTokens(utf8Line, out reply);

    /// <summary>The token reader alone (<see cref="Utf8JsonReader"/>), which takes any field order and layout: what <see cref="ExactReplyReader"/> must agree with.</summary>
    internal static bool TryReadTokens(ReadOnlySpan<byte> utf8Line, out ObservationReply? reply)
    {
        reply = null;
        ReplyScratch.Reset();
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

        var items = ReplyScratch.Current.EnvMaps;
        int start = items.Count;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string key = Texts.Get(ref r);
            if (!r.Read() || !StringMap(ref r, out var vars))
            {
                return false;
            }

            items.Add(new(key, vars));
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        return ReplyScratch.PopMap(items, start, out map);
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

            var items = ReplyScratch.Current.Scores;
            int start = items.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                string key = Texts.Get(ref r);
                if (!r.Read() || !Int32(ref r, out int score))
                {
                    return null;
                }

                items.Add(new(key, score));
            }

            if (r.TokenType != JsonTokenType.EndObject)
            {
                return null;
            }

            if (!ReplyScratch.PopMap(items, start, out scores))
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

    private static readonly byte[][] SampleFields =
        ["offset"u8.ToArray(), "phase"u8.ToArray(), "conditions"u8.ToArray(), "containers"u8.ToArray(), "ready"u8.ToArray(), "status"u8.ToArray(), "restarts"u8.ToArray(), "deleted"u8.ToArray()];

    private static readonly byte[][] ContainerFields =
        ["name"u8.ToArray(), "state"u8.ToArray(), "reason"u8.ToArray(), "exitCode"u8.ToArray(), "restartCount"u8.ToArray(), "ready"u8.ToArray(), "lastReason"u8.ToArray(), "lastExitCode"u8.ToArray()];

    private static readonly byte[][] EventFields = ["offset"u8.ToArray(), "type"u8.ToArray(), "reason"u8.ToArray(), "message"u8.ToArray()];

    private static bool Samples(ref Utf8JsonReader r, out ValueList<StatusSample> samples)
    {
        samples = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = ReplyScratch.Current.Samples;
        int start = items.Count;
        StatusSample? previous = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReadSample(ref r, previous) is not { } s)
            {
                return false;
            }

            items.Add(s);
            previous = s;
        }

        samples = new ValueList<StatusSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
        return true;
    }

    /// <summary>
    /// One sample. A sample is taken per change, so most of it is the sample before it: conditions and containers equal to
    /// the previous sample's are that sample's (immutable) list and records, not new ones; equal values either way.
    /// </summary>
    private static StatusSample? ReadSample(ref Utf8JsonReader r, StatusSample? previous)
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
        while (NextOf(ref r, out int field, ref seen, SampleFields))
        {
            bool ok = field switch
            {
                0 => Duration(ref r, out offset),
                1 => String(ref r, out phase),
                2 => Strings(ref r, out conditions, previous?.Conditions ?? default),
                3 => Containers(ref r, out containers, previous?.Containers ?? default),
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

    private static bool Containers(ref Utf8JsonReader r, out ValueList<ContainerSample> containers, ValueList<ContainerSample> previous)
    {
        containers = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = ReplyScratch.Current.Containers;
        int start = items.Count;
        bool same = true;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            int at = items.Count - start;
            if (ReadContainer(ref r, at < previous.Count ? previous[at] : null) is not { } c)
            {
                return false;
            }

            same &= at < previous.Count && ReferenceEquals(c, previous[at]);
            items.Add(c);
        }

        if (same && items.Count - start == previous.Count)
        {
            items.RemoveRange(start, items.Count - start);
            containers = previous;
            return true;
        }

        containers = new ValueList<ContainerSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
        return true;
    }

    /// <summary>One container; <paramref name="previous"/> itself when every field equals its (the previous sample's container at the same index).</summary>
    private static ContainerSample? ReadContainer(ref Utf8JsonReader r, ContainerSample? previous)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int seen = 0;
        string name = "", state = "", reason = "", lastReason = "";
        int exitCode = 0, restartCount = 0, lastExitCode = 0;
        bool ready = false;
        while (NextOf(ref r, out int field, ref seen, ContainerFields))
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

        if (r.TokenType != JsonTokenType.EndObject || (seen & 1) == 0)
        {
            return null;
        }

        int? exit = (seen & (1 << 3)) != 0 ? exitCode : null;
        int? lastExit = (seen & (1 << 7)) != 0 ? lastExitCode : null;
        if (previous is not null
            && string.Equals(previous.Name, name, StringComparison.Ordinal)
            && string.Equals(previous.State, state, StringComparison.Ordinal)
            && string.Equals(previous.Reason, reason, StringComparison.Ordinal)
            && previous.ExitCode == exit
            && previous.RestartCount == restartCount
            && previous.Ready == ready
            && string.Equals(previous.LastReason, lastReason, StringComparison.Ordinal)
            && previous.LastExitCode == lastExit)
        {
            return previous;
        }

        return new ContainerSample
        {
            Name = name,
            State = state,
            Reason = reason,
            ExitCode = exit,
            RestartCount = restartCount,
            Ready = ready,
            LastReason = lastReason,
            LastExitCode = lastExit,
        };
    }

    private static bool Events(ref Utf8JsonReader r, out ValueList<EventSample> events)
    {
        events = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = ReplyScratch.Current.Events;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReadEvent(ref r) is not { } e)
            {
                return false;
            }

            items.Add(e);
        }

        events = new ValueList<EventSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
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
        while (NextOf(ref r, out int field, ref seen, EventFields))
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

        return Found(ref r, field, ref seen);
    }

    /// <summary>
    /// <see cref="Next"/> for the objects a lifecycle has hundreds of: the field after the last one read is tried first
    /// (writers put them in the protocol's order), its name compared as raw bytes when it has no escape.
    /// </summary>
    private static bool NextOf(ref Utf8JsonReader r, out int field, ref int seen, byte[][] names)
    {
        field = -1;
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        int guess = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)seen);
        if (!r.ValueIsEscaped)
        {
            var name = r.ValueSpan;
            if (guess < names.Length && name.SequenceEqual(names[guess]))
            {
                field = guess;
            }
            else
            {
                for (int i = 0; i < names.Length; i++)
                {
                    if (name.SequenceEqual(names[i]))
                    {
                        field = i;
                        break;
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (r.ValueTextEquals(names[i]))
                {
                    field = i;
                    break;
                }
            }
        }

        return Found(ref r, field, ref seen);
    }

    private static bool Found(ref Utf8JsonReader r, int field, ref int seen)
    {
        if (field < 0 || (seen & (1 << field)) != 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        seen |= 1 << field;
        return true;
    }

    private static bool String(ref Utf8JsonReader r, out string value)
    {
        value = r.TokenType == JsonTokenType.String ? Texts.Get(ref r) : "";
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
        return r.TokenType == JsonTokenType.String && DurationTexts.TryParse(ref r, out value);
    }

    private static bool Strings(ref Utf8JsonReader r, out ValueList<string> values) => Strings(ref r, out values, default);

    /// <summary>A list of strings; <paramref name="same"/> itself when the items equal its (a sample's conditions, as the sample before said them).</summary>
    private static bool Strings(ref Utf8JsonReader r, out ValueList<string> values, ValueList<string> same)
    {
        values = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = ReplyScratch.Current.Strings;
        int start = items.Count;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            items.Add(Texts.Get(ref r));
        }

        int count = items.Count - start;
        if (count == same.Count && count > 0)
        {
            bool equal = true;
            for (int i = 0; i < count && equal; i++)
            {
                equal = string.Equals(items[start + i], same[i], StringComparison.Ordinal);
            }

            if (equal)
            {
                items.RemoveRange(start, count);
                values = same;
                return true;
            }
        }

        values = new ValueList<string>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
        return true;
    }

    private static bool StringMap(ref Utf8JsonReader r, out ValueMap<string> map)
    {
        map = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var items = ReplyScratch.Current.Pairs;
        int start = items.Count;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string key = Texts.Get(ref r);
            if (!r.Read() || r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            items.Add(new(key, Texts.Get(ref r)));
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        return ReplyScratch.PopMap(items, start, out map); // a repeated key: the strict reader rejects the line
    }
}
