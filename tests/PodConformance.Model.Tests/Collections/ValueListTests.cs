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
    public void Map_equality_ignores_insertion_order()
    {
        var a = ValueMap.Of(("b", 2), ("a", 1));
        var b = ValueMap.Of(("a", 1), ("b", 2));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new[] { "a", "b" }, a.Keys);
    }
}
