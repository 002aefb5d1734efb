using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Tests.Scheduling;

/// <summary>Laws of the scheduler fit model, with fixed seeds.</summary>
public sealed class SchedulerProperties
{
    private static string Milli(int m) => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m";

    private static string Mi(int mi) => mi.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Mi";

    /// <summary>1–6 nodes with random cpu/memory, and for each 0–2 running pods.</summary>
    private static Gen<(Node[] Nodes, Pod[] Running, Pod Incoming)> Clusters() =>
        from count in Gen.Choose(1, 6)
        from caps in Gen.Choose(0, 4000).Two().ArrayOf(count)
        from used in Gen.Choose(0, 3000).Two().ArrayOf(count)
        from busy in Gen.Choose(0, 2).ArrayOf(count)
        from cpu in Gen.Choose(0, 3000)
        from mem in Gen.Choose(0, 3000)
        select Build(caps, used, busy, cpu, mem);

    private static (Node[], Pod[], Pod) Build((int, int)[] caps, (int, int)[] used, int[] busy, int cpu, int mem)
    {
        var nodes = new Node[caps.Length];
        var running = new List<Pod>();
        for (int i = 0; i < caps.Length; i++)
        {
            string name = "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            nodes[i] = SchedulerFitTests.NodeOf(name, Milli(caps[i].Item1), Mi(caps[i].Item2), pods: "2");
            for (int k = 0; k < busy[i]; k++)
            {
                running.Add(SchedulerFitTests.PodOf(Milli(used[i].Item1 / 2), Mi(used[i].Item2 / 2), name));
            }
        }

        return (nodes, running.ToArray(), SchedulerFitTests.PodOf(cpu == 0 ? null : Milli(cpu), mem == 0 ? null : Mi(mem)));
    }

    [Property(Replay = "(60613,31337)", MaxTest = 300)]
    public Property A_pod_fits_a_node_iff_its_effective_requests_fit_allocatable_minus_requested() =>
        Prop.ForAll(Clusters().ToArbitrary(), c =>
        {
            var r = SchedulerFit.Schedule(c.Incoming, c.Nodes, c.Running, Profile.Default);
            var req = Resources.PodResources.PodRequests(c.Incoming.Spec, true);
            long cpu = req.TryGetValue("cpu", out var q) ? q.MilliValue() : 0;
            long mem = req.TryGetValue("memory", out var m) ? m.Value() : 0;
            foreach (var node in c.Nodes)
            {
                long usedCpu = 0, usedMem = 0, pods = 0;
                foreach (var p in c.Running)
                {
                    if (p.Spec.NodeName == node.Name)
                    {
                        pods++;
                        usedCpu += p.Spec.Containers[0].Resources.Requests["cpu"].MilliValue();
                        usedMem += p.Spec.Containers[0].Resources.Requests["memory"].Value();
                    }
                }

                bool fits = pods + 1 <= 2
                    && (cpu == 0 || cpu <= node.Allocatable["cpu"].MilliValue() - usedCpu)
                    && (mem == 0 || mem <= node.Allocatable["memory"].Value() - usedMem);
                bool feasible = r.FeasibleNodes.AsSpan().Contains(node.Name);
                if (fits != feasible)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(Replay = "(70001,90003)", MaxTest = 300)]
    public Property The_FailedScheduling_counts_add_up_to_the_reasons_of_all_nodes() =>
        Prop.ForAll(Clusters().ToArbitrary(), c =>
        {
            var r = SchedulerFit.Schedule(c.Incoming, c.Nodes, c.Running, Profile.Default);
            if (r.Scheduled)
            {
                return r.Message is null;
            }

            string prefix = "0/" + c.Nodes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " nodes are available: ";
            if (!r.Message!.StartsWith(prefix, StringComparison.Ordinal) || !r.Message.EndsWith('.'))
            {
                return false;
            }

            int sum = 0, reasons = 0;
            foreach (var entry in r.Message[prefix.Length..^1].Split(", "))
            {
                sum += int.Parse(entry[..entry.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var rej in r.Rejections)
            {
                reasons += rej.Reasons.Count;
            }

            // every node is rejected, each with at least one reason; a node short of cpu and memory counts twice
            return r.Rejections.Count == c.Nodes.Length && sum == reasons && sum >= c.Nodes.Length;
        });
}
