using PodConformance.Generators;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>Env and eviction cases render as files a person can apply or feed back to podconf, and never show secret text.</summary>
public class EnvAndEvictionReportTests
{
    private static void AssertNoSecret(string text)
    {
        foreach (string secret in EnvGen.SecretValues)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("S3CR3T", text, StringComparison.Ordinal);
    }

    private static ConformanceCase[] EnvCases(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SuiteRunner.CaseAt(Catalog.Find("P-ENV-RESOLVE")!.Cases(Model.Profiles.Profile.Default), RunOptions.DefaultSeed, i, count))];

    [Fact]
    public void No_secret_value_reaches_case_text_views_or_any_report()
    {
        var property = Catalog.Find("P-ENV-RESOLVE")!;
        foreach (var c in EnvCases(200))
        {
            AssertNoSecret(CaseText.Render(c));
            AssertNoSecret(string.Join("\n", property.View(Adapters.ModelAdapter.Run(c, Model.Profiles.Profile.Default))));
        }

        var run = SuiteRun.Execute(BrokenAdapter.NoDollarEscape, new RunOptions { Rules = "P-ENV-RESOLVE" });
        var failed = Assert.Single(run.Results, r => r.Outcome == Outcome.Failed);
        AssertNoSecret(FailureText.Render(run, failed));
        AssertNoSecret(ConsoleReport.Render(run));
        AssertNoSecret(JsonReport.Render(run));
        AssertNoSecret(JUnitReport.Render(run));
        AssertNoSecret(MarkdownReport.Render(run));
    }

    [Fact]
    public void Secrets_in_case_text_are_masked_per_key()
    {
        var withSecret = EnvCases(200).OfType<PodCase>().First(c => c.Objects is { Secrets.IsEmpty: false });
        string text = CaseText.Render(withSecret);
        Assert.Contains("kind: Secret", text, StringComparison.Ordinal);
        Assert.Contains("<secret:app-secret/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_case_text_reads_back_as_the_pod_and_its_config_maps()
    {
        foreach (var c in EnvCases(60).OfType<PodCase>())
        {
            string text = CaseText.Render(c);
            var read = PodManifestReader.ReadText(text, "case.yaml");
            Assert.False(read.HasErrors, string.Join("\n", read.Errors) + "\n" + text);
            Assert.Equal(c.Pod.Metadata.Name, Assert.Single(read.Pods).Pod.Metadata.Name);
            var objects = EnvObjectMapper.Map(read.OtherObjects);
            Assert.False(objects.HasErrors, string.Join("\n", objects.Diagnostics) + "\n" + text);
            var inputs = objects.InputsFor(c.Pod.Metadata.Namespace, Model.ContainerEnv.EnvInputs.Empty);
            Assert.Equal(c.Objects!.ConfigMaps, inputs.ConfigMaps);
            Assert.Equal(c.Objects.Secrets.Keys, inputs.Secrets.Keys);
            Assert.Equal(c.Objects.Services?.Count ?? 0, inputs.Services?.Count ?? 0);
        }
    }

    [Fact]
    public void Node_pressure_case_text_is_a_node_scenario_file_podconf_evict_reads_back()
    {
        var property = Catalog.Find("P-EVICT-ORDER")!;
        for (int i = 0; i < 60; i++)
        {
            var c = Assert.IsType<NodePressureCase>(SuiteRunner.CaseAt(property.Cases(Model.Profiles.Profile.Default), RunOptions.DefaultSeed, i, 60));
            string text = CaseText.Render(c);
            Assert.StartsWith("apiVersion: podconf/v1\nkind: NodeScenario\n", text, StringComparison.Ordinal);
            var read = NodeScenarioReader.ReadText(text, "episode.yaml");
            Assert.False(read.Diagnostics.Any(d => d.IsError), string.Join("\n", read.Diagnostics) + "\n" + text);
            Assert.Equal(c.Pods.Select(p => p.Metadata.Name), read.Pods.Select(p => p.Pod.Metadata.Name));
            var back = new NodePressureCase([.. read.Pods.Select(p => p.Pod)], read.Scenario!);
            Assert.Equal(
                property.View(Adapters.ModelAdapter.Run(c, Model.Profiles.Profile.Default)),
                property.View(Adapters.ModelAdapter.Run(back, Model.Profiles.Profile.Default)));
        }
    }
}
