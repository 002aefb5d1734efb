using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks a <see cref="SchedulingGen"/> case: drop a node (keeping one), a taint, a label, a selector entry, a
/// toleration, the step, the request; then what <see cref="ScenarioShrinker"/> removes from any lifecycle case (env,
/// ports, volumes, labels, the affinity, long names). Each candidate has strictly fewer of these, or a smaller
/// <see cref="ScenarioShrinker.Size(ScenarioCase)"/> and no more nodes, taints, labels or gates; the pod stays valid.
/// </summary>
public static class SchedulingShrinker
{
    public static IEnumerable<ScenarioCase> Shrink(ScenarioCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var s = c.Scenario;
        var spec = c.Pod.Spec;
        if (!s.Steps.IsEmpty)
        {
            yield return c with { Scenario = s with { Steps = default } };
        }

        for (int i = 0; s.Nodes.Count > 1 && i < s.Nodes.Count; i++)
        {
            yield return c with { Scenario = s with { Nodes = Renumber(s.Nodes.RemoveAt(i)) } };
        }

        for (int i = 0; i < s.Nodes.Count; i++)
        {
            var node = s.Nodes[i];
            for (int t = 0; t < node.Taints.Count; t++)
            {
                yield return c with { Scenario = s with { Nodes = s.Nodes.SetItem(i, node with { Taints = node.Taints.RemoveAt(t) }) } };
            }

            foreach (string key in node.Labels.Keys)
            {
                yield return c with { Scenario = s with { Nodes = s.Nodes.SetItem(i, node with { Labels = node.Labels.Remove(key) }) } };
            }

            if (node.Unschedulable)
            {
                yield return c with { Scenario = s with { Nodes = s.Nodes.SetItem(i, node with { Unschedulable = false }) } };
            }
        }

        foreach (string key in spec.NodeSelector.Keys)
        {
            yield return c with { Pod = c.Pod with { Spec = spec with { NodeSelector = spec.NodeSelector.Remove(key) } } };
        }

        for (int t = 0; t < spec.Tolerations.Count; t++)
        {
            yield return c with { Pod = c.Pod with { Spec = spec with { Tolerations = spec.Tolerations.RemoveAt(t) } } };
        }

        if (!spec.SchedulingGates.IsEmpty)
        {
            yield return new ScenarioCase(c.Pod with { Spec = spec with { SchedulingGates = default } }, s with { Steps = default }) { Gates = c.Gates };
        }

        // One gate of several at a time: a pod that stays gated keeps a mutant of the gates caught with one gate fewer.
        for (int g = 0; spec.SchedulingGates.Count > 1 && g < spec.SchedulingGates.Count; g++)
        {
            yield return c with { Pod = c.Pod with { Spec = spec with { SchedulingGates = spec.SchedulingGates.RemoveAt(g) } } };
        }

        if (!spec.Containers.IsEmpty && !spec.Containers[0].Resources.Requests.IsEmpty)
        {
            yield return c with { Pod = c.Pod with { Spec = spec with { Containers = spec.Containers.SetItem(0, spec.Containers[0] with { Resources = ResourceRequirements.Empty }) } } };
        }

        // Then everything the filters do not read, as any lifecycle case shrinks: env, ports, volumes, labels, the
        // affinity, names and images (the pod stays valid; the nodes are left as they are).
        foreach (var smaller in ScenarioShrinker.Shrink(c))
        {
            yield return smaller;
        }
    }

    /// <summary>Node names and addresses follow the position, so a shrunk case reads like a generated one.</summary>
    private static ValueList<Node> Renumber(ValueList<Node> nodes)
    {
        var result = new Node[nodes.Count];
        for (int i = 0; i < result.Length; i++)
        {
            string n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result[i] = nodes[i] with { Name = "node-" + n, Addresses = ValueList.Of("10.0.0." + n) };
        }

        return result;
    }
}
