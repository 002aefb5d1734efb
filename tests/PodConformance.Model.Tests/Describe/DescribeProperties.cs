using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Describe;
using PodConformance.Model.Profiles;
using Cultures = PodConformance.Model.Tests.Support.Cultures;
using PodConformance.Model.Simulation;

namespace PodConformance.Model.Tests.Describe;

/// <summary>
/// Invariants of the whole describe text over generated pods (DESC-001, DESC-002), fixed replayable seeds: the
/// tabwriter only adds padding, sections keep describePod's order, every container gets its block, and the text does
/// not depend on the culture.
/// </summary>
public class DescribeProperties
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Order = ["Name:", "Namespace:", "Node:", "Labels:", "Annotations:", "Status:", "IP:", "IPs:", "Containers:", "Volumes:", "QoS Class:", "Node-Selectors:", "Tolerations:"];

    [Property(Replay = "(20261207,15)", MaxTest = 150)]
    public Property Whole_api_pods_render_in_order_and_alignment_only_pads() =>
        Prop.ForAll(PodGen.ValidWholeApi.Zip(Gen.Choose(28, 37)).ToArbitrary(), t =>
        {
            var (pod, minor) = t;
            return Check(pod, Profile.For(new KubernetesVersion(1, minor)));
        });

    [Property(Replay = "(20261207,17)", MaxTest = 40)]
    public Property Simulated_pods_render_their_status_and_events() =>
        Prop.ForAll(PodGen.Valid.ToArbitrary(), pod =>
        {
            var sim = PodSimulator.Run([pod], new Scenario { Until = TimeSpan.FromSeconds(30) }, Profile.Default);
            var described = SimulationViews.Describe(sim, pod.Metadata.Name, Profile.Default);
            if (described is null)
            {
                return true.Label("the pod is gone at the end (rejected)");
            }

            string text = described.Text;
            var final = sim.For(pod.Metadata.Name).Last().Pod;
            bool hasEvents = text.Contains("\nEvents:", StringComparison.Ordinal);
            // DESC-020: Container ID (and a State) exactly for the containers the status reports.
            bool statusBlocks = final.Spec.Containers.All(c =>
                text.Contains("\n  " + c.Name + ":\n    Container ID:", StringComparison.Ordinal) == final.Status!.ContainerStatuses.Any(st => st.Name == c.Name));
            bool qos = text.Contains("\nQoS Class:", StringComparison.Ordinal) && text.Contains(final.Status!.QosClass + "\n", StringComparison.Ordinal);
            return hasEvents.Label("events").And(statusBlocks.Label("a status block per reported container")).And(qos.Label("status.qosClass"));
        });

    private static Property Check(Pod pod, Profile kubectl)
    {
        var writer = DescribePod.Write(pod, [], Now, kubectl);
        string aligned = writer.Format();
        string[] raw = writer.Unaligned.Split('\n');
        string[] lines = aligned.Split('\n');
        bool sameLines = raw.Length == lines.Length;
        bool onlyPadding = sameLines && raw.Zip(lines).All(p => Strip(p.First) == Strip(p.Second));
        int at = -1;
        bool ordered = true;
        foreach (string head in Order)
        {
            int i = Array.FindIndex(lines, at + 1, l => l.StartsWith(head, StringComparison.Ordinal));
            ordered &= i > at;
            at = Math.Max(at, i);
        }

        bool everyContainer = pod.Spec.Containers.All(c => lines.Contains("  " + c.Name + ":"));
        bool noControl = !aligned.Contains('\u001b', StringComparison.Ordinal) && !aligned.Contains('\r', StringComparison.Ordinal);
        string tr = Cultures.InCulture("tr-TR", () => DescribePod.Render(pod, [], Now, kubectl).Text);
        string de = Cultures.InCulture("de-DE", () => DescribePod.Render(pod, [], Now, kubectl).Text);
        return onlyPadding.Label("the tabwriter only pads")
            .And(ordered.Label("sections in describePod's order"))
            .And(everyContainer.Label("a block per container"))
            .And(noControl.Label("escaped"))
            .And((tr == aligned && de == aligned).Label("culture-invariant"));
    }

    private static string Strip(string line) => line.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
}
