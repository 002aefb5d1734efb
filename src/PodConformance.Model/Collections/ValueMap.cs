using System.Collections;
using System.Collections.Immutable;

namespace PodConformance.Model.Collections;

/// <summary>
/// An immutable string-keyed map with structural equality, kept in ordinal key order because that is
/// the order Go's encoders and kubectl print maps in. <c>default</c> is the empty map.
/// </summary>
public readonly struct ValueMap<TValue> : IEquatable<ValueMap<TValue>>, IReadOnlyDictionary<string, TValue>
{
    private readonly ImmutableSortedDictionary<string, TValue>? _items;

    public ValueMap(ImmutableSortedDictionary<string, TValue> items) => _items = items.Count == 0 ? null : items;

    public static ValueMap<TValue> Empty => default;

    /// <summary>One empty dictionary with the ordinal comparer, so reading an empty map allocates nothing.</summary>
    private static readonly ImmutableSortedDictionary<string, TValue> EmptyItems = ImmutableSortedDictionary.Create<string, TValue>(StringComparer.Ordinal);

    private ImmutableSortedDictionary<string, TValue> Items => _items ?? EmptyItems;

    public int Count => _items?.Count ?? 0;

    public bool IsEmpty => Count == 0;

    public TValue this[string key] => Items[key];

    public IEnumerable<string> Keys => Items.Keys;

    public IEnumerable<TValue> Values => Items.Values;

    /// <summary>The same underlying map (not merely equal): how defaulting tells that it changed nothing.</summary>
    internal bool IsSameAs(ValueMap<TValue> other) => ReferenceEquals(_items, other._items);

    public bool ContainsKey(string key) => _items is not null && _items.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (_items is null)
        {
            value = default;
            return false;
        }

        return _items.TryGetValue(key, out value);
    }

    public ValueMap<TValue> SetItem(string key, TValue value) => new(Items.SetItem(key, value));

    public ValueMap<TValue> Remove(string key) => new(Items.Remove(key));

    /// <summary>The dictionary's struct enumerator, so <c>foreach</c> over a map (hot in validation and defaulting) does not box one.</summary>
    public ImmutableSortedDictionary<string, TValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    public bool Equals(ValueMap<TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        if (Count == 0)
        {
            return true;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in _items!)
        {
            if (!other._items!.TryGetValue(key, out var theirs) || !comparer.Equals(value, theirs))
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

    public override string ToString() => "{" + string.Join(", ", Items.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    public static bool operator ==(ValueMap<TValue> left, ValueMap<TValue> right) => left.Equals(right);

    public static bool operator !=(ValueMap<TValue> left, ValueMap<TValue> right) => !left.Equals(right);
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
