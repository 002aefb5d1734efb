using System.Text.Json;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Manifests.Scenarios;
using PodConformance.Manifests.Wire;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A run request read in one pass over its bytes (issue 12 item 6): one <see cref="Utf8JsonReader"/> walks the line, and
/// the pod is read by <see cref="WirePodReader"/> from that same reader, where the strict path built a
/// <see cref="JsonDocument"/> of the whole line and then parsed the pod's bytes again. It takes what podconf writes and gives
/// up (null) on anything else — another message type, an unknown or escaped key, a null, a pod the direct reader does not
/// take, a bad value — and the caller then reads the line the strict way (<see cref="ProtocolMessages.ReadRequest(ReadOnlyMemory{byte})"/>),
/// which words every error: requests and errors are the same either way (RunRequestReaderTests).
/// </summary>
/// <remarks>
/// What the strict path's document checks, this reader checks too, so that it never accepts a line that path refuses: the
/// outer reader has the document's options (depth 256, no comments, no trailing commas) and reads the line to its end, so
/// syntax and depth are decided alike; duplicate keys, which only the document rejects, are rejected field by field here
/// (the root, the case, the profile and its gates), by <see cref="WirePodReader"/> in the pod, by a token pass that compares
/// keys (<see cref="SkipWithoutDuplicates"/>) in the scenario, and by a document of their bytes alone for the rest of a case
/// (the env objects, a quantity or node-pressure case in another shape).
/// </remarks>
internal static class RunRequestReader
{
    /// <summary>The reader options the strict path's <see cref="StrictJson.Options"/> give its document.</summary>
    private static readonly JsonReaderOptions Options = new() { MaxDepth = StrictJson.Options.MaxDepth };

    /// <summary>The request, or null where the strict path must read the line (not a run request, or anything unusual).</summary>
    public static RunRequest? TryRead(ReadOnlyMemory<byte> utf8Line)
    {
        try
        {
            return Read(utf8Line);
        }
        catch (JsonException)
        {
            return null; // not valid JSON: the strict path's "not valid JSON (...)"
        }
        catch (InvalidOperationException)
        {
            return null; // a token of another type than asked for, a string with a lone surrogate: the strict path decides
        }
        catch (ProtocolException)
        {
            return null; // a part read through the strict readers (env objects, other cases) refused it: worded again there
        }
    }

    private static RunRequest? Read(ReadOnlyMemory<byte> line)
    {
        var r = new Utf8JsonReader(line.Span, Options);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        long id = 0;
        ConformanceCase? testCase = null;
        Profile? profile = null;
        int seen = 0;
        while (NextKey(ref r, out int bit))
        {
            if ((seen & bit) != 0)
            {
                return null; // a duplicate key: the document's error
            }

            seen |= bit;
            bool ok = bit switch
            {
                TypeKey => r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && r.ValueSpan.SequenceEqual("run"u8),
                IdKey => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out id),
                ProfileKey => (profile = ReadProfile(ref r, line.Span)) is not null,
                _ => (testCase = ReadCase(ref r, line)) is not null,
            };
            if (!ok)
            {
                return null;
            }
        }

