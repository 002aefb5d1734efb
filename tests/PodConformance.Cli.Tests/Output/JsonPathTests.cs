using PodConformance.Cli.Output;
using PodConformance.Cli.Output.JsonPath;

namespace PodConformance.Cli.Tests.Output;

/// <summary>
/// kubectl's JSONPath dialect against client-go's own test tables: kubernetes/client-go util/jsonpath/jsonpath_test.go
/// and parser_test.go, commit 32ce75a7d (TestJSONInput, TestKubernetes, TestEmptyRange, TestNestedRanges,
/// failParserTests). Only the cases over JSON data are taken: the others run on Go structs, which kubectl never
/// hands to the engine (it prints unstructured maps).
/// </summary>
public class JsonPathTests
{
    private const string Points = """
        [
          {"id": "i1", "x":4, "y":-5},
          {"id": "i2", "x":-2, "y":-5, "z":1},
          {"id": "i3", "x":  8, "y":  3 },
          {"id": "i4", "x": -6, "y": -1 },
          {"id": "i5", "x":  0, "y":  2, "z": 1 },
          {"id": "i6", "x":  1, "y":  4 },
          {"id": "i7", "x":  null, "y":  4 }
        ]
        """;

    private const string Nodes = """
        {
          "kind": "List",
          "items":[
            {"kind":"None","metadata":{"name":"127.0.0.1","labels":{"kubernetes.io/hostname":"127.0.0.1"}},
             "status":{"capacity":{"cpu":"4"},"ready": true,"addresses":[{"type": "LegacyHostIP", "address":"127.0.0.1"}]}},
            {"kind":"None","metadata":{"name":"127.0.0.2","labels":{"kubernetes.io/hostname":"127.0.0.2"}},
             "status":{"capacity":{"cpu":"8"},"ready": false,"addresses":[{"type": "LegacyHostIP", "address":"127.0.0.2"},{"type": "another", "address":"127.0.0.3"}]}}
          ],
          "users":[{"name": "myself","user": {}},{"name": "e2e","user": {"username": "admin", "password": "secret"}}]
        }
        """;

    private const string Pods = """
        {"items": [
          {"metadata": {"name": "pod1"}, "spec": {"containers": [
            {"name": "foo", "another": [{ "name": "value1" }, { "name": "value2" }]},
            {"name": "bar", "another": [{ "name": "value1" }, { "name": "value2" }]}]}},
          {"metadata": {"name": "pod2"}, "spec": {"containers": [
            {"name": "baz", "another": [{ "name": "value1" }, { "name": "value2" }]}]}}]}
        """;

    private static string Run(string template, string json) => JsonPathEvaluator.Execute(template, ObjectOutput.FromJson(json));

    [Theory]
    [InlineData("{[?(@.z)].id}", Points, "i2 i5")]
    [InlineData("{[0]['id']}", Points, "i1")]
    [InlineData("{[-1]['x']}", Points, "null")]
    [InlineData("{range .items[*]}{.metadata.name}, {end}{.kind}", Nodes, "127.0.0.1, 127.0.0.2, List")]
    [InlineData("{range .items[*]}{.metadata.name}{\"\\t\"}{end}", Nodes, "127.0.0.1\t127.0.0.2\t")]
    [InlineData("{.items[*].status.addresses[*].address}", Nodes, "127.0.0.1 127.0.0.2 127.0.0.3")]
    [InlineData("{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}", Nodes, "127.0.0.1, 127.0.0.2, 127.0.0.3, ")]
    [InlineData("{.items[*].metadata.name}", Nodes, "127.0.0.1 127.0.0.2")]
    [InlineData("{.items[*]['metadata.name', 'status.capacity']}", Nodes, "127.0.0.1 127.0.0.2 {\"cpu\":\"4\"} {\"cpu\":\"8\"}")]
    [InlineData("{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}", Nodes, "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] ")]
    [InlineData("{.users[?(@.name==\"e2e\")].user.password}", Nodes, "secret")]
    [InlineData("{.items[0].metadata.labels.kubernetes\\.io/hostname}", Nodes, "127.0.0.1")]
    [InlineData("{.items[?(@.metadata.labels.kubernetes\\.io/hostname==\"127.0.0.1\")].kind}", Nodes, "None")]
    [InlineData("{.items[?(@..ready==true)].metadata.name}", Nodes, "127.0.0.1")]
    [InlineData("{range .items[*]}{.metadata.name}{end}", "{\"items\":[]}", "")]
    [InlineData("{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}", "{\"items\":[]}", "")]
    [InlineData("{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}", Pods, "pod1:foo,bar,+pod2:baz,+")]
    [InlineData("{range .items[*]}{.metadata.name}{\"~\"}{range @.spec.containers[*]}{.name}{\":\"}{range @.another[*]}{.name}{\",\"}{end}{\"+\"}{end}{\"#\"}{end}", Pods,
        "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#")]
    [InlineData("{range .items[*]}{.metadata.name}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\n\"}{end}", Pods,
        "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n")]
    // From TestStructInput/storeTests where the data is plain JSON-like: text, quotes, filters, unions, slices, missing keys.
    [InlineData("hello jsonpath", "{}", "hello jsonpath")]
    [InlineData("{..}", "[1,2,3]", "[1,2,3]")]
    [InlineData("{[?(@<5)]}", "[2,6,3,7]", "2 3")]
    [InlineData("{\"{\"}", "{}", "{")]
    [InlineData("{[1,3,4]}", "[0,1,2,3,4]", "1 3 4")]
    [InlineData("{[0:2]}", "[\"Monday\",\"Tudesday\"]", "Monday Tudesday")]
    [InlineData("{.hello}", "{}", "")]
    [InlineData("before-{.hello}after", "{}", "before-after")]
    public void Agrees_with_client_go(string template, string json, string expected) =>
        Assert.Equal(expected, Run(template, json));

