namespace PodConformance.Model.Collections;

/// <remarks>
/// Building a map entry by entry: <see cref="SetItem"/> copies the whole entry array per call, so a loop of them is
/// quadratic in the number of entries (<c>--objects</c> with thousands of ConfigMaps). <see cref="SetItems"/> and
/// <see cref="Builder"/> give the very map that sequence of calls gives (last value wins, an equal value keeps the
/// existing one, a key keeps its first string object, the same map when no call would have changed it), sorting once.
/// </remarks>
public readonly partial struct ValueMap<TValue>
{
    /// <summary>
    /// This map with <paramref name="entries"/> set in order: what <c>SetItem(entries[0])…SetItem(entries[^1])</c>
    /// returns, in O(n log n) instead of O(n²).
    /// </summary>
    public ValueMap<TValue> SetItems(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        int n = entries.Length;
        if (n <= 1)
        {
            return n == 0 ? this : SetItem(entries[0].Key, entries[0].Value);
        }

        // Entry positions sorted by ordinal key, then by position: each key's entries together, in the order they were set.
        var keys = new string[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = entries[i].Key ?? throw new ArgumentNullException(nameof(entries), "an entry's key is null");
            order[i] = i;
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var items = _items ?? [];
        int distinct = 0, added = 0;
        for (int g = 0; g < n;)
        {
            int end = RunEnd(keys, g);
            if (end - g > 1)
            {
                Array.Sort(order, g, end - g);
            }

            distinct++;
            if (Search(items, keys[g]) < 0)
            {
                added++;
            }

            g = end;
        }

        var result = new KeyValuePair<string, TValue>[items.Length + added];
        var comparer = EqualityComparer<TValue>.Default;
        bool changed = added > 0;
        int a = 0, r = 0;
        for (int g = 0; g < n;)
        {
            int end = RunEnd(keys, g);
            string key = keys[g];
            while (a < items.Length && string.CompareOrdinal(items[a].Key, key) < 0)
            {
                result[r++] = items[a++];
            }

            KeyValuePair<string, TValue> current;
            int from = g;
            if (a < items.Length && string.Equals(items[a].Key, key, StringComparison.Ordinal))
            {
                current = items[a++];
            }
            else
            {
                // A new key: the first entry inserts it; later entries keep its key object.
                current = entries[order[g]];
                from = g + 1;
            }

            for (int j = from; j < end; j++)
            {
                var value = entries[order[j]].Value;
                if (!comparer.Equals(current.Value, value))
                {
                    current = new KeyValuePair<string, TValue>(current.Key, value);
                    changed = true;
                }
            }

            result[r++] = current;
            g = end;
        }

        if (!changed)
        {
            return this;
        }

        Array.Copy(items, a, result, r, items.Length - a);
        return new ValueMap<TValue>(result);
    }

    /// <summary>The end of the run of keys equal to <c>keys[start]</c> (sorted).</summary>
    private static int RunEnd(string[] keys, int start)
    {
        int end = start + 1;
        while (end < keys.Length && string.Equals(keys[end], keys[start], StringComparison.Ordinal))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// A map built by setting entries one by one, as a loop of <see cref="SetItem"/> would (<see cref="SetItems"/>): a
    /// mutable struct, kept in a local. With no entry set it allocates nothing and gives the starting map; with one, it
    /// costs what one <see cref="SetItem"/> costs.
    /// </summary>
    public struct Builder
    {
        private readonly ValueMap<TValue> _start;
        private KeyValuePair<string, TValue> _first;
        private KeyValuePair<string, TValue>[]? _pending;
        private int _count;

        public Builder(ValueMap<TValue> start) => _start = start;

        public void SetItem(string key, TValue value)
        {
            ArgumentNullException.ThrowIfNull(key);
            var entry = new KeyValuePair<string, TValue>(key, value);
            if (_count == 0)
            {
                _first = entry;
                _count = 1;
                return;
            }

            if (_pending is null)
            {
                _pending = new KeyValuePair<string, TValue>[8];
                _pending[0] = _first;
            }
            else if (_count == _pending.Length)
            {
                Array.Resize(ref _pending, _count * 2);
            }

            _pending[_count++] = entry;
        }

        /// <summary>The starting map with every entry set, in the order set.</summary>
        public readonly ValueMap<TValue> ToValueMap() => _count switch
        {
            0 => _start,
            1 => _start.SetItem(_first.Key, _first.Value),
            _ => _start.SetItems(_pending.AsSpan(0, _count)),
        };
    }
}
