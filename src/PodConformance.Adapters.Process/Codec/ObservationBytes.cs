using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// An observation's JSON written straight as UTF-8 bytes, the very bytes <see cref="ObservationCodec.WriteWithJsonWriter"/>
/// writes with the protocol's writer options (compact, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>): field
/// names and punctuation are constants, printable ASCII text is copied as it is (a quote or backslash escaped with a
/// backslash), and any other text (a control character, non-ASCII) is escaped by a <see cref="Utf8JsonWriter"/> with those
/// options, so it is the writer's own escaping. A lifecycle observation is a few hundred objects; the writer's checks and
/// state per token cost more than the model's own run of many cases (issue 12 item 6).
/// </summary>
internal sealed class ObservationBytes
{
    /// <summary>Text copied as it is: printable ASCII except the two characters JSON escapes with a backslash.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly JsonWriterOptions EscaperOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    [ThreadStatic]
    private static ObservationBytes? _current;

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private ArrayBufferWriter<byte>? _escaped;
    private Utf8JsonWriter? _escaper;

    /// <summary>Where the sample before's containers were written in <see cref="_buffer"/> (<see cref="Containers"/>).</summary>
    private readonly List<Range> _containerRanges = [];

    /// <summary>The observation's JSON (an object), valid until the thread's next call.</summary>
    public static ReadOnlySpan<byte> Encode(Observation o)
    {
        var e = _current ??= new ObservationBytes();
        if (e._buffer.Length > 1 << 20)
        {
            e._buffer = new byte[16 * 1024]; // an exceptional observation: do not keep a megabyte per thread
        }

        e._length = 0;
        e.Observation(o);
        return e._buffer.AsSpan(0, e._length);
    }

    /// <summary>The text as a JSON string, quotes included (an offset's text, remembered per offset by <see cref="DurationTexts"/>).</summary>
    public static byte[] EncodeString(string text)
    {
        var e = _current ??= new ObservationBytes();
        int at = e._length;
        e.String(text);
        byte[] bytes = e._buffer.AsSpan(at, e._length - at).ToArray();
        e._length = at;
        return bytes;
    }

    private void Observation(Observation o)
    {
        Raw("{"u8);
        bool first = true;
        if (o.Quantity is { } q)
        {
            Quantity(q);
            first = false;
        }

        if (o.Admission is { } a)
        {
            Raw(first ? "\"admission\":{\"accepted\":"u8 : ",\"admission\":{\"accepted\":"u8);
            Bool(a.Accepted);
            Raw(",\"errors\":"u8);
            Strings(a.Errors);
            Raw(",\"qosClass\":"u8);
            String(a.QosClass);
            Raw(",\"defaults\":"u8);
            StringMap(a.Defaults);
            Raw("}"u8);
            first = false;
        }

        if (o.Lifecycle is { } l)
        {
            Raw(first ? "\"lifecycle\":"u8 : ",\"lifecycle\":"u8);
            Lifecycle(l);
            first = false;
        }

        if (o.Env is { } env)
        {
            Raw(first ? "\"env\":{\"containers\":{"u8 : ",\"env\":{\"containers\":{"u8);
            bool firstContainer = true;
            foreach (var (name, vars) in env.Containers)
            {
                Name(name, firstContainer);
                StringMap(vars);
                firstContainer = false;
            }

            Raw("},\"errors\":"u8);
            StringMap(env.Errors);
            Raw("}"u8);
            first = false;
        }

        if (o.OomScore is { } oom)
        {
            Raw(first ? "\"oomScore\":{\"scores\":{"u8 : ",\"oomScore\":{\"scores\":{"u8);
            bool firstScore = true;
            foreach (var (name, score) in oom.Scores)
            {
                Name(name, firstScore);
                Number(score);
                firstScore = false;
            }

            Raw("}}"u8);
            first = false;
        }

        if (o.Eviction is { } ev)
        {
            Raw(first ? "\"eviction\":{\"order\":"u8 : ",\"eviction\":{\"order\":"u8);
            Strings(ev.Order);
            Raw(",\"neverEvicted\":"u8);
            Strings(ev.NeverEvicted);
            Raw("}"u8);
        }

        Raw("}"u8);
    }

