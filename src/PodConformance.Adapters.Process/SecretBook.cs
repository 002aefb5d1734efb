using System.Text.Json;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Adapters.Process;

/// <summary>
/// Every Secret value podconf has sent to one adapter (or the stand-in it sent instead, PROTO-015), with its mask
/// <c>&lt;secret:NAME/KEY&gt;</c>. Whatever the adapter supplies — an error message, its stderr, an excerpt of a bad
/// answer — passes through <see cref="Mask"/> before anyone sees it, and an answer that holds a value in clear is
/// refused (<see cref="FindIn"/>, PROTO-036). Values of earlier cases are kept: an adapter may print a secret it was
/// sent long before it crashes.
/// </summary>
internal sealed class SecretBook
{
    /// <summary>Pieces of a value shorter than this are not masked on their own (they tell nothing, and would mask half a message).</summary>
    private const int MinFragment = 3;

    private readonly Dictionary<string, string> _maskByValue = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Values and masks, longest value first; replaced whole on every change, so readers on other threads (the stdout reader) see a consistent snapshot.</summary>
    private (string Value, string Mask)[] _longestFirst = [];

    public bool IsEmpty => Volatile.Read(ref _longestFirst).Length == 0;

    /// <summary>Records what a case's objects send: each non-empty Secret value, or its stand-in when withheld.</summary>
    public void Add(EnvInputs objects, bool withheld)
    {
        ArgumentNullException.ThrowIfNull(objects);
        using var scope = _gate.EnterScope();
        bool added = false;
        foreach (var (name, data) in objects.Secrets)
        {
            foreach (var (key, value) in data)
            {
                if (value.Length == 0)
                {
                    continue;
                }

                string sent = withheld ? EnvInputsJson.StandIn(name, key) : value;
                string mask = EnvVariable.SecretMask(name + "/" + key);
                added |= _maskByValue.TryAdd(value, mask);
                added |= _maskByValue.TryAdd(sent, mask);

                // A multi-line value (a key, a certificate) reaches line-based text (stderr) one line at a time.
                foreach (string line in value.Split('\n'))
                {
                    string part = line.TrimEnd('\r');
                    if (part.Length >= MinFragment && part.Length < value.Length)
                    {
                        added |= _maskByValue.TryAdd(part, mask);
                    }
                }
            }
        }

        if (added)
        {
            Volatile.Write(ref _longestFirst, [.. _maskByValue.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))]);
        }
    }

    /// <summary>The text with every known Secret value (longest first, so one inside another is masked whole) replaced by its mask.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (value, mask) in Volatile.Read(ref _longestFirst))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// <paramref name="text"/> quoted (<see cref="Excerpt.Quote"/>) and cut at <paramref name="max"/> characters, masked
    /// before it is cut, and with the piece of a value the cut split (the start of one, at the end) masked too.
    /// <paramref name="cutAtEnd"/>: the text is itself the start of something longer.
    /// </summary>
    public string Quote(string text, int max = Excerpt.DefaultMax, bool cutAtEnd = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        string masked = Mask(text);
        if (masked.Length <= max)
        {
            return Excerpt.Quote(cutAtEnd ? MaskEdges(masked, cutStart: false, cutEnd: true) : masked, max);
        }

        // A cut inside a mask would show half of "<secret:NAME/KEY>": keep the mask whole.
        int cut = max;
        int open = masked.LastIndexOf("<secret:", cut, StringComparison.Ordinal);
        int close = open < 0 ? -1 : masked.IndexOf('>', open);
        if (open >= 0 && close >= cut)
        {
            cut = close + 1;
        }

        string visible = MaskEdges(masked[..cut], cutStart: false, cutEnd: cut < masked.Length);
        return cut >= masked.Length
            ? Excerpt.Quote(visible, int.MaxValue)
            : Excerpt.Quote(visible, int.MaxValue) + "…(+" + (masked.Length - cut).ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
    }

    /// <summary>
    /// Masks whole values, then what a cut left of one: at the end (<paramref name="cutEnd"/>), a start of a value; at
    /// the start (<paramref name="cutStart"/>), an end of one. Pieces shorter than three characters tell nothing and stay.
    /// </summary>
    public string MaskEdges(string text, bool cutStart, bool cutEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Mask(text);
        foreach (var (value, mask) in Volatile.Read(ref _longestFirst))
        {
            for (int n = Math.Min(value.Length - 1, text.Length); cutEnd && n >= MinFragment; n--)
            {
                if (text.AsSpan(text.Length - n).SequenceEqual(value.AsSpan(0, n)))
                {
                    text = text[..^n] + mask;
                    break;
                }
            }

            for (int n = Math.Min(value.Length - 1, text.Length); cutStart && n >= MinFragment; n--)
            {
                if (text.AsSpan(0, n).SequenceEqual(value.AsSpan(value.Length - n)))
                {
                    text = mask + text[n..];
                    break;
                }
            }
        }

        return text;
    }

    /// <summary>
    /// Where an answer line holds a Secret value in clear: the JSON path of the first string that contains one, and its
    /// mask; null when none does (or the line is not JSON: its excerpt is masked instead). Strings are compared decoded,
    /// so an escaped spelling (<c>\u0070w</c>) is found too.
    /// </summary>
    public (string Path, string Mask)? FindIn(string line)
    {
        if (IsEmpty)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 });
            return Find(doc.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private (string Path, string Mask)? Find(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Contained(e.GetString() ?? "") is { } inValue ? (path, inValue) : null;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    string child = path.Length == 0 ? p.Name : path + "." + p.Name;
                    if (Contained(p.Name) is { } inName)
                    {
                        return (child, inName);
                    }

                    if (Find(p.Value, child) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    if (Find(item, path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]") is { } found)
                    {
                        return found;
                    }

                    i++;
                }

                return null;
            default:
                return null;
        }
    }

    private string? Contained(string text)
    {
        foreach (var (value, mask) in Volatile.Read(ref _longestFirst))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                return mask;
            }
        }

        return null;
    }
}
