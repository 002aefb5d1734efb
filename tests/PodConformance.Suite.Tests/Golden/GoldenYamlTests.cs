using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

public class GoldenYamlTests
{
    [Theory]
    [InlineData("1k\t")]
    [InlineData(" lead")]
    [InlineData("")]
    [InlineData("true")]
    [InlineData("1.37")]
    [InlineData("0x10")]
    [InlineData("- dash")]
    [InlineData("key: value")]
    [InlineData("#comment")]
    [InlineData("2025-01-31")]
    [InlineData("a\u0000b")]
    [InlineData("é 日本")]
    [InlineData("line 1\nline 2\n")]
    [InlineData("trailing space \nx")]
    [InlineData("'quoted'")]
    public void Strings_read_back_exactly(string text)
    {
        var node = new GoldenMapBuilder().Add("v", text).Build();
        var back = (GoldenMap)GoldenYamlReader.Read(GoldenYamlWriter.Write(node), "t");
        Assert.Equal(text, back.GetText("v"));
    }

    [Fact]
    public void Numbers_and_booleans_are_plain_and_strings_that_look_like_them_are_quoted()
    {
        string text = GoldenYamlWriter.Write(new GoldenMapBuilder().Add("exit", 137).Add("ok", true).Add("version", "1.37").Build());
        Assert.Equal("exit: 137\nok: true\nversion: \"1.37\"\n", text);
    }

    [Fact]
    public void Header_comment_lines_are_prefixed()
    {
        Assert.StartsWith("# one\n# two\nid: x\n", GoldenYamlWriter.Write(new GoldenMapBuilder().Add("id", "x").Build(), "one\ntwo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_yaml_reads_back_to_an_equal_scenario()
    {
        var scenario = new Scenario
        {
            Until = TimeSpan.FromSeconds(90),
            Nodes = ValueList.Of(new Node
            {
                Name = "node-1",
                Capacity = ValueMap.Of(("cpu", Quantity.Parse("200m")), ("memory", Quantity.Parse("8Gi"))),
                Addresses = ValueList.Of("10.0.0.1"),
                Taints = ValueList.Of(new Taint { Key = "k", Value = "v", Effect = "NoSchedule" }),
            }),
            Images = new ImageCatalog { PullDuration = TimeSpan.FromSeconds(5), Missing = ValueList.Of("busybox:nonexistent") },
            Pods = ValueMap.Of(("web", new PodScript
            {
                DeleteAfter = TimeSpan.FromMinutes(5),
                Containers = ValueMap.Of(
                    ("a", new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(3) }, new ContainerRun { ReadyAfter = TimeSpan.FromSeconds(2) }))),
                    ("b", new ContainerScript(ValueList.Of(new ContainerRun { AllocateMemory = Quantity.Parse("600Mi"), After = TimeSpan.FromSeconds(10) })))),
            })),
        };
        string yaml = ScenarioYaml.Write(scenario);
        var read = ScenarioReader.ReadText(yaml, "t");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(scenario, read.Scenario);
        Assert.Contains("until: 1m30s\n", yaml, StringComparison.Ordinal);
    }
}