    private void Quantity(QuantityObservation q)
    {
        Raw("\"quantity\":{\"ok\":"u8);
        Bool(q.Ok);
        var hidden = q.NotObserved;
        if ((hidden & QuantityMembers.String) == 0)
        {
            Raw(",\"string\":"u8);
            String(q.String);
        }

        if ((hidden & QuantityMembers.Canonical) == 0)
        {
            Raw(",\"canonical\":"u8);
            String(q.Canonical);
        }

        if ((hidden & QuantityMembers.Format) == 0)
        {
            Raw(",\"format\":"u8);
            String(q.Format);
        }

        if ((hidden & QuantityMembers.MilliValue) == 0)
        {
            Raw(",\"milliValue\":"u8);
            Number(q.MilliValue);
        }

        if ((hidden & QuantityMembers.Value) == 0)
        {
            Raw(",\"value\":"u8);
            Number(q.Value);
        }

        if ((hidden & QuantityMembers.Error) == 0)
        {
            Raw(",\"error\":"u8);
            String(q.Error);
        }

        if (hidden != QuantityMembers.None)
        {
            Raw(",\"notObserved\":["u8);
            bool first = true;
            foreach (var (member, name) in ObservationCodec.QuantityMemberNames)
            {
                if ((hidden & member) != 0)
                {
                    if (!first)
                    {
                        Raw(","u8);
                    }

                    String(name);
                    first = false;
                }
            }

            Raw("]"u8);
        }

        Raw("}"u8);
    }

    private void Lifecycle(LifecycleObservation l)
    {
        Raw("{\"rejected\":"u8);
        Bool(l.Rejected);
        Raw(",\"samples\":["u8);
        bool first = true;
        StatusSample? previous = null;
        Range conditionsAt = default, containersAt = default;
        var ranges = _containerRanges;
        ranges.Clear();
        foreach (var s in l.Samples)
        {
            Raw(first ? "{\"offset\":"u8 : ",{\"offset\":"u8);
            Offset(s.Offset);
            Raw(",\"phase\":"u8);
            String(s.Phase);
            Raw(",\"conditions\":"u8);
            int at = _length;
            if (previous is not null && s.Conditions.Equals(previous.Conditions))
            {
                Repeat(conditionsAt);
            }
            else
            {
                Strings(s.Conditions);
            }

            conditionsAt = at.._length;
            Raw(",\"containers\":"u8);
            at = _length;
            if (previous is not null && s.Containers.Equals(previous.Containers))
            {
                Repeat(containersAt); // its containers' ranges stay those of the sample before: the same bytes
            }
            else
            {
                Containers(s.Containers, previous?.Containers ?? default, ranges);
            }

            containersAt = at.._length;
            Raw(",\"ready\":"u8);
            String(s.Ready);
            Raw(",\"status\":"u8);
            String(s.Status);
            Raw(",\"restarts\":"u8);
            String(s.Restarts);
            Raw(s.Deleted ? ",\"deleted\":true}"u8 : ",\"deleted\":false}"u8);
            first = false;
            previous = s;
        }

        Raw("],\"events\":["u8);
        first = true;
        foreach (var ev in l.Events)
        {
            Raw(first ? "{\"offset\":"u8 : ",{\"offset\":"u8);
            Offset(ev.Offset);
            Raw(",\"type\":"u8);
            String(ev.Type);
            Raw(",\"reason\":"u8);
            String(ev.Reason);
            Raw(",\"message\":"u8);
            String(ev.Message);
            Raw("}"u8);
            first = false;
        }

        Raw("]}"u8);
    }

    /// <summary>
    /// A sample's containers. A sample is taken per change, so most of it is the sample before: a container equal to the
    /// sample before's at its index (record equality: every field, ordinal texts) is written as a copy of that one's bytes,
    /// which writing it again would give (the bytes are a function of the values). <paramref name="ranges"/> holds where
    /// the sample before's containers were written, and is moved to these.
    /// </summary>
    private void Containers(ValueList<ContainerSample> containers, ValueList<ContainerSample> before, List<Range> ranges)
    {
        Raw("["u8);
        int known = Math.Min(before.Count, ranges.Count);
        int index = 0;
        foreach (var c in containers)
        {
            if (index > 0)
            {
                Raw(","u8);
            }

            int at = _length;
            if (index < known && c.Equals(before[index]))
            {
                Repeat(ranges[index]);
            }
            else
            {
                Container(c);
            }

            if (index < ranges.Count)
            {
                ranges[index] = at.._length;
            }
            else
            {
                ranges.Add(at.._length);
            }

            index++;
        }

        if (ranges.Count > index)
        {
            ranges.RemoveRange(index, ranges.Count - index);
        }

        Raw("]"u8);
    }

    private void Container(ContainerSample c)
    {
        Raw("{\"name\":"u8);
        String(c.Name);
        Raw(",\"state\":"u8);
        String(c.State);
        Raw(",\"reason\":"u8);
        String(c.Reason);
        if (c.ExitCode is { } exit)
        {
            Raw(",\"exitCode\":"u8);
            Number(exit);
        }

        Raw(",\"restartCount\":"u8);
        Number(c.RestartCount);
        Raw(c.Ready ? ",\"ready\":true,\"lastReason\":"u8 : ",\"ready\":false,\"lastReason\":"u8);
        String(c.LastReason);
        if (c.LastExitCode is { } lastExit)
        {
            Raw(",\"lastExitCode\":"u8);
            Number(lastExit);
        }

        Raw("}"u8);
    }

