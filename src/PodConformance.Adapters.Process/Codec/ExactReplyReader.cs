using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// The observation reply in exactly the layout podconf's own writer gives it (<see cref="ObservationBytes"/>: compact, the
/// protocol's field order, every quantity member, no <c>notObserved</c>, no null), read by matching its constant parts as
/// bytes — <c>,"phase":"</c>, <c>],"ready":</c> — and scanning only the values. A lifecycle reply is ~28 KB of ~2,400
/// tokens, and <see cref="Utf8JsonReader"/>'s work per token (state, validation, a property-name comparison per field) was
/// half of reading it (issue 12 item 6, session 11). Anything else, a single byte off (whitespace, another order, an
/// escape in an offset, a number with a fraction, a facet or field this layout lacks, trailing bytes), makes it give up
/// and <see cref="FastReplyReader"/>'s token reader reads the line as before, so it never decides what a reply means:
/// what it accepts is valid JSON the token reader reads to an equal reply (ExactReplyReaderTests).
/// <para>
/// Exact because what it takes is a subset of that grammar: strings are the bytes between quotes with no control byte
/// (a string with a backslash is read by a <see cref="Utf8JsonReader"/> of its own, which unescapes it as the token reader
/// does), decoded as strict UTF-8; numbers are JSON integers without leading zeros, read with the same range checks as
/// <see cref="Utf8JsonReader.TryGetInt32"/>; maps go through the same <see cref="ReplyScratch.PopMap{T}"/>. Parts of a
/// sample that repeat the sample before it byte for byte (its conditions, its containers, one container) are that
/// sample's values: reading the same bytes gives equal values, so they are not read again.
/// </para>
/// </summary>
internal ref struct ExactReplyReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Where a plain string ends, or stops being plain: its closing quote, an escape, or a control byte (not JSON in a string).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private readonly ReadOnlySpan<byte> _s;
    private int _p;

    private ExactReplyReader(ReadOnlySpan<byte> line)
    {
        _s = line;
        _p = 0;
    }

    /// <summary>The reply, when <paramref name="utf8Line"/> is in the exact layout; false (nothing decided) otherwise.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, out ObservationReply? reply)
    {
        reply = null;
        ReplyScratch.Reset();
        try
        {
            var x = new ExactReplyReader(utf8Line);
            reply = x.Reply();
        }
        catch (JsonException)
        {
            reply = null; // an escaped string the token reader refuses
        }
        catch (InvalidOperationException)
        {
            reply = null;
        }
        catch (ArgumentException)
        {
            reply = null; // bytes that are not UTF-8 (DecoderFallbackException), a repeated map key
        }

        return reply is not null;
    }

    private ObservationReply? Reply()
    {
        if (!Lit("{\"type\":\"observation\",\"id\":"u8) || !Int64(out long id) || !Lit(",\"observation\":{"u8))
        {
            return null;
        }

        QuantityObservation? quantity = null;
        AdmissionObservation? admission = null;
        LifecycleObservation? lifecycle = null;
        EnvObservation? env = null;
        OomScoreObservation? oomScore = null;
        EvictionObservation? eviction = null;
        bool first = true;
        if (Lit("\"quantity\":"u8))
        {
            if ((quantity = Quantity()) is null)
            {
                return null;
            }

            first = false;
        }

        if (Lit(first ? "\"admission\":"u8 : ",\"admission\":"u8))
        {
            if ((admission = Admission()) is null)
            {
                return null;
            }

            first = false;
        }

        if (Lit(first ? "\"lifecycle\":"u8 : ",\"lifecycle\":"u8))
        {
            if ((lifecycle = Lifecycle()) is null)
            {
                return null;
            }

            first = false;
        }

        if (Lit(first ? "\"env\":"u8 : ",\"env\":"u8))
        {
            if ((env = Env()) is null)
            {
                return null;
            }

            first = false;
        }

        if (Lit(first ? "\"oomScore\":"u8 : ",\"oomScore\":"u8))
        {
            if ((oomScore = OomScore()) is null)
            {
                return null;
            }

            first = false;
        }

        if (Lit(first ? "\"eviction\":"u8 : ",\"eviction\":"u8) && (eviction = Eviction()) is null)
        {
            return null;
        }

        if (!Lit("}}"u8) || _p != _s.Length)
        {
            return null;
        }

        return new ObservationReply(id, new Observation { Quantity = quantity, Admission = admission, Lifecycle = lifecycle, Env = env, OomScore = oomScore, Eviction = eviction });
    }

    /// <summary>Only the whole answer, as <see cref="FastReplyReader"/> takes it.</summary>
    private QuantityObservation? Quantity()
    {
        if (Lit("{\"ok\":"u8) && Bool(out bool ok)
            && Lit(",\"string\":"u8) && String(out string text)
            && Lit(",\"canonical\":"u8) && String(out string canonical)
            && Lit(",\"format\":"u8) && String(out string format)
            && Lit(",\"milliValue\":"u8) && Int64(out long milliValue)
            && Lit(",\"value\":"u8) && Int64(out long value)
            && Lit(",\"error\":"u8) && String(out string error)
            && Lit("}"u8))
        {
            return new QuantityObservation(ok, text, canonical, format, milliValue, value, error);
        }

        return null;
    }

    private AdmissionObservation? Admission()
    {
        if (Lit("{\"accepted\":"u8) && Bool(out bool accepted)
            && Lit(",\"errors\":"u8) && Strings(out var errors)
            && Lit(",\"qosClass\":"u8) && String(out string qos)
            && Lit(",\"defaults\":"u8) && StringMap(out var defaults)
            && Lit("}"u8))
        {
            return new AdmissionObservation { Accepted = accepted, Errors = errors, QosClass = qos, Defaults = defaults };
        }

        return null;
    }

    private EnvObservation? Env()
    {
        if (!Lit("{\"containers\":{"u8))
        {
            return null;
        }

        var items = ReplyScratch.Current.EnvMaps;
        int start = items.Count;
        if (!Lit("}"u8))
        {
            do
            {
                if (!String(out string name) || !Lit(":"u8) || !StringMap(out var vars))
                {
                    return null;
                }

                items.Add(new(name, vars));
            }
            while (Lit(","u8));

            if (!Lit("}"u8))
            {
                return null;
            }
        }

        if (!ReplyScratch.PopMap(items, start, out var containers) || !Lit(",\"errors\":"u8) || !StringMap(out var errors) || !Lit("}"u8))
        {
            return null;
        }

        return new EnvObservation(containers, errors);
    }

    private OomScoreObservation? OomScore()
    {
        if (!Lit("{\"scores\":{"u8))
        {
            return null;
        }

        var items = ReplyScratch.Current.Scores;
        int start = items.Count;
        if (!Lit("}"u8))
        {
            do
            {
                if (!String(out string name) || !Lit(":"u8) || !Int32(out int score))
                {
                    return null;
                }

                items.Add(new(name, score));
            }
            while (Lit(","u8));

            if (!Lit("}"u8))
            {
                return null;
            }
        }

        return ReplyScratch.PopMap(items, start, out var scores) && Lit("}"u8) ? new OomScoreObservation(scores) : null;
    }

    private EvictionObservation? Eviction() =>
        Lit("{\"order\":"u8) && Strings(out var order) && Lit(",\"neverEvicted\":"u8) && Strings(out var never) && Lit("}"u8)
            ? new EvictionObservation(order, never)
            : null;

    private LifecycleObservation? Lifecycle()
    {
        if (!Lit("{\"rejected\":"u8) || !Bool(out bool rejected) || !Lit(",\"samples\":["u8))
        {
            return null;
        }

        var scratch = ReplyScratch.Current;
        var samples = scratch.Samples;
        int start = samples.Count;
        if (!Lit("]"u8))
        {
            // The byte ranges of the sample before's conditions, containers and each container, to know a repeat by its bytes.
            var ranges = scratch.Ranges;
            ranges.Clear();
            StatusSample? previous = null;
            Range conditionsAt = default, containersAt = default;
            do
            {
                if (Sample(previous, ref conditionsAt, ref containersAt, ranges) is not { } sample)
                {
                    return null;
                }

                samples.Add(sample);
                previous = sample;
            }
            while (Lit(","u8));

            if (!Lit("]"u8))
            {
                return null;
            }
        }

        var sampleList = new ValueList<StatusSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(samples, start)));
        if (!Lit(",\"events\":["u8))
        {
            return null;
        }

        var events = scratch.Events;
        int eventsStart = events.Count;
        if (!Lit("]"u8))
        {
            do
            {
                if (!Lit("{\"offset\":"u8) || !Duration(out var offset)
                    || !Lit(",\"type\":"u8) || !String(out string type)
                    || !Lit(",\"reason\":"u8) || !String(out string reason)
                    || !Lit(",\"message\":"u8) || !String(out string message)
                    || !Lit("}"u8))
                {
                    return null;
                }

                events.Add(new EventSample(offset, type, reason, message));
            }
            while (Lit(","u8));

            if (!Lit("]"u8))
            {
                return null;
            }
        }

        if (!Lit("}"u8))
        {
            return null;
        }

        var eventList = new ValueList<EventSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(events, eventsStart)));
        return new LifecycleObservation { Rejected = rejected, Samples = sampleList, Events = eventList };
    }

    /// <summary>
    /// One sample. <paramref name="conditionsAt"/>, <paramref name="containersAt"/> and <paramref name="ranges"/> (one per
    /// container) hold where the sample before had those parts, and are moved to this sample's.
    /// </summary>
    private StatusSample? Sample(StatusSample? previous, ref Range conditionsAt, ref Range containersAt, List<Range> ranges)
    {
        if (!Lit("{\"offset\":"u8) || !Duration(out var offset) || !Lit(",\"phase\":"u8) || !String(out string phase) || !Lit(",\"conditions\":"u8))
        {
            return null;
        }

        ValueList<string> conditions;
        int at = _p;
        if (previous is not null && Repeats(conditionsAt))
        {
            conditions = previous.Conditions;
        }
        else if (!Strings(out conditions))
        {
            return null;
        }

        conditionsAt = at.._p;
        if (!Lit(",\"containers\":"u8))
        {
            return null;
        }

        ValueList<ContainerSample> containers;
        at = _p;
        if (previous is not null && Repeats(containersAt))
        {
            containers = previous.Containers; // the ranges of its containers stay those of the sample before: the same bytes
        }
        else if (!Containers(previous, ranges, out containers))
        {
            return null;
        }

        containersAt = at.._p;
        if (Lit(",\"ready\":"u8) && String(out string ready)
            && Lit(",\"status\":"u8) && String(out string status)
            && Lit(",\"restarts\":"u8) && String(out string restarts)
            && Lit(",\"deleted\":"u8) && Bool(out bool deleted)
            && Lit("}"u8))
        {
            return new StatusSample
            {
                Offset = offset,
                Phase = phase,
                Conditions = conditions,
                Containers = containers,
                Ready = ready,
                Status = status,
                Restarts = restarts,
                Deleted = deleted,
            };
        }

        return null;
    }

    /// <summary>A sample's containers; one whose bytes repeat the sample before's container at its index is that container.</summary>
    private bool Containers(StatusSample? previous, List<Range> ranges, out ValueList<ContainerSample> containers)
    {
        containers = default;
        if (!Lit("["u8))
        {
            return false;
        }

        var before = previous?.Containers ?? default;
        int known = previous is null ? 0 : Math.Min(before.Count, ranges.Count);
        var items = ReplyScratch.Current.Containers;
        int start = items.Count;
        if (!Lit("]"u8))
        {
            do
            {
                int index = items.Count - start;
                int at = _p;
                ContainerSample? c;
                if (index < known && Repeats(ranges[index]))
                {
                    c = before[index];
                }
                else if ((c = Container()) is null)
                {
                    return false;
                }

                items.Add(c);
                if (index < ranges.Count)
                {
                    ranges[index] = at.._p;
                }
                else
                {
                    ranges.Add(at.._p);
                }
            }
            while (Lit(","u8));

            if (!Lit("]"u8))
            {
                return false;
            }
        }

        int count = items.Count - start;
        if (ranges.Count > count)
        {
            ranges.RemoveRange(count, ranges.Count - count);
        }

        containers = new ValueList<ContainerSample>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
        return true;
    }

    private ContainerSample? Container()
    {
        if (!Lit("{\"name\":"u8) || !String(out string name)
            || !Lit(",\"state\":"u8) || !String(out string state)
            || !Lit(",\"reason\":"u8) || !String(out string reason))
        {
            return null;
        }

        int? exit = null;
        if (Lit(",\"exitCode\":"u8))
        {
            if (!Int32(out int e))
            {
                return null;
            }

            exit = e;
        }

        if (!Lit(",\"restartCount\":"u8) || !Int32(out int restartCount)
            || !Lit(",\"ready\":"u8) || !Bool(out bool ready)
            || !Lit(",\"lastReason\":"u8) || !String(out string lastReason))
        {
            return null;
        }

        int? lastExit = null;
        if (Lit(",\"lastExitCode\":"u8))
        {
            if (!Int32(out int e))
            {
                return null;
            }

            lastExit = e;
        }

        return Lit("}"u8)
            ? new ContainerSample { Name = name, State = state, Reason = reason, ExitCode = exit, RestartCount = restartCount, Ready = ready, LastReason = lastReason, LastExitCode = lastExit }
            : null;
    }

    /// <summary>Whether the bytes here repeat those of <paramref name="before"/> (a part read earlier in this line); if so, moves past them.</summary>
    private bool Repeats(Range before)
    {
        var (offset, length) = before.GetOffsetAndLength(_s.Length);
        if (length > 0 && _s[_p..].StartsWith(_s.Slice(offset, length)))
        {
            _p += length;
            return true;
        }

        return false;
    }

    private bool Lit(ReadOnlySpan<byte> literal)
    {
        if (_s[_p..].StartsWith(literal))
        {
            _p += literal.Length;
            return true;
        }

        return false;
    }

    private bool Bool(out bool value)
    {
        value = Lit("true"u8);
        return value || Lit("false"u8);
    }

    private bool Int32(out int value)
    {
        value = 0;
        if (!Int64(out long v) || v is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)v;
        return true;
    }

    /// <summary>
    /// A JSON integer (no fraction or exponent, no leading zero) within <see cref="long"/>'s range: what
    /// <see cref="Utf8JsonReader.TryGetInt64"/> reads it as. More than 19 digits, or beyond the range, is given up.
    /// </summary>
    private bool Int64(out long value)
    {
        value = 0;
        var s = _s;
        int p = _p;
        bool negative = p < s.Length && s[p] == (byte)'-';
        if (negative)
        {
            p++;
        }

        int first = p;
        ulong magnitude = 0;
        while (p < s.Length && (uint)(s[p] - '0') <= 9)
        {
            if (p - first == 19)
            {
                return false;
            }

            magnitude = (magnitude * 10) + (uint)(s[p] - '0');
            p++;
        }

        if (p == first || (s[first] == (byte)'0' && p - first > 1) || (p < s.Length && s[p] is (byte)'.' or (byte)'e' or (byte)'E')
            || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        _p = p;
        return true;
    }

    private bool String(out string value)
    {
        value = "";
        if (_p >= _s.Length || _s[_p] != (byte)'"')
        {
            return false;
        }

        var rest = _s[(_p + 1)..];
        int end = rest.IndexOfAny(StringStops);
        if (end < 0)
        {
            return false;
        }

        if (rest[end] == (byte)'"')
        {
            value = Texts.GetUnescaped(rest[..end]);
            _p += end + 2;
            return true;
        }

        if (rest[end] != (byte)'\\')
        {
            return false; // a control byte: not JSON
        }

        // An escape: the token reader reads this one string, as it would have read it in the line.
        var r = new Utf8JsonReader(_s[_p..], Options);
        if (!r.Read() || r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = Texts.Get(ref r);
        _p += (int)r.BytesConsumed;
        return true;
    }

    /// <summary>An offset: a Go duration in a string without escapes, read as <see cref="DurationTexts.TryParse"/> reads it.</summary>
    private bool Duration(out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (_p >= _s.Length || _s[_p] != (byte)'"')
        {
            return false;
        }

        var rest = _s[(_p + 1)..];
        int end = rest.IndexOfAny(StringStops);
        if (end < 0 || rest[end] != (byte)'"' || !DurationTexts.TryParseUnescaped(rest[..end], out value))
        {
            return false;
        }

        _p += end + 2;
        return true;
    }

    private bool Strings(out ValueList<string> values)
    {
        values = default;
        if (!Lit("["u8))
        {
            return false;
        }

        var items = ReplyScratch.Current.Strings;
        int start = items.Count;
        if (!Lit("]"u8))
        {
            do
            {
                if (!String(out string item))
                {
                    return false;
                }

                items.Add(item);
            }
            while (Lit(","u8));

            if (!Lit("]"u8))
            {
                return false;
            }
        }

        values = new ValueList<string>(ImmutableCollectionsMarshal.AsImmutableArray(ReplyScratch.Pop(items, start)));
        return true;
    }

    private bool StringMap(out ValueMap<string> map)
    {
        map = default;
        if (!Lit("{"u8))
        {
            return false;
        }

        var items = ReplyScratch.Current.Pairs;
        int start = items.Count;
        if (!Lit("}"u8))
        {
            do
            {
                if (!String(out string key) || !Lit(":"u8) || !String(out string value))
                {
                    return false;
                }

                items.Add(new(key, value));
            }
            while (Lit(","u8));

            if (!Lit("}"u8))
            {
                return false;
            }
        }

        return ReplyScratch.PopMap(items, start, out map);
    }
}
