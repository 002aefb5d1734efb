using System.Collections;
using System.Collections.Immutable;

namespace PodConformance.Model.Collections;

/// <summary>
/// An immutable list with structural equality, so that records holding lists compare by content
/// (ImmutableArray compares by reference). <c>default</c> is the empty list, as a nil Go slice is.
/// </summary>
/// <remarks>
/// The collection builder makes <c>[a, b]</c> build the list; without it C# would call <see cref="Add"/>,
/// which returns a new list, and silently produce an empty one.
/// </remarks>
[System.Runtime.CompilerServices.CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IEquatable<ValueList<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(ImmutableArray<T> items) => _items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    public static ValueList<T> Empty => default;

    public int Count => _items.IsDefault ? 0 : _items.Length;

    public bool IsEmpty => Count == 0;

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> AsSpan() => _items.IsDefault ? [] : _items.AsSpan();

    public ImmutableArray<T> AsImmutableArray() => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public ValueList<T> Add(T item) => new(AsImmutableArray().Add(item));

    public ValueList<T> SetItem(int index, T item) => new(AsImmutableArray().SetItem(index, item));

    public ValueList<T> Insert(int index, T item) => new(AsImmutableArray().Insert(index, item));

    public ValueList<T> RemoveAt(int index) => new(AsImmutableArray().RemoveAt(index));

    /// <summary>
    /// The same underlying list (not merely equal), as <c>AsImmutableArray() == other.AsImmutableArray()</c> answers, without
    /// reading <c>ImmutableArray&lt;T&gt;.Empty</c> unless one side is the default list: a generic static, which code
    /// shared between reference types reaches through a runtime lookup. How defaulting tells that it changed nothing.
    /// </summary>
    internal bool IsSameAs(ValueList<T> other)
    {
        var mine = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(_items);
        var theirs = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(other._items);
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }

        return (mine is null || theirs is null) && AsImmutableArray() == other.AsImmutableArray();
    }

    /// <summary>A struct enumerator over the items (the default list has none), so <c>foreach</c> allocates nothing and reads no generic static.</summary>
    public Enumerator GetEnumerator() => new(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(_items));

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    public bool Equals(ValueList<T> other)
    {
        var a = AsSpan();
        var b = other.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", AsImmutableArray())}]";

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items);

    public static implicit operator ValueList<T>(T[] items) => new(ImmutableArray.Create(items));

    /// <summary>Walks the list's array by index; a null array (the default list) is empty.</summary>
    public struct Enumerator
    {
        private readonly T[]? _array;
        private int _index;

        internal Enumerator(T[]? array)
        {
            _array = array;
            _index = -1;
        }

        public readonly T Current => _array![_index];

        public bool MoveNext() => _array is not null && ++_index < _array.Length;
    }
}

/// <summary>Factory for collection expressions and type inference.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    public static ValueList<T> Of<T>(params T[] items) => new(ImmutableArray.Create(items));

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
