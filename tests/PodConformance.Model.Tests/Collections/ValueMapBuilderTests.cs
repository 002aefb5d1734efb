using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Collections;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.ValueCollections;

/// <summary>
/// <see cref="ValueMap{TValue}.SetItems"/> and <see cref="ValueMap{TValue}.Builder"/> against the loop of
/// <see cref="ValueMap{TValue}.SetItem"/> they replace: the same entries in the same order, the same key and value
/// objects (an equal value keeps the old object, a key its first object), and the very starting map when no call would
/// have changed it. Keys from a small set (duplicates, ordinal-versus-culture order, the empty key), values from a
/// small set made fresh per entry (equal but not the same object).
/// </summary>
public sealed class ValueMapBuilderTests
{
    private static readonly string[] KeyPool = ["", "a", "A", "b", "B", "_", "a1", "a10", "a2", "é", "e", "Z", "z", "key", "kEy"];

    private static readonly string[] ValuePool = ["", "x", "y", "xy"];

    /// <summary>Entries with fresh key and value strings (a pool index chosen each time), so object identity is observable.</summary>
    private static Gen<KeyValuePair<string, string>[]> Entries(int max) =>
        from count in Gen.Choose(0, max)
        from picks in Gen.Zip(Gen.Choose(0, KeyPool.Length - 1), Gen.Choose(0, ValuePool.Length - 1)).ArrayOf(count)
        select picks.Select(p => new KeyValuePair<string, string>(Fresh(KeyPool[p.Item1]), Fresh(ValuePool[p.Item2]))).ToArray();

    private static string Fresh(string s) => new(s.AsSpan());

    private static ValueMap<string> Sequence(ValueMap<string> start, KeyValuePair<string, string>[] entries)
    {
        var map = start;
        foreach (var (key, value) in entries)
        {
            map = map.SetItem(key, value);
        }

        return map;
    }

    private static ValueMap<string> Built(ValueMap<string> start, KeyValuePair<string, string>[] entries)
    {
        var builder = new ValueMap<string>.Builder(start);
        foreach (var (key, value) in entries)
        {
            builder.SetItem(key, value);
        }

        return builder.ToValueMap();
    }

    /// <summary>Same entries, same key and value objects at each position, and the starting map itself exactly when the loop kept it.</summary>
    private static bool Same(ValueMap<string> start, ValueMap<string> expected, ValueMap<string> actual)
    {
        if (!expected.Equals(actual) || expected.IsSameAs(start) != actual.IsSameAs(start))
        {
            return false;
        }

        using var e = expected.GetEnumerator();
        using var a = actual.GetEnumerator();
        while (e.MoveNext())
        {
            if (!a.MoveNext() || !ReferenceEquals(e.Current.Key, a.Current.Key) || !ReferenceEquals(e.Current.Value, a.Current.Value))
            {
                return false;
            }
        }

        return !a.MoveNext();
    }

    [Property(Replay = "(20261207,4101)", MaxTest = 500)]
    public Property SetItems_gives_what_the_SetItem_loop_gives() =>
        Prop.ForAll(Gen.Zip(Entries(12), Entries(40)).ToArbitrary(), c =>
        {
            var start = Sequence(ValueMap<string>.Empty, c.Item1);
            return Same(start, Sequence(start, c.Item2), start.SetItems(c.Item2));
        });

    [Property(Replay = "(20261207,4103)", MaxTest = 500)]
    public Property The_builder_gives_what_the_SetItem_loop_gives() =>
        Prop.ForAll(Gen.Zip(Entries(12), Entries(40)).ToArbitrary(), c =>
        {
            var start = Sequence(ValueMap<string>.Empty, c.Item1);
            return Same(start, Sequence(start, c.Item2), Built(start, c.Item2));
        });

    [Fact]
    public void Thousands_of_entries_with_duplicates_give_the_loops_map()
    {
        // 3,000 entries over 1,000 keys, each key set three times (equal value, new value, equal again), in a shuffled order.
        var rng = new Random(20261207);
        var entries = new List<KeyValuePair<string, string>>();
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 1000; i++)
            {
                entries.Add(new(Fresh("cm-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Fresh(round == 1 ? "v2" : "v1")));
            }
        }

        var shuffled = entries.OrderBy(_ => rng.Next()).ToArray();
        var start = ValueMap.Of(("cm-5", "v1"), ("cm-500", "old"), ("other", "kept"));
        Assert.True(Same(start, Sequence(start, shuffled), Built(start, shuffled)));
        Assert.True(Same(start, Sequence(start, shuffled), start.SetItems(shuffled)));
    }

    [Fact]
    public void Entries_that_change_nothing_give_the_starting_map_itself()
    {
        var start = ValueMap.Of(("a", "1"), ("b", "2"));
        Assert.True(start.SetItems([new("b", Fresh("2")), new("a", Fresh("1")), new("b", Fresh("2"))]).IsSameAs(start));

        // A value changed and changed back is a new map, as two SetItem calls give one.
        var back = start.SetItems([new("a", "9"), new("a", "1")]);
        Assert.Equal(start, back);
        Assert.False(back.IsSameAs(start));
    }

    [Fact]
    public void A_null_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ValueMap<string>.Empty.SetItems([new("a", "1"), new(null!, "2")]));
        var builder = new ValueMap<string>.Builder(ValueMap<string>.Empty);
        Assert.Throws<ArgumentNullException>(() => builder.SetItem(null!, "x"));
    }

    [Fact]
    public void A_builder_with_no_entry_allocates_nothing_and_with_one_what_SetItem_does()
    {
        var start = ValueMap.Of(("a", "1"), ("b", "2"));
        long none = AllocationBudget.PerCall(() => new ValueMap<string>.Builder(start).ToValueMap().Count, 3, 20);
        Assert.Equal(0, none);

        long one = AllocationBudget.PerCall(
            () =>
            {
                var b = new ValueMap<string>.Builder(start);
                b.SetItem("c", "3");
                return b.ToValueMap().Count;
            },
            3,
            20);
        long setItem = AllocationBudget.PerCall(() => start.SetItem("c", "3").Count, 3, 20);
        Assert.Equal(setItem, one);
    }
}
