using System.Collections;
using System.Collections.Immutable;

namespace PodConformance.Model.Collections;

/// <summary>
/// An immutable string-keyed map with structural equality, kept in ordinal key order because that is
/// the order Go's encoders and kubectl print maps in. <c>default</c> is the empty map.
/// </summary>
/// <remarks>
/// Stored as one array of entries sorted by ordinal key: the model's maps are small (resources, labels, selectors) and
/// read far more often than built, and reading an array (a linear scan up to <see cref="LinearScanMax"/> entries, a
/// binary search beyond; <c>foreach</c> by index) costs a fraction of walking a balanced tree, whose enumerator rents a
/// pooled stack on every <c>foreach</c>. A change (<see cref="SetItem"/>, <see cref="Remove"/>) copies the array; maps
/// are built through <see cref="ValueMap"/> or an <see cref="ImmutableSortedDictionary{TKey, TValue}"/> (its duplicate-key
/// rules), then copied once.
/// </remarks>
public readonly partial struct ValueMap<TValue> : IEquatable<ValueMap<TValue>>, IReadOnlyDictionary<string, TValue>
{
    /// <summary>Up to this many entries a lookup compares keys in order (literal keys are usually the same string object).</summary>
    private const int LinearScanMax = 8;

    /// <summary>The entries in ordinal key order; null for the empty map, never an empty array.</summary>
    private readonly KeyValuePair<string, TValue>[]? _items;

    public ValueMap(ImmutableSortedDictionary<string, TValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            _items = null;
            return;
        }

        if (!ReferenceEquals(items.KeyComparer, StringComparer.Ordinal))
        {
            // Re-sort by ordinal order: the map's order is always the ordinal one, whatever the source's comparer.
            items = items.WithComparers(StringComparer.Ordinal);
        }

        var entries = new KeyValuePair<string, TValue>[items.Count];
        int i = 0;
        foreach (var entry in items)
        {
            entries[i++] = entry;
        }

        _items = entries;
    }

    /// <summary>Wraps entries already sorted by ordinal key, without duplicates (the caller's copy, never shared).</summary>
    private ValueMap(KeyValuePair<string, TValue>[]? sorted) => _items = sorted is { Length: > 0 } ? sorted : null;

    public static ValueMap<TValue> Empty => default;

    /// <summary>
    /// The map of <paramref name="entries"/> when their keys are in strictly ascending ordinal order (then the map
    /// <see cref="ValueMap.Of{TValue}"/> builds of them, without its sorted tree), taking the array as its storage: the
    /// caller gives it up. False, and the empty map, when they are not (unsorted, a repeated key, a null key).
    /// </summary>
    public static bool TryFromSorted(KeyValuePair<string, TValue>[] entries, out ValueMap<TValue> map)
    {
        ArgumentNullException.ThrowIfNull(entries);
        map = default;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key is null || (i > 0 && string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) >= 0))
            {
                return false;
            }
        }

        map = new ValueMap<TValue>(entries);
        return true;
    }

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => _items is null;

    public TValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("The given key '" + key + "' was not present in the map.");

    public IEnumerable<string> Keys => KeysOf(_items);

    public IEnumerable<TValue> Values => ValuesOf(_items);

    /// <summary>The same underlying map (not merely equal): how defaulting tells that it changed nothing.</summary>
    internal bool IsSameAs(ValueMap<TValue> other) => ReferenceEquals(_items, other._items);

    /// <summary>
    /// The entries in key order, for the admission hot path's walks of resource lists: by index, without an enumerator
    /// (a <c>KeyValuePair&lt;string, Quantity&gt;</c> is 56 bytes, copied by each step of <c>foreach</c> and its deconstruction).
    /// </summary>
    internal ReadOnlySpan<KeyValuePair<string, TValue>> Entries => _items;

    /// <summary>The position of <paramref name="key"/> in <see cref="Entries"/>, or a negative number when it is absent.</summary>
    internal int IndexOfKey(string key) => IndexOf(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = _items![i].Value;
        return true;
    }

    /// <summary>
    /// This map with the value of the entry at <paramref name="index"/> (a position in <see cref="Entries"/>) replaced even
    /// when it is equal: <see cref="SetItem"/> keeps an equal value, but two equal quantities can differ in the Go form
    /// that field.Error prints up to 1.33 (VAL-031: <c>1.5000</c> is <c>int64Amount{15000, -4}</c> as parsed and
    /// <c>{1500, -3}</c> after RoundUp(-3)).
    /// </summary>
    internal ValueMap<TValue> ReplaceAt(int index, TValue value)
    {
        var items = _items ?? throw new ArgumentOutOfRangeException(nameof(index));
        var replaced = (KeyValuePair<string, TValue>[])items.Clone();
        replaced[index] = new KeyValuePair<string, TValue>(items[index].Key, value);
        return new ValueMap<TValue>(replaced);
    }

    public ValueMap<TValue> SetItem(string key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = _items;
        if (items is null)
        {
            return new ValueMap<TValue>([new KeyValuePair<string, TValue>(key, value)]);
        }

        int i = Search(items, key);
        if (i >= 0)
        {
            // ImmutableSortedDictionary.SetItem keeps the map when the value is equal (the same key object stays).
            if (EqualityComparer<TValue>.Default.Equals(items[i].Value, value))
            {
                return this;
            }

            var replaced = (KeyValuePair<string, TValue>[])items.Clone();
            replaced[i] = new KeyValuePair<string, TValue>(items[i].Key, value);
            return new ValueMap<TValue>(replaced);
        }

        int at = ~i;
        var inserted = new KeyValuePair<string, TValue>[items.Length + 1];
        Array.Copy(items, inserted, at);
        inserted[at] = new KeyValuePair<string, TValue>(key, value);
        Array.Copy(items, at, inserted, at + 1, items.Length - at);
        return new ValueMap<TValue>(inserted);
    }

    public ValueMap<TValue> Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = _items;
        int i = items is null ? -1 : Search(items, key);
        if (i < 0)
        {
            return this;
        }

        var removed = new KeyValuePair<string, TValue>[items!.Length - 1];
        Array.Copy(items, removed, i);
        Array.Copy(items, i + 1, removed, i, items.Length - i - 1);
        return new ValueMap<TValue>(removed);
    }

    /// <summary>A struct enumerator over the entries in key order, so <c>foreach</c> over a map (hot in validation and defaulting) allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => Enumerate(_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Enumerate(_items).GetEnumerator();

    public bool Equals(ValueMap<TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        if (_items is null || ReferenceEquals(_items, other._items))
        {
            return true;
        }

        // Both sorted by the same order: equal maps have equal entries at equal positions.
        var comparer = EqualityComparer<TValue>.Default;
        var theirs = other._items!;
        for (int i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Key, theirs[i].Key, StringComparison.Ordinal) || !comparer.Equals(_items[i].Value, theirs[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueMap<TValue> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        if (_items is not null)
        {
            foreach (var (key, value) in _items)
            {
                hash.Add(key, StringComparer.Ordinal);
                hash.Add(value);
            }
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var parts = new string[Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = $"{_items![i].Key}: {_items[i].Value}";
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    public static bool operator ==(ValueMap<TValue> left, ValueMap<TValue> right) => left.Equals(right);

    public static bool operator !=(ValueMap<TValue> left, ValueMap<TValue> right) => !left.Equals(right);

    /// <summary>The position of <paramref name="key"/>, or a negative number when it is absent.</summary>
    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = _items;
        if (items is null)
        {
            return -1;
        }

        if (items.Length <= LinearScanMax)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (string.Equals(items[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        return Search(items, key);
    }

    /// <summary>Binary search by ordinal key: the index, or the complement of where the key would be inserted.</summary>
    private static int Search(KeyValuePair<string, TValue>[] items, string key)
    {
        int lo = 0, hi = items.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int c = string.CompareOrdinal(items[mid].Key, key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private static IEnumerable<KeyValuePair<string, TValue>> Enumerate(KeyValuePair<string, TValue>[]? items) =>
        items ?? (IEnumerable<KeyValuePair<string, TValue>>)[];

    private static IEnumerable<string> KeysOf(KeyValuePair<string, TValue>[]? items)
    {
        if (items is null)
        {
            yield break;
        }

        foreach (var entry in items)
        {
            yield return entry.Key;
        }
    }

    private static IEnumerable<TValue> ValuesOf(KeyValuePair<string, TValue>[]? items)
    {
        if (items is null)
        {
            yield break;
        }

        foreach (var entry in items)
        {
            yield return entry.Value;
        }
    }

    /// <summary>Enumerates a map's entries in key order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly KeyValuePair<string, TValue>[]? _items;
        private int _index;

        internal Enumerator(KeyValuePair<string, TValue>[]? items)
        {
            _items = items;
            _index = -1;
        }

        public readonly KeyValuePair<string, TValue> Current => _items![_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => _items is not null && ++_index < _items.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

public static class ValueMap
{
    public static ValueMap<TValue> Create<TValue>(IEnumerable<KeyValuePair<string, TValue>> items) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items));

    public static ValueMap<TValue> Of<TValue>(params (string Key, TValue Value)[] items)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            builder[key] = value;
        }

        return new ValueMap<TValue>(builder.ToImmutable());
    }
}
