using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Rendering of field paths and errors. Source: kubernetes/apimachinery pkg/util/validation/field/errors.go
/// (commit 5db56492d70cf19e5eee3f0b16130d74adf40a8f): Error() = "&lt;field&gt;: &lt;body&gt;", strings %q, ints bare.
/// </summary>
public class FieldErrorTests
{
    /// <summary>Paths are cached per node (bounded): the same path comes back as the same object, and prints the same.</summary>
    [Fact]
    public void Paths_are_reused_and_print_the_same_past_the_cache_bounds()
    {
        var root = FieldPath.Root("spec");
        Assert.Same(root.Child("containers").Index(0).Child("name"), root.Child("containers").Index(0).Child("name"));
        Assert.Same(root.Child("overhead").Key("cpu"), root.Child("overhead").Key("cpu"));
        Assert.NotSame(root.Child("cpu"), root.Child("overhead").Key("cpu"));

        // More names, keys and indexes than a node caches: fresh objects, same text and equality.
        for (int i = 0; i < 40; i++)
        {
            string n = "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("spec.x." + n, root.Child("x").Child(n).ToString());
            Assert.Equal("spec.x[" + n + "]", root.Child("x").Key(n).ToString());
            Assert.Equal("spec.x[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", root.Child("x").Index(i).ToString());
            Assert.Equal(root.Child("x").Child(n), root.Child("x").Child(n));
        }

        // A name and a key of the same text are different paths.
        Assert.Equal("spec.y.k", root.Child("y").Child("k").ToString());
        Assert.Equal("spec.y[k]", root.Child("y").Key("k").ToString());
    }

    /// <summary>
    /// A node with more children than its lookup table has slots (spec has dozens): every cached child comes back as the
    /// same object, by the same name object or another string of the same text, and prints the same.
    /// </summary>
    [Fact]
    public void Many_children_of_one_node_come_back_as_the_same_objects()
    {
        var node = FieldPath.Root("many");
        var names = new string[100];
        var first = new FieldPath[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "field" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            first[i] = node.Child(names[i]);
        }

        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal("many." + names[i], node.Child(names[i]).ToString());
                Assert.Equal("many." + names[i], node.Child(new string(names[i].AsSpan())).ToString());
                if (i < 64)
                {
                    // Within the bound of cached names (MaxCachedNames).
                    Assert.Same(first[i], node.Child(names[i]));
                    Assert.Same(first[i], node.Child(new string(names[i].AsSpan())));
                }
            }
        }
    }

    [Fact]
    public void Paths_print_like_field_path_string()
    {
        Assert.Equal("spec.containers[0].resources.requests", FieldPath.Root("spec").Child("containers").Index(0).Child("resources").Child("requests").ToString());
        Assert.Equal("metadata.labels[app]", FieldPath.Root("metadata", "labels").Key("app").ToString());
        Assert.Equal("spec.resources.containers[0][cpu].limits", FieldPath.Root("spec", "resources").Child("containers").Index(0).Key("cpu").Child("limits").ToString());
        Assert.Equal("[1]", FieldPath.Root("").Index(1).ToString());
    }

    public static TheoryData<FieldError, string> Cases => new()
    {
        { FieldError.Invalid(FieldPath.Root("spec", "containers").Index(0).Child("resources", "requests"), "300m", "must be less than or equal to cpu limit of 50m"),
          "spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m" },
        { FieldError.Required(FieldPath.Root("spec", "containers")), "spec.containers: Required value" },
        { FieldError.Required(FieldPath.Root("metadata", "name"), "name or generateName is required"), "metadata.name: Required value: name or generateName is required" },
        { FieldError.Duplicate(FieldPath.Root("spec", "containers").Index(1).Child("name"), "x"), "spec.containers[1].name: Duplicate value: \"x\"" },
        { FieldError.NotSupported(FieldPath.Root("spec", "restartPolicy"), "X", "Always", "OnFailure", "Never"),
          "spec.restartPolicy: Unsupported value: \"X\": supported values: \"Always\", \"OnFailure\", \"Never\"" },
        { FieldError.Forbidden(FieldPath.Root("spec", "x"), "may not be set"), "spec.x: Forbidden: may not be set" },
        { FieldError.TooLong(FieldPath.Root("metadata", "annotations"), 262144), "metadata.annotations: Too long: may not be more than 262144 bytes" },
        { FieldError.TooLong(FieldPath.Root("a"), 1), "a: Too long: may not be more than 1 byte" },
        { FieldError.TooMany(FieldPath.Root("a"), 21, 20), "a: Too many: 21: must have at most 20 items" },
        { FieldError.Invalid(FieldPath.Root("p"), 70000, "must be between 1 and 65535, inclusive"), "p: Invalid value: 70000: must be between 1 and 65535, inclusive" },
        { FieldError.Invalid(FieldPath.Root("p"), -1L, "must be greater than or equal to 0"), "p: Invalid value: -1: must be greater than or equal to 0" },
        { FieldError.NotFound(FieldPath.Root("t"), "main"), "t: Not found: \"main\"" },
        { FieldError.Invalid(FieldPath.Root("v"), new RawJsonValue("[{\"resourceName\":\"cpu\"}]"), "d"), "v: Invalid value: [{\"resourceName\":\"cpu\"}]: d" },
        { FieldError.Invalid(FieldPath.Root("v"), "", "must specify one of"), "v: Invalid value: \"\": must specify one of" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Errors_print_like_apimachinery(FieldError error, string expected) => Assert.Equal(expected, error.ToString());

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("nul\u0000", "\"nul\\x00\"")]
    [InlineData("del\u007f", "\"del\\x7f\"")]
    [InlineData("héllo", "\"héllo\"")]
    [InlineData("zw\u200b", "\"zw\\u200b\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    public void Strings_are_quoted_like_go_strconv_quote(string input, string expected) => Assert.Equal(expected, GoQuote.Quote(input));

    [Fact]
    public void Aggregate_brackets_several_and_drops_duplicates()
    {
        var a = FieldError.Required(FieldPath.Root("a"));
        var b = FieldError.Required(FieldPath.Root("b"));
        var result = new ValidationResult(Collections.ValueList.Of(a, b, a));
        Assert.Equal("[a: Required value, b: Required value]", result.ToAggregateString());
        Assert.Equal("Pod \"web\" is invalid: [a: Required value, b: Required value]", result.ToInvalidMessage("Pod", "web"));
        Assert.Equal("a: Required value", new ValidationResult(Collections.ValueList.Of(a)).ToAggregateString());
    }
}
