using PodConformance.Adapters.Process;
using PodConformance.Generators;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// <c>process:dotnet podconf.dll adapter serve</c> is the model behind the protocol, so it must agree with the
/// in-process model on every case: any difference is a codec or protocol bug (lossy pod JSON, scenario shape,
/// durations, a facet dropped on the wire).
/// </summary>
public class ServeAgreementTests
{
    private static readonly ProcessAdapterOptions Options = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2) };

    public static string PodconfDll => Path.Combine(AppContext.BaseDirectory, "podconf.dll");

    [Fact]
    public async Task Served_model_agrees_with_the_in_process_model()
    {
        Assert.True(File.Exists(PodconfDll), "podconf.dll is copied next to the tests by the project reference");
        var cases = new List<ConformanceCase>();
        foreach (string q in new[] { "1.5Gi", "+100m", "1000E", "9Ei", ".e-10", "1KB", "0.1m", "-0.0000000001" })
        {
            cases.Add(new QuantityCase(q));
        }

        cases.AddRange(Seeds.Sample(QuantityGen.AnyText, Seeds.Default, 10).Select(t => new QuantityCase(t)));
        cases.AddRange(Seeds.Sample(ScenarioGen.Case, Seeds.Default, 6).Select(c => new PodCase(c.Pod, c.Scenario)));
        cases.AddRange(Seeds.Sample(PodGen.Invalid(Profile.Default), Seeds.Default, 2).Select(c => new PodCase(c.Pod)));

        // RuntimeClass cases (ADM-014…018): the served model declares runtime-classes, so they are sent (session 13).
        cases.AddRange(Seeds.Sample(RuntimeClassCases.Any, Seeds.Default, 6).Select(c => new PodCase(c.Pod) { RuntimeClasses = c.Classes }));

        // PriorityClass cases (ADM-040…044): the served model declares priority-classes, so they are sent (session 14).
        cases.AddRange(Seeds.Sample(PriorityClassCases.Any, Seeds.Default, 8).Select(c => new PodCase(c.Pod) { PriorityClasses = c.Classes }));

        // ServiceAccount cases (ADM-030…036): the served model declares service-accounts, so they are sent (session 15).
        cases.AddRange(Seeds.Sample(ServiceAccountCases.Any, Seeds.Default, 8).Select(c => new PodCase(c.Pod) { ServiceAccounts = c.Accounts }));

        var profiles = new[] { Profile.Default, Profile.For(KubernetesVersion.Oldest) };
        await using var served = new ProcessAdapter([Support.Tools.Dotnet, PodconfDll, "adapter", "serve"], Options);
        var hello = await served.StartAsync(CancellationToken.None);
        Assert.Equal(new ModelAdapter().Capabilities, hello.Capabilities);
        foreach (var profile in profiles)
        {
            foreach (var c in cases)
            {
                var expected = ModelAdapter.Run(c, profile);
                var actual = await served.RunAsync(c, profile, CancellationToken.None);
                Assert.Null(actual.Failure);
                Assert.Null(actual.NotPerformed);
                Assert.True(expected == actual, $"{c.Describe()} under {profile}: the served model differs from the in-process model");
            }
        }

        Assert.Single(served.StartedProcessIds);
    }
}
