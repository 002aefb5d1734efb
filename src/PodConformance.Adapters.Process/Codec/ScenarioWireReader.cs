using System.Runtime.InteropServices;
using System.Text.Json;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A run request's scenario read in one <see cref="Utf8JsonReader"/> pass over its bytes (issue 12 item 6, session 12),
/// where <see cref="ScenarioReader"/> builds a node tree of every scalar (with positions and a path string per field)
/// and then maps it: 12.7 KB and about 7 µs per lifecycle request, half of the request's decoding. It takes the shape
/// <see cref="ScenarioJson.Write"/> gives a scenario — <c>until</c>, <c>images</c>, <c>pods</c> with their containers'
/// runs, <c>steps</c> that set or remove conditions or remove scheduling gates — and gives up (null) on anything else:
/// nodes, objects, a step that creates an object, a null, a number where a string is due, an escaped or non-ASCII text,
/// a map whose keys are not in ascending ordinal order (the order the writer's maps have), a repeated field, a value the
/// strict reader would refuse (a bad or negative duration, a bad quantity, a kubelet-owned condition, a step without
/// exactly one action…). The caller then reads the bytes with <see cref="ScenarioReader"/>, which words every error, so
/// scenarios and errors are the same either way (ScenarioWireReaderTests compare the two over every request of a default
/// run and over generated scenarios).
/// </summary>
public static class ScenarioWireReader
{
    /// <summary>The scenario <see cref="ScenarioReader.ReadUtf8Json"/> reads from these bytes, or null to leave them to it.</summary>
    public static Scenario? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var scenario = ReadScenario(ref r);
            return scenario is not null && !r.Read() ? scenario : null; // nothing may follow the object
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

