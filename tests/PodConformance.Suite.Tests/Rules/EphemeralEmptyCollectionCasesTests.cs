using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Rules;

/// <summary>
/// P-ADM-VALIDATION's <c>ephemeral-empty-collection</c> variant (VAL-016) reaches adapters: the default run draws it, and
/// each of its pods, written as a cluster adapter sends it (<see cref="PodManifestWriter"/>'s JSON, also its YAML) and as
/// the process protocol sends it (the run line), reads back — at the run's release — with the same ephemeral container,
/// explicit empty collection included, and the model observes the same of it (its error at the field included). A writer
/// that dropped the empty list or map would hand the adapter a pod with one error fewer.
/// </summary>
public sealed class EphemeralEmptyCollectionCasesTests(ITestOutputHelper output)
{
    private const string Variant = "ephemeral-empty-collection";

    /// <summary>Which explicit empty collection an ephemeral container has (null: none).</summary>
    private static string? Mark(Container c) =>
        c.PortsGivenEmpty ? "ports"
        : c.Resources.LimitsGivenEmpty ? "limits"
        : c.Resources.RequestsGivenEmpty ? "requests"
        : c.Resources.ClaimsGiven && c.Resources.Claims.IsEmpty ? "claims"
        : c.ResizePolicyGivenEmpty ? "resizePolicy"
        : c.RestartPolicyRulesGivenEmpty ? "restartPolicyRules"
        : null;

    [Fact]
    public void The_variants_pods_are_written_and_read_back_with_their_empty_collection()
    {
        var options = new RunOptions();
        var profile = options.Profile;
        var property = Catalog.Find("P-ADM-VALIDATION")!;
        var variant = property.Variants!(profile).Single(v => v.Name == Variant);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 60; i++)
        {
            var c = Assert.IsType<PodCase>(SuiteRunner.CaseAt(variant.Cases, options.Seed, i, 60));
            string mark = Mark(Assert.Single(c.Pod.Spec.EphemeralContainers)) ?? throw new InvalidOperationException("no explicit empty collection: " + c.Pod);
            seen.Add(mark);
            var expected = ModelAdapter.Run(c, profile);
            Assert.Contains(expected.Admission!.Errors, e => e.StartsWith("spec.ephemeralContainers[0].", StringComparison.Ordinal));

            foreach (var (text, file) in new[] { (PodManifestWriter.ToJson(c.Pod), "pod.json"), (PodManifestWriter.ToYaml(c.Pod), "pod.yaml") })
            {
                var read = PodManifestReader.ReadText(text, file, profile.Version);
                Assert.Empty(read.Diagnostics);
                var pod = Assert.Single(read.Pods).Pod;
                Assert.Equal(mark, Mark(pod.Spec.EphemeralContainers[0]));
                // The reader's marks elsewhere (a downwardAPI volume read is marked present, say) differ from a pod built in
                // code, so the ephemeral container and what the model observes of the pod are compared, not the whole pod.
                Assert.Equal(c.Pod.Spec.EphemeralContainers[0], pod.Spec.EphemeralContainers[0]);
                Assert.Equal(expected, ModelAdapter.Run(new PodCase(pod), profile));
            }

            var run = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(ProtocolMessages.Run(i + 1, c, profile)));
            var sent = Assert.IsType<PodCase>(run.Case);
            Assert.Equal(mark, Mark(sent.Pod.Spec.EphemeralContainers[0]));
            Assert.Equal(c.Pod.Spec.EphemeralContainers[0], sent.Pod.Spec.EphemeralContainers[0]);
            Assert.Equal(expected, ModelAdapter.Run(sent, run.Profile));
        }

        // 1.37 keeps all six (DynamicResourceAllocation, InPlacePodVerticalScaling and ContainerRestartRules on).
        Assert.Equal(["claims", "limits", "ports", "requests", "resizePolicy", "restartPolicyRules"], seen);
    }

    /// <summary>The default run's cases draw the variant, a modest share of them (one invalid variant among about a hundred).</summary>
    [Fact]
    public void The_default_run_draws_the_variant()
    {
        var options = new RunOptions();
        var property = Catalog.Find("P-ADM-VALIDATION")!;
        int count = options.CountFor(property);
        var gen = property.Cases(options.Profile);
        int drawn = 0;
        for (int i = 0; i < count; i++)
        {
            if (SuiteRunner.CaseAt(gen, options.Seed, i, count) is PodCase { Pod.Spec.EphemeralContainers: [var e] } && Mark(e) is not null)
            {
                drawn++;
            }
        }

        output.WriteLine($"{drawn} of {count} cases");
        Assert.InRange(drawn, 1, count / 20);
    }
}