    [Theory]
    [InlineData("{.hello", "unclosed action")]
    [InlineData("{*}", "unrecognized character in action: U+002A '*'")]
    [InlineData("{+12.3.0}", "cannot parse number +12.3.0")]
    [InlineData("{[1}", "unterminated array")]
    [InlineData("{[?(.price]}", "unterminated filter")]
    [InlineData("{........}", "invalid multiple recursive descent")]
    public void Parse_errors_have_client_go_texts(string template, string message)
    {
        var e = Assert.Throws<JsonPathException>(() => JsonPathParser.Parse(template));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("{hello}", "unrecognized identifier hello")]
    [InlineData("{.Labels[0]}", "map[string]interface {} is not array or slice")]
    [InlineData("{.Book[?(@.Price<>10)]}", "unrecognized filter operator <>")]
    [InlineData("{range .Labels.*}{@}{end}{end}", "not in range, nothing to end")]
    [InlineData("{.Book[5]}", "array index out of bounds: index 5, length 1")]
    [InlineData("{.Book[?(@.Price==\"x\")]}", "incompatible types for comparison")]
    public void Execution_errors_have_client_go_texts(string template, string message)
    {
        var e = Assert.Throws<JsonPathException>(() => Run(template, "{\"Labels\":{\"a\":1},\"Book\":[{\"Price\":8.95}]}"));
        Assert.Equal(message, e.Message);
    }

    /// <summary>
    /// client-go's parser reads the text after each action by calling parseText again, one Go stack frame per action;
    /// here a loop does, so a long template (as -o jsonpath-file takes) cannot overflow the stack (it did at 200,000
    /// actions, a crash with exit 134, before session 16).
    /// </summary>
    [Fact]
    public void A_template_of_many_actions_does_not_deepen_the_stack()
    {
        const int Actions = 200_000;
        string template = string.Concat(Enumerable.Repeat("{.a}-", Actions));
        Assert.Equal(string.Concat(Enumerable.Repeat("x-", Actions)), Run(template, "{\"a\":\"x\"}"));
    }

    /// <summary>
    /// range recurses once per level, in client-go as here; beyond <see cref="JsonPathEvaluator.MaxRangeNesting"/> levels
    /// the template is refused as an execution error instead of overflowing the stack (before session 16, 50,000
    /// nested ranges crashed the process).
    /// </summary>
    [Fact]
    public void Range_nesting_is_bounded_by_an_error_not_the_stack()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("{range .a[*]}", depth)) + "{.b}" + string.Concat(Enumerable.Repeat("{end}", depth));
        const string Data = "{\"a\":[{\"b\":1}]}";
        Assert.Equal("", Run(Nested(JsonPathEvaluator.MaxRangeNesting), Data));
        Assert.Equal("1", Run(Nested(1), Data));
        var e = Assert.Throws<JsonPathException>(() => Run(Nested(JsonPathEvaluator.MaxRangeNesting + 1), Data));
        Assert.Equal("range nested more than 1000 levels deep (podconf's limit)", e.Message);
    }

    [Fact]
    public void Numbers_print_as_unstructured_values_do_integers_as_int64_others_as_go_float64()
    {
        Assert.Equal("137 8.95 1e+06 true", Run("{.a} {.b} {.c} {.d}", "{\"a\":137,\"b\":8.95,\"c\":1000000.0,\"d\":true}"));
        Assert.Equal("{\"a\":1,\"b\":[1e-7,\"\\u003c\\u0026\\u003e\"]}", Run("{@}", "{\"b\":[0.0000001,\"<&>\"],\"a\":1}"));
        Assert.Equal("[\n    \"Burstable\"\n]\n", JsonPathEvaluator.Execute("{.q}", ObjectOutput.FromJson("{\"q\":\"Burstable\"}"), asJson: true));
    }

    [Theory]
    [InlineData(1e6, "1e+06", "1000000")]
    [InlineData(123456.0, "123456", "123456")]
    [InlineData(1234567.0, "1.234567e+06", "1234567")]
    [InlineData(0.0001, "0.0001", "0.0001")]
    [InlineData(0.00001, "1e-05", "0.00001")]
    [InlineData(1e-7, "1e-07", "1e-7")]
    [InlineData(1e21, "1e+21", "1e+21")]
    [InlineData(2.02, "2.02", "2.02")]
    [InlineData(0.0, "0", "0")]
    [InlineData(-1.5, "-1.5", "-1.5")]
    public void Floats_print_as_go_does(double value, string fmtV, string json)
    {
        Assert.Equal(fmtV, GoFloat.V(value));
        Assert.Equal(json, GoFloat.Json(value));
    }
}
