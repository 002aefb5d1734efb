using System.Globalization;
using System.Text;

namespace PodConformance.Model.Validation;

/// <summary>
/// An immutable path to a field, printed exactly as apimachinery's <c>field.Path.String()</c>:
/// children are joined by <c>.</c>, list indexes and map keys are bracketed without quotes
/// (<c>spec.containers[0].resources.requests</c>, <c>metadata.labels[app]</c>).
/// </summary>
/// <remarks>
/// A linked list to the root, and the string is only built when an error is reported (validation runs on hot
/// property-test paths). A path also keeps the children built from it (its named children, a few map keys, the first
/// indexes), so the paths validation walks on every call (<c>spec.containers[0].resources</c>…) are built once per
/// process from the static roots and then reused: validating a pod without errors allocates no path. The caches are
/// bounded: named children (field names from the code, up to <see cref="MaxCachedNames"/> per node; <c>spec</c> has a
/// few dozen) and map keys (taken from data, so only <see cref="CachedKeys"/> per node) cannot grow without limit.
/// </remarks>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private const int FirstCachedNames = 8;
    private const int MaxCachedNames = 64;
    private const int CachedKeys = 8;
    private const int CachedIndexes = 32;
    private const int FastSlotBits = 6;
    private const int FastSlots = 1 << FastSlotBits;
    private const int FastProbes = 8;

    private static readonly string[] IndexTexts = BuildIndexTexts();

    private readonly FieldPath? _parent;
    private readonly string _name;
    private readonly string? _index;
    private FieldPath?[]? _children;
    private FastChild?[]? _fastChildren;
    private FieldPath?[]? _keys;
    private FieldPath?[]? _indexes;

    private FieldPath(FieldPath? parent, string name, string? index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>A root path of one or more names (<c>field.NewPath("spec", "containers")</c>).</summary>
    public static FieldPath Root(string name, params string[] more)
    {
        var path = new FieldPath(null, name, null);
        foreach (string m in more)
        {
            path = path.Child(m);
        }

        return path;
    }

    public FieldPath Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Field names are literals: the child for this very string object is found in a small open-addressed table
        // without scanning the children (a node such as spec has dozens). The first slot comes from the name's length and
        // four of its characters (a multiply and a shift, no call: cheaper than hashing the object's identity or its whole
        // text), then up to FastProbes slots in order; a slot matches only the very same string object. A miss (first use,
        // a name built at run time, a full probe sequence) falls back to the scans below; an empty slot is claimed once and
        // never replaced, so a warm table answers without allocating.
        var fast = _fastChildren ?? InitCache(ref _fastChildren, FastSlots);
        int slot = (int)(NameMix(name) >> (32 - FastSlotBits));
        for (int probe = 0; probe < FastProbes; probe++)
        {
            var hit = Volatile.Read(ref fast[slot]);
            if (hit is null)
            {
                // A free slot on this name's probe sequence: the name is not in the table; claim the slot for it.
                var made = SlowChild(name);
                var seen = Interlocked.CompareExchange(ref fast[slot], new FastChild(name, made), null);
                return seen is not null && ReferenceEquals(seen.Name, name) ? seen.Child : made;
            }

            if (ReferenceEquals(hit.Name, name))
            {
                return hit.Child;
            }

            slot = (slot + 1) & (FastSlots - 1);
        }

        return SlowChild(name);
    }

    /// <summary>A well-spread 32-bit mix of a name's length and its first, quarter, middle and last characters (any name, empty too).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint NameMix(string name)
    {
        int n = name.Length;
        uint h = n == 0 ? 0u : (uint)n ^ ((uint)name[0] << 8) ^ ((uint)name[n >> 1] << 16) ^ ((uint)name[n - 1] << 24) ^ ((uint)name[n >> 2] * 31u);
        return h * 0x9E3779B1u;
    }

    private FieldPath SlowChild(string name)
    {
        var cache = _children ?? InitCache(ref _children, FirstCachedNames);

        // Field names are literals, so the cached child is almost always the very same string: one pass by reference
        // before the pass that compares text (and claims a free slot).
        for (int i = 0; i < cache.Length; i++)
        {
            var cached = Volatile.Read(ref cache[i]);
            if (cached is null)
            {
                break;
            }

            if (ReferenceEquals(cached._name, name))
            {
                return cached;
            }
        }

        while (true)
        {
            if (Cached(cache, name, null) is { } found)
            {
                return found;
            }

            if (cache.Length >= MaxCachedNames)
            {
                return new FieldPath(this, name, null);
            }

            // Full: a larger copy (a child another thread adds to the old array meanwhile is merely made again later).
            var larger = new FieldPath?[cache.Length * 2];
            Array.Copy(cache, larger, cache.Length);
            var seen = Interlocked.CompareExchange(ref _children, larger, cache);
            cache = ReferenceEquals(seen, cache) ? larger : seen!;
        }
    }

    /// <summary>A named child or map key from this cache, made and cached in a free slot; null when the cache is full.</summary>
    private FieldPath? Cached(FieldPath?[] cache, string name, string? key)
    {
        for (int i = 0; i < cache.Length; i++)
        {
            var cached = Volatile.Read(ref cache[i]);
            if (cached is null)
            {
                // A free slot: claim it (another thread may win it with the same or another name; either is fine).
                var made = new FieldPath(this, name, key);
                var other = Interlocked.CompareExchange(ref cache[i], made, null);
                if (other is null || other.Is(name, key))
                {
                    return other ?? made;
                }

                continue;
            }

            if (cached.Is(name, key))
            {
                return cached;
            }
        }

        return null;
    }

    private bool Is(string name, string? key) =>
        string.Equals(_name, name, StringComparison.Ordinal) && string.Equals(_index, key, StringComparison.Ordinal);

    public FieldPath Child(string name, string next) => Child(name).Child(next);

    public FieldPath Index(int index)
    {
        if ((uint)index >= CachedIndexes)
        {
            return new FieldPath(this, "", index.ToString(CultureInfo.InvariantCulture));
        }

        var cache = _indexes ?? InitCache(ref _indexes, CachedIndexes);
        var cached = Volatile.Read(ref cache[index]);
        if (cached is not null)
        {
            return cached;
        }

        var made = new FieldPath(this, "", IndexTexts[index]);
        return Interlocked.CompareExchange(ref cache[index], made, null) ?? made;
    }

    /// <summary>A map key; printed verbatim inside brackets, as upstream does (no quoting or escaping).</summary>
    public FieldPath Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cache = _keys ?? InitCache(ref _keys, CachedKeys);

        // The same key object as last time (a literal, or the pod's own map key on a repeated call): one pass by reference
        // before the pass that compares text.
        for (int i = 0; i < cache.Length; i++)
        {
            var cached = Volatile.Read(ref cache[i]);
            if (cached is null)
            {
                break;
            }

            if (ReferenceEquals(cached._index, key))
            {
                return cached;
            }
        }

        return Cached(cache, "", key) ?? new FieldPath(this, "", key);
    }

    public override string ToString()
    {
        // Collect from leaf to root, then print root first.
        int depth = 0;
        for (var p = this; p is not null; p = p._parent)
        {
            depth++;
        }

        var elems = new FieldPath[depth];
        int i = depth;
        for (var p = this; p is not null; p = p._parent)
        {
            elems[--i] = p;
        }

        var sb = new StringBuilder();
        for (int k = 0; k < elems.Length; k++)
        {
            var e = elems[k];
            if (k > 0 && e._name.Length != 0)
            {
                sb.Append('.');
            }

            if (e._index is not null)
            {
                sb.Append('[').Append(e._index).Append(']');
            }
            else
            {
                sb.Append(e._name);
            }
        }

        return sb.ToString();
    }

    /// <summary>A slot of the direct-mapped child table: the name object looked up and the child it gave (one object, swapped whole).</summary>
    private sealed record FastChild(string Name, FieldPath Child);

    private static T?[] InitCache<T>(ref T?[]? field, int size)
        where T : class
    {
        Interlocked.CompareExchange(ref field, new T?[size], null);
        return field!;
    }

    private static string[] BuildIndexTexts()
    {
        var texts = new string[CachedIndexes];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }

    public bool Equals(FieldPath? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
