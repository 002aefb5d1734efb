using PodConformance.Model.Collections;

namespace PodConformance.Model.Tests.ValueCollections;

public class ValueListTests
{
    [Fact]
    public void Collection_expression_builds_the_list()
    {
        ValueList<int> list = [1, 2, 3];
        Assert.Equal(3, list.Count);
        Assert.Equal(2, list[1]);
    }

    [Fact]
    public void Equality_is_structural_and_default_is_empty()
    {
        ValueList<string> a = ["x", "y"];
        Assert.Equal(a, ValueList.Of("x", "y"));
        Assert.NotEqual(a, ValueList.Of("y", "x"));
        Assert.Equal(default(ValueList<string>), ValueList<string>.Empty);
        Assert.Equal(a.GetHashCode(), ValueList.Of("x", "y").GetHashCode());
    }

    [Fact]
    public void Foreach_walks_the_items_in_order_and_the_default_list_has_none()
    {
        var seen = new List<string>();
        foreach (string s in ValueList.Of("a", "b", "c"))
        {
            seen.Add(s);
        }

        Assert.Equal(new[] { "a", "b", "c" }, seen);
        foreach (string s in default(ValueList<string>))
        {
            Assert.Fail("the default list has no items, yet gave " + s);
        }
    }

    [Fact]
    public void IsSameAs_answers_as_comparing_the_immutable_arrays_does()
    {
        ValueList<string> a = ["x"];
        var lists = new[] { a, a, ValueList.Of("x"), default, ValueList<string>.Empty, new ValueList<string>(System.Collections.Immutable.ImmutableArray<string>.Empty) };
        foreach (var left in lists)
        {
            foreach (var right in lists)
            {
                Assert.Equal(left.AsImmutableArray() == right.AsImmutableArray(), left.IsSameAs(right));
            }
        }

        Assert.True(a.IsSameAs(a));
        Assert.False(a.IsSameAs(ValueList.Of("x")));
        Assert.True(default(ValueList<string>).IsSameAs(ValueList<string>.Empty));
    }

    [Fact]
    public void Map_entries_are_in_key_order_and_IndexOfKey_finds_them()
    {
        var map = ValueMap.Of(("memory", 2), ("cpu", 1), ("amd.com/gpu", 3));
        Assert.Equal(new[] { "amd.com/gpu", "cpu", "memory" }, map.Entries.ToArray().Select(e => e.Key));
        Assert.Equal(1, map.Entries[map.IndexOfKey("cpu")].Value);
        Assert.Equal(2, map.Entries[map.IndexOfKey(new string("memory".AsSpan()))].Value);
        Assert.True(map.IndexOfKey("storage") < 0);
        Assert.True(default(ValueMap<int>).Entries.IsEmpty);
        Assert.True(default(ValueMap<int>).IndexOfKey("cpu") < 0);
    }

    [Fact]
    public void Map_equality_ignores_insertion_order()
    {
        var a = ValueMap.Of(("b", 2), ("a", 1));
        var b = ValueMap.Of(("a", 1), ("b", 2));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new[] { "a", "b" }, a.Keys);
    }
}