    private static Scenario? ReadScenario(ref Utf8JsonReader r)
    {
        var scenario = new Scenario();
        int seen = 0;
        while (Next(ref r, out int bit, "until"u8, "images"u8, "pods"u8, "steps"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            switch (bit)
            {
                case 0:
                    if (!Duration(ref r, out var until))
                    {
                        return null;
                    }

                    scenario = scenario with { Until = until };
                    break;
                case 1:
                    if (ReadImages(ref r) is not { } images)
                    {
                        return null;
                    }

                    scenario = scenario with { Images = images };
                    break;
                case 2:
                    if (!ReadPods(ref r, out var pods))
                    {
                        return null;
                    }

                    scenario = scenario with { Pods = pods };
                    break;
                default:
                    if (!List(ref r, ReadStep, out var steps))
                    {
                        return null;
                    }

                    scenario = scenario with { Steps = steps };
                    break;
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? scenario : null;
    }

    private static ImageCatalog? ReadImages(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var images = new ImageCatalog();
        int seen = 0;
        while (Next(ref r, out int bit, "pullDuration"u8, "missing"u8, "present"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            if (bit == 0)
            {
                if (!Duration(ref r, out var pull))
                {
                    return null;
                }

                images = images with { PullDuration = pull };
            }
            else
            {
                if (!Strings(ref r, out var names))
                {
                    return null;
                }

                images = bit == 1 ? images with { Missing = names } : images with { Present = names };
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? images : null;
    }

    /// <summary>The pod scripts by pod name: an object whose keys ascend (as a <see cref="ValueMap{TValue}"/> writes them).</summary>
    private static bool ReadPods(ref Utf8JsonReader r, out ValueMap<PodScript> pods)
    {
        pods = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var entries = new List<KeyValuePair<string, PodScript>>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (Text(ref r) is not { } name || !r.Read() || ReadPodScript(ref r) is not { } script)
            {
                return false;
            }

            entries.Add(new(name, script));
        }

        return r.TokenType == JsonTokenType.EndObject && ValueMap<PodScript>.TryFromSorted([.. entries], out pods);
    }

    private static PodScript? ReadPodScript(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var script = new PodScript();
        int seen = 0;
        while (Next(ref r, out int bit, "deleteAfter"u8, "containers"u8, "podIPs"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            switch (bit)
            {
                case 0:
                    if (!Duration(ref r, out var delete))
                    {
                        return null;
                    }

                    script = script with { DeleteAfter = delete };
                    break;
                case 1:
                    if (!ReadContainers(ref r, out var containers))
                    {
                        return null;
                    }

                    script = script with { Containers = containers };
                    break;
                default:
                    if (!Strings(ref r, out var ips))
                    {
                        return null;
                    }

                    script = script with { PodIPs = ips };
                    break;
            }
        }

        return r.TokenType == JsonTokenType.EndObject ? script : null;
    }

    /// <summary>Each container's runs in the list form the writer always uses (the one-run mapping form is left to the strict reader).</summary>
    private static bool ReadContainers(ref Utf8JsonReader r, out ValueMap<ContainerScript> containers)
    {
        containers = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var entries = new List<KeyValuePair<string, ContainerScript>>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (Text(ref r) is not { } name || !r.Read() || !List(ref r, ReadRun, out var runs) || runs.IsEmpty)
            {
                return false; // an empty list is an error of the strict reader
            }

            entries.Add(new(name, new ContainerScript(runs)));
        }

        return r.TokenType == JsonTokenType.EndObject && ValueMap<ContainerScript>.TryFromSorted([.. entries], out containers);
    }

    private static ContainerRun? ReadRun(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var run = new ContainerRun();
        bool forever = false;
        int seen = 0;
        while (Next(ref r, out int bit, "exit"u8, "after"u8, "runForever"u8, "readyAfter"u8, "neverReady"u8, "allocate"u8, "useCpu"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            switch (bit)
            {
                case 0:
                    if (!Int(ref r, out int exit))
                    {
                        return null;
                    }

                    run = run with { ExitCode = exit };
                    break;
                case 1:
                case 3:
                    if (!Duration(ref r, out var d))
                    {
                        return null;
                    }

                    run = bit == 1 ? run with { After = d } : run with { ReadyAfter = d };
                    break;
                case 2:
                case 4:
                    if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                    {
                        return null;
                    }

                    if (bit == 2)
                    {
                        forever = r.TokenType == JsonTokenType.True;
                    }
                    else
                    {
                        run = run with { NeverReady = r.TokenType == JsonTokenType.True };
                    }

                    break;
                default:
                    if (Text(ref r) is not { } text || !Quantity.TryParse(text, out var q))
                    {
                        return null;
                    }

                    run = bit == 5 ? run with { AllocateMemory = q } : run with { UseCpu = q };
                    break;
            }
        }

        // runForever beside exit is an error of the strict reader.
        return r.TokenType == JsonTokenType.EndObject && !(forever && run.ExitCode is not null) ? run : null;
    }

    /// <summary>A step with <c>at</c> and one action that is not <c>create</c>, its pod named where the action needs one.</summary>
    private static ScenarioStep? ReadStep(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var step = new ScenarioStep();
        int seen = 0;
        while (Next(ref r, out int bit, "at"u8, "pod"u8, "removeSchedulingGates"u8, "setCondition"u8, "removeCondition"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            switch (bit)
            {
                case 0:
                    if (!Duration(ref r, out var at))
                    {
                        return null;
                    }

                    step = step with { At = at };
                    break;
                case 1:
                    if (Text(ref r) is not { } pod)
                    {
                        return null;
                    }

                    step = step with { Pod = pod };
                    break;
                case 2:
                    if (r.TokenType == JsonTokenType.True)
                    {
                        step = step with { RemoveSchedulingGates = ValueList<string>.Empty };
                    }
                    else if (Strings(ref r, out var gates) && !gates.IsEmpty)
                    {
                        step = step with { RemoveSchedulingGates = gates };
                    }
                    else
                    {
                        return null; // false, an empty list or anything else: errors of the strict reader
                    }

                    break;
                case 3:
                    if (ReadCondition(ref r) is not { } condition)
                    {
                        return null;
                    }

                    step = step with { SetCondition = condition };
                    break;
                default:
                    if (ConditionType(ref r) is not { } removed)
                    {
                        return null;
                    }

                    step = step with { RemoveCondition = removed };
                    break;
            }
        }

        int actions = ((seen >> 2) & 1) + ((seen >> 3) & 1) + ((seen >> 4) & 1);
        return r.TokenType == JsonTokenType.EndObject && (seen & 1) != 0 && actions == 1 && step.Pod.Length != 0 ? step : null;
    }

    private static StepCondition? ReadCondition(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? type = null;
        string? status = null;
        int seen = 0;
        while (Next(ref r, out int bit, "type"u8, "status"u8))
        {
            if (bit < 0 || !Once(ref seen, bit) || !r.Read())
            {
                return null;
            }

            if (bit == 0)
            {
                type = ConditionType(ref r);
            }
            else
            {
                status = Text(ref r);
                if (status is not ("True" or "False" or "Unknown"))
                {
                    return null;
                }
            }
        }

        return r.TokenType == JsonTokenType.EndObject && type is not null && status is not null ? new StepCondition(type, status) : null;
    }

    /// <summary>A condition type a step may write; null for one the kubelet owns (an error of the strict reader) or anything but a string.</summary>
    private static string? ConditionType(ref Utf8JsonReader r) =>
        Text(ref r) is { } type && !PodConditionNames.IsOwnedByKubelet(type) ? type : null;

    /// <summary>
    /// Moves to the next member: true at a property name (<paramref name="bit"/> its index among the names <paramref name="n0"/> to <paramref name="n6"/>, or
    /// −1 for another or an escaped one), false at the object's end.
    /// </summary>
    private static bool Next(ref Utf8JsonReader r, out int bit, ReadOnlySpan<byte> n0, ReadOnlySpan<byte> n1 = default, ReadOnlySpan<byte> n2 = default,
        ReadOnlySpan<byte> n3 = default, ReadOnlySpan<byte> n4 = default, ReadOnlySpan<byte> n5 = default, ReadOnlySpan<byte> n6 = default)
    {
        bit = -1;
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        if (r.ValueIsEscaped || r.HasValueSequence)
        {
            return true;
        }

        var key = r.ValueSpan;
        bit = key.SequenceEqual(n0) ? 0
            : key.SequenceEqual(n1) ? 1
            : key.SequenceEqual(n2) ? 2
            : key.SequenceEqual(n3) ? 3
            : key.SequenceEqual(n4) ? 4
            : key.SequenceEqual(n5) ? 5
            : key.SequenceEqual(n6) ? 6
            : -1;
        if (key.IsEmpty)
        {
            bit = -1; // the unused names are empty spans: an empty key is no field of these
        }

        return true;
    }

    /// <summary>Marks the field seen; false when it was seen before (a duplicate, an error of the strict reader).</summary>
    private static bool Once(ref int seen, int bit)
    {
        if ((seen & (1 << bit)) != 0)
        {
            return false;
        }

        seen |= 1 << bit;
        return true;
    }

    /// <summary>
    /// A string token's (or property name's) text when it is printable ASCII without an escape: the text the strict reader's
    /// tree holds for it, through the per-thread table of <see cref="Texts"/>. Null for anything else.
    /// </summary>
    private static string? Text(ref Utf8JsonReader r)
    {
        if (r.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || r.ValueIsEscaped || r.HasValueSequence)
        {
            return null;
        }

        var raw = r.ValueSpan;
        return raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 ? null : Texts.GetUnescaped(raw);
    }

    /// <summary>A duration as <see cref="StrictFieldReader"/>'s reads it (Go syntax), and not negative.</summary>
    private static bool Duration(ref Utf8JsonReader r, out TimeSpan value)
    {
        value = default;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.HasValueSequence)
        {
            return false;
        }

        var raw = r.ValueSpan;
        return raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0
            && DurationTexts.TryParseUnescaped(raw, out value)
            && value >= TimeSpan.Zero;
    }

    /// <summary>An integer as the strict reader takes a JSON number (no fraction or exponent; an <c>int</c>): at most nine digits here.</summary>
    private static bool Int(ref Utf8JsonReader r, out int value)
    {
        value = 0;
        if (r.TokenType != JsonTokenType.Number || r.HasValueSequence)
        {
            return false;
        }

        var raw = r.ValueSpan;
        bool negative = raw.Length > 0 && raw[0] == '-';
        var digits = negative ? raw[1..] : raw;
        if (digits.Length is 0 or > 9)
        {
            return false;
        }

        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>A list of strings (an array; null is left to the strict reader).</summary>
    private static bool Strings(ref Utf8JsonReader r, out ValueList<string> values) => List(ref r, Text, out values);

    private delegate T? ItemReader<T>(ref Utf8JsonReader r)
        where T : class;

    /// <summary>An array of items, each read by <paramref name="read"/> (null gives up).</summary>
    private static bool List<T>(ref Utf8JsonReader r, ItemReader<T> read, out ValueList<T> values)
        where T : class
    {
        values = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        T? first = null;
        List<T>? more = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (read(ref r) is not { } item)
            {
                return false;
            }

            if (first is null)
            {
                first = item;
            }
            else
            {
                (more ??= [first]).Add(item);
            }
        }

        if (r.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        T[] items = more is not null ? [.. more] : first is not null ? [first] : [];
        values = ImmutableCollectionsMarshal.AsImmutableArray(items);
        return true;
    }
}