    /// <summary>Writes again the bytes written at <paramref name="earlier"/> in this observation.</summary>
    private void Repeat(Range earlier)
    {
        var (offset, length) = earlier.GetOffsetAndLength(_length);
        if (_buffer.Length - _length < length)
        {
            Grow(length);
        }

        _buffer.AsSpan(offset, length).CopyTo(_buffer.AsSpan(_length));
        _length += length;
    }

    /// <summary>
    /// An offset as its Go duration text. Whole seconds, nearly every offset a scenario has, are written here
    /// (<c>[H h][M m]S s</c>, as <see cref="Model.Time.GoDuration.Format"/> prints them: hours from an hour up, minutes from a
    /// minute up, so <c>1h0m5s</c>); any other through the per-thread texts of <see cref="DurationTexts"/>.
    /// </summary>
    private void Offset(TimeSpan offset)
    {
        long ticks = offset.Ticks;
        if (ticks < 0 || ticks % TimeSpan.TicksPerSecond != 0 || ticks > DurationTexts.MaxWholeSeconds * TimeSpan.TicksPerSecond)
        {
            Raw(DurationTexts.FormatJson(offset));
            return;
        }

        long seconds = ticks / TimeSpan.TicksPerSecond;
        Raw("\""u8);
        if (seconds >= 3600)
        {
            Number(seconds / 3600);
            Raw("h"u8);
        }

        if (seconds >= 60)
        {
            Number(seconds / 60 % 60);
            Raw("m"u8);
        }

        Number(seconds % 60);
        Raw("s\""u8);
    }

    private void Strings(ValueList<string> values)
    {
        Raw("["u8);
        bool first = true;
        foreach (string v in values)
        {
            if (!first)
            {
                Raw(","u8);
            }

            String(v);
            first = false;
        }

        Raw("]"u8);
    }

    private void StringMap(ValueMap<string> values)
    {
        Raw("{"u8);
        bool first = true;
        foreach (var (k, v) in values)
        {
            Name(k, first);
            String(v);
            first = false;
        }

        Raw("}"u8);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Grow(int needed) =>
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));

    private void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    private void Number(long value)
    {
        if (_buffer.Length - _length < 20)
        {
            Grow(20);
        }

        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    /// <summary>A member name and its colon, after a comma unless it is the object's first.</summary>
    private void Name(string name, bool first)
    {
        if (!first)
        {
            Raw(","u8);
        }

        if (!TryPlain(name))
        {
            Escaped(name, isName: true);
        }

        Raw(":"u8);
    }

    /// <summary>A string value; null as the writer writes it (<c>null</c>).</summary>
    private void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
        }
        else if (!TryPlain(value))
        {
            Escaped(value, isName: false);
        }
    }

    /// <summary>
    /// Writes the text in quotes when it is printable ASCII (a quote or backslash written after a backslash, as the
    /// relaxed encoder writes them); false, writing nothing, when it has any other character.
    /// </summary>
    private bool TryPlain(string text)
    {
        var chars = text.AsSpan();
        int special = chars.IndexOfAnyExcept(Plain);
        if (_buffer.Length - _length < (2 * chars.Length) + 2)
        {
            Grow((2 * chars.Length) + 2);
        }

        if (special < 0)
        {
            var to = _buffer.AsSpan(_length);
            to[0] = (byte)'"';
            System.Text.Ascii.FromUtf16(chars, to[1..], out int written);
            to[written + 1] = (byte)'"';
            _length += written + 2;
            return true;
        }

        foreach (char c in chars[special..])
        {
            if (c is not ('"' or '\\') && !Plain.Contains(c))
            {
                return false;
            }
        }

        var dest = _buffer.AsSpan(_length);
        int n = 0;
        dest[n++] = (byte)'"';
        foreach (char c in chars)
        {
            if (c is '"' or '\\')
            {
                dest[n++] = (byte)'\\';
            }

            dest[n++] = (byte)c;
        }

        dest[n++] = (byte)'"';
        _length += n;
        return true;
    }

    /// <summary>Text with a character the plain path does not write, escaped by the writer itself (quotes, and the colon of a name, included).</summary>
    private void Escaped(string text, bool isName)
    {
        var buffer = _escaped ??= new ArrayBufferWriter<byte>(256);
        var w = _escaper ??= new Utf8JsonWriter(buffer, EscaperOptions);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        if (isName)
        {
            w.WriteStartObject();
            w.WritePropertyName(text);
            w.Flush();
            var written = buffer.WrittenSpan;
            Raw(written[1..^1]); // without the object's brace and the name's colon
        }
        else
        {
            w.WriteStringValue(text);
            w.Flush();
            Raw(buffer.WrittenSpan);
        }

        w.Reset(); // let go of a name whose value never came
        if (buffer.Capacity > 1 << 16)
        {
            _escaped = null;
            _escaper = null;
        }
    }
}