        // The root object ended with every field, and nothing but whitespace follows it (Read throws on anything else).
        return r.TokenType == JsonTokenType.EndObject && seen == (TypeKey | IdKey | ProfileKey | CaseKey) && !r.Read()
            ? new RunRequest(id, testCase!, profile!)
            : null;
    }

    private const int TypeKey = 1, IdKey = 2, ProfileKey = 4, CaseKey = 8;

    /// <summary>The next root key's bit, the reader moved onto its value; false at the object's end or for any other key.</summary>
    private static bool NextKey(ref Utf8JsonReader r, out int bit)
    {
        bit = 0;
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName || r.ValueIsEscaped)
        {
            return false;
        }

        var key = r.ValueSpan;
        bit = key.SequenceEqual("type"u8) ? TypeKey
            : key.SequenceEqual("id"u8) ? IdKey
            : key.SequenceEqual("profile"u8) ? ProfileKey
            : key.SequenceEqual("case"u8) ? CaseKey
            : 0;
        return bit != 0 && r.Read();
    }

    /// <summary>
    /// The profile decoded last on this thread, by its bytes. The same profile then is the same object, and its memo of
    /// feature-gate answers (<see cref="Profile.IsEnabled"/>) is filled once rather than once per request: every request of a
    /// run carries the same profile. A profile is a value (a record of a version and a map); its memo is a pure function of it.
    /// </summary>
    [ThreadStatic]
    private static (byte[] Bytes, Profile Profile)? _lastProfile;

    private static Profile? ReadProfile(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int start = (int)r.TokenStartIndex;
        r.Skip();
        var bytes = line[start..(int)r.BytesConsumed];
        if (_lastProfile is { } last && bytes.SequenceEqual(last.Bytes))
        {
            return last.Profile;
        }

        var profile = ParseProfile(bytes);
        if (profile is not null)
        {
            _lastProfile = (bytes.ToArray(), profile);
        }

        return profile;
    }

    /// <summary><see cref="CaseCodec.ReadProfile"/>'s reading of a profile object whose syntax the outer reader has checked.</summary>
    private static Profile? ParseProfile(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json, Options);
        r.Read();
        KubernetesVersion? version = null;
        ValueMap<bool>? gates = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped)
        {
            if (r.ValueSpan.SequenceEqual("kubernetesVersion"u8) && version is null)
            {
                if (!r.Read() || r.TokenType != JsonTokenType.String || !KubernetesVersion.TryParse(r.GetString(), out var v, out _))
                {
                    return null;
                }

                version = v;
            }
            else if (r.ValueSpan.SequenceEqual("featureGates"u8) && gates is null)
            {
                r.Read();
                gates = r.TokenType == JsonTokenType.Null ? ValueMap<bool>.Empty : ReadGates(ref r);
                if (gates is null)
                {
                    return null;
                }
            }
            else
            {
                return null; // a duplicate, or a field podconf does not write
            }
        }

        return r.TokenType == JsonTokenType.EndObject && version is { } found ? new Profile(found, gates ?? ValueMap<bool>.Empty) : null;
    }

    /// <summary>The gates as <see cref="StrictJson.Map{T}"/> reads them: every value a boolean, the map built by <see cref="ValueMap.Of{TValue}"/>.</summary>
    private static ValueMap<bool>? ReadGates(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var items = new List<(string, bool)>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped)
        {
            string name = r.GetString()!;
            foreach (var (other, _) in items)
            {
                if (string.Equals(other, name, StringComparison.Ordinal))
                {
                    return null; // a duplicate key
                }
            }

            r.Read();
            if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                return null;
            }

            items.Add((name, r.TokenType == JsonTokenType.True));
        }

        return r.TokenType == JsonTokenType.EndObject ? ValueMap.Of([.. items]) : null;
    }

    /// <summary>
    /// The case: a pod case as podconf writes it (<c>kind</c> first) read here, its pod by <see cref="WirePodReader"/> from this
    /// reader; a quantity case as podconf writes it too; any other case object through <see cref="CaseCodec.Read"/> from a
    /// document of its bytes alone (which checks its duplicate keys).
    /// </summary>
    private static ConformanceCase? ReadCase(ref Utf8JsonReader r, ReadOnlyMemory<byte> line)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var atStart = r;
        if (r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped && r.ValueSpan.SequenceEqual("kind"u8)
            && r.Read() && r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
        {
            if (r.ValueSpan.SequenceEqual("pod"u8))
            {
                return ReadPodCase(ref r, line);
            }

            if (r.ValueSpan.SequenceEqual("quantity"u8) && ReadQuantityCase(ref r) is { } quantity)
            {
                return quantity;
            }
        }

        r = atStart;
        int start = (int)r.TokenStartIndex;
        r.Skip();
        using var doc = JsonDocument.Parse(line[start..(int)r.BytesConsumed], StrictJson.Options);
        return CaseCodec.Read(doc.RootElement, "case");
    }

    /// <summary><c>"input": "…"</c> and the object's end, or null (the caller reads the case again from its start).</summary>
    private static QuantityCase? ReadQuantityCase(ref Utf8JsonReader r)
    {
        if (r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped && r.ValueSpan.SequenceEqual("input"u8)
            && r.Read() && r.TokenType == JsonTokenType.String)
        {
            string input = r.GetString()!;
            if (r.Read() && r.TokenType == JsonTokenType.EndObject)
            {
                return new QuantityCase(input);
            }
        }

        return null;
    }

    private static PodCase? ReadPodCase(ref Utf8JsonReader r, ReadOnlyMemory<byte> line)
    {
        Model.Api.Pod? pod = null;
        Scenario? scenario = null;
        CaseObjects objects = default;
        int seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped)
        {
            int bit = r.ValueSpan.SequenceEqual("pod"u8) ? 1
                : r.ValueSpan.SequenceEqual("scenario"u8) ? 2
                : r.ValueSpan.SequenceEqual("objects"u8) ? 4
                : 0;
            if (bit == 0 || (seen & bit) != 0 || !r.Read())
            {
                return null; // a field podconf does not write, or a duplicate
            }

            seen |= bit;
            // A null scenario or objects means the same as none (StrictObject.Optional), as in the strict path.
            bool ok;
            switch (bit)
            {
                case 1:
                    ok = r.TokenType == JsonTokenType.StartObject && WirePodReader.TryRead(ref r, out pod);
                    break;
                case 2:
                    scenario = r.TokenType == JsonTokenType.Null ? new Scenario() : ReadScenario(ref r, line.Span);
                    ok = scenario is not null;
                    break;
                default:
                    ok = r.TokenType == JsonTokenType.Null || ReadObjects(ref r, line, out objects);
                    break;
            }

            if (!ok)
            {
                return null;
            }
        }

        return r.TokenType == JsonTokenType.EndObject && pod is not null
            ? objects.Case(pod, scenario ?? new Scenario())
            : null;
    }

    /// <summary>
    /// <see cref="ScenarioJson.Read"/>'s reading, of the scenario's bytes as the message holds them (the same bytes its element
    /// had): <see cref="ScenarioWireReader"/> where it takes them, else <see cref="ScenarioReader"/> as the strict path reads them.
    /// </summary>
    private static Scenario? ReadScenario(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int start = (int)r.TokenStartIndex;
        if (!SkipWithoutDuplicates(ref r, line))
        {
            return null;
        }

        var bytes = line[start..(int)r.BytesConsumed];
        if (_lastScenario is { } last && bytes.SequenceEqual(_lastScenarioBytes.AsSpan(0, _lastScenarioLength)))
        {
            return last;
        }

        var scenario = ScenarioWireReader.TryRead(bytes);
        if (scenario is null)
        {
            var result = ScenarioReader.ReadUtf8Json(bytes, "case.scenario");
            if (result.Scenario is null || result.HasErrors)
            {
                return null;
            }

            scenario = result.Scenario;
        }

        // The bytes are kept in one buffer per thread, regrown only for a larger scenario (most lifecycle scenarios differ);
        // an exceptionally large one is not kept.
        if (bytes.Length > 64 * 1024)
        {
            _lastScenario = null;
            return scenario;
        }

        if (_lastScenarioBytes is null || _lastScenarioBytes.Length < bytes.Length)
        {
            _lastScenarioBytes = new byte[Math.Max(bytes.Length, 1024)];
        }

        bytes.CopyTo(_lastScenarioBytes);
        _lastScenarioLength = bytes.Length;
        _lastScenario = scenario;
        return scenario;
    }

    /// <summary>
    /// The scenario read last on this thread, by its bytes: an admission case's scenario is the default one, the same bytes in
    /// every request, and its node tree cost as much as a tenth of the pod's read. A scenario is an immutable value and
    /// <see cref="ScenarioReader"/> a pure function of the bytes, so equal bytes may share the object.
    /// </summary>
    [ThreadStatic]
    private static Scenario? _lastScenario;

    [ThreadStatic]
    private static byte[]? _lastScenarioBytes;

    [ThreadStatic]
    private static int _lastScenarioLength;

    /// <summary>
    /// <see cref="CaseCodec.ReadObjects"/> (env objects, RuntimeClasses, PriorityClasses and ServiceAccounts) over a document of the objects' bytes alone, which
    /// checks their duplicate keys; false where the object is not an object (a bad member throws, and the caller gives up).
    /// </summary>
    private static bool ReadObjects(ref Utf8JsonReader r, ReadOnlyMemory<byte> line, out CaseObjects objects)
    {
        objects = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int start = (int)r.TokenStartIndex;
        r.Skip();
        using var doc = JsonDocument.Parse(line[start..(int)r.BytesConsumed], StrictJson.Options);
        objects = CaseCodec.ReadObjects(doc.RootElement, "case.objects");
        return true;
    }

    /// <summary>Per thread: the unescaped keys of the objects open in <see cref="SkipWithoutDuplicates"/> (offset, length), and where each object's keys start.</summary>
    [ThreadStatic]
    private static int[]? _keys;

    [ThreadStatic]
    private static int[]? _frames;

    /// <summary>Objects with more keys than this are left to the strict path (the check compares each key with its object's earlier ones).</summary>
    private const int MaxKeysPerObject = 256;

    /// <summary>
    /// Moves the reader from an object's start to its end, as <see cref="Utf8JsonReader.Skip"/> does, and checks that no object
    /// inside repeats a key, as the strict path's document does; false on a repeated key, an escaped one (the document compares
    /// keys unescaped; podconf's scenario keys never need escaping), or an object too large to check here.
    /// </summary>
    internal static bool SkipWithoutDuplicates(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        var keys = _keys ??= new int[2 * 256];
        var frames = _frames ??= new int[64];
        int keyCount = 0, depth = 0;
        frames[depth++] = 0;
        while (r.Read())
        {
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, frames.Length * 2);
                        _frames = frames;
                    }

                    frames[depth++] = r.TokenType == JsonTokenType.StartObject ? keyCount : -1;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    int from = frames[--depth];
                    if (from >= 0)
                    {
                        keyCount = from;
                    }

                    if (depth == 0)
                    {
                        return true;
                    }

                    break;
                case JsonTokenType.PropertyName:
                    if (r.ValueIsEscaped)
                    {
                        return false;
                    }

                    var key = r.ValueSpan;
                    int first = frames[depth - 1];
                    if (keyCount - first >= MaxKeysPerObject)
                    {
                        return false;
                    }

                    for (int k = first; k < keyCount; k++)
                    {
                        if (line.Slice(keys[2 * k], keys[(2 * k) + 1]).SequenceEqual(key))
                        {
                            return false;
                        }
                    }

                    if (2 * (keyCount + 1) > keys.Length)
                    {
                        Array.Resize(ref keys, keys.Length * 2);
                        _keys = keys;
                    }

                    keys[2 * keyCount] = (int)r.TokenStartIndex + 1;
                    keys[(2 * keyCount) + 1] = key.Length;
                    keyCount++;
                    break;
            }
        }

        return false;
    }
}
