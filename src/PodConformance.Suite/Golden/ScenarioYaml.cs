using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Writes a <see cref="Scenario"/> in the format of spec/scenario.md, leaving defaults out, so a golden case's
/// scenario is as short as the behaviour it scripts and <c>ScenarioReader</c> reads it back to an equal value.
/// </summary>
public static class ScenarioYaml
{
    public static GoldenMap ToNode(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var b = new GoldenMapBuilder();
        b.Add("until", Duration(scenario.Until));
        if (!scenario.Nodes.IsEmpty)
        {
            b.Add("nodes", new GoldenList(scenario.Nodes.Select(NodeYaml).ToList()));
        }

        var images = new GoldenMapBuilder();
        if (scenario.Images.PullDuration != new ImageCatalog().PullDuration)
        {
            images.Add("pullDuration", Duration(scenario.Images.PullDuration));
        }

        images.AddList("missing", scenario.Images.Missing);
        images.AddList("present", scenario.Images.Present);
        var imageMap = images.Build();
        if (imageMap.Entries.Count > 0)
        {
            b.Add("images", imageMap);
        }

        if (!scenario.Pods.IsEmpty)
        {
            var pods = new GoldenMapBuilder();
            foreach (var (name, script) in scenario.Pods)
            {
                pods.Add(name, PodScriptYaml(script));
            }

            b.Add("pods", pods.Build());
        }

        if (!scenario.Objects.IsEmpty)
        {
            b.Add("objects", new GoldenList(scenario.Objects.Select(ObjectYaml).ToList()));
        }

        if (!scenario.Steps.IsEmpty)
        {
            b.Add("steps", new GoldenList(scenario.Steps.Select(StepYaml).ToList()));
        }

        return b.Build();
    }

    /// <summary>
    /// The object in Kubernetes' form. Secret values are written as their mask <c>&lt;secret:NAME/KEY&gt;</c> (ENV-010): a
    /// golden file never holds secret text, and a replayed case keeps every key (the lifecycle depends on keys only).
    /// </summary>
    public static GoldenNode ObjectYaml(ClusterObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var meta = new GoldenMapBuilder().Add("name", o.Name).Add("namespace", o.Namespace.Length == 0 ? null : o.Namespace).Build();
        var b = new GoldenMapBuilder().Add("apiVersion", "v1").Add("kind", o.Kind).Add("metadata", meta);
        switch (o.Kind)
        {
            case ClusterObject.ConfigMapKind:
                b.Add("data", Strings(o.Data));
                break;
            case ClusterObject.SecretKind:
                b.Add("stringData", Strings(ValueMap.Create(o.Data.Select(kv => KeyValuePair.Create(kv.Key, Model.ContainerEnv.EnvVariable.SecretMask(o.Name + "/" + kv.Key))))));
                break;
            case ClusterObject.ServiceKind when o.Service is { } s:
                var spec = new GoldenMapBuilder().Add("clusterIP", s.ClusterIP.Length == 0 ? null : s.ClusterIP);
                if (!s.Ports.IsEmpty)
                {
                    spec.Add("ports", new GoldenList(s.Ports.Select(p => (GoldenNode)new GoldenMapBuilder()
                        .Add("name", p.Name.Length == 0 ? null : p.Name).Add("port", p.Port).Add("protocol", p.Protocol.Length == 0 ? null : p.Protocol).Build()).ToList()));
                }

                b.Add("spec", spec.Build());
                break;
        }

        return b.Build();
    }

    private static GoldenNode StepYaml(ScenarioStep step)
    {
        var b = new GoldenMapBuilder().Add("at", Duration(step.At));
        if (step.Pod.Length != 0)
        {
            b.Add("pod", step.Pod);
        }

        if (step.Create is { } created)
        {
            b.Add("create", ObjectYaml(created));
        }

        if (step.RemoveSchedulingGates is { } gates)
        {
            if (gates.IsEmpty)
            {
                b.Add("removeSchedulingGates", true);
            }
            else
            {
                b.AddList("removeSchedulingGates", gates);
            }
        }

        if (step.SetCondition is { } condition)
        {
            b.Add("setCondition", new GoldenMapBuilder().Add("type", condition.Type).Add("status", condition.Status).Build());
        }

        if (step.RemoveCondition is { } removed)
        {
            b.Add("removeCondition", removed);
        }

        return b.Build();
    }

    public static string Write(Scenario scenario) => GoldenYamlWriter.Write(ToNode(scenario));

    /// <summary>Go duration syntax without the zero tails Go prints (<c>1m</c>, not <c>1m0s</c>).</summary>
    public static string Duration(TimeSpan d)
    {
        string s = GoDuration.Format(d);
        if (s.EndsWith("h0m0s", StringComparison.Ordinal))
        {
            return s[..^4];
        }

        return s.EndsWith("m0s", StringComparison.Ordinal) ? s[..^2] : s;
    }

    private static GoldenMap NodeYaml(Node n)
    {
        var b = new GoldenMapBuilder().Add("name", n.Name);
        b.Add("capacity", Quantities(n.Capacity));
        b.Add("allocatable", Quantities(n.Allocatable));
        b.AddList("addresses", n.Addresses);
        b.Add("labels", Strings(n.Labels));
        if (!n.Taints.IsEmpty)
        {
            b.Add("taints", new GoldenList(n.Taints.Select(t => (GoldenNode)new GoldenMapBuilder().Add("key", t.Key).Add("value", t.Value.Length == 0 ? null : t.Value).Add("effect", t.Effect).Build()).ToList()));
        }

        if (n.Unschedulable)
        {
            b.Add("unschedulable", true);
        }

        if (n.DeclaredFeatures is { } declared)
        {
            b.Add("declaredFeatures", new GoldenList(declared.Select(f => (GoldenNode)new GoldenScalar(f)).ToList()));
        }

        b.Add("conditions", Strings(n.Conditions));
        return b.Build();
    }

    private static GoldenMap? Quantities(ValueMap<Quantity> map) =>
        map.IsEmpty ? null : Strings(ValueMap.Create(map.Select(kv => KeyValuePair.Create(kv.Key, Text(kv.Value)!))));

    private static GoldenMap? Strings(ValueMap<string> map)
    {
        if (map.IsEmpty)
        {
            return null;
        }

        var b = new GoldenMapBuilder();
        foreach (var (k, v) in map)
        {
            b.Add(k, v);
        }

        return b.Build();
    }

    /// <summary>
    /// The canonical form of the quantity as the reader will see it: a value built in memory can print
    /// differently from the same value parsed back, and the file must be stable under read-then-write.
    /// </summary>
    private static string? Text(Quantity? q) =>
        q is not { } v ? null : Quantity.TryParse(v.ToString(), out var parsed, out _) ? parsed.ToCanonicalString() : v.ToString();

    private static GoldenMap PodScriptYaml(PodScript script)
    {
        var b = new GoldenMapBuilder();
        if (script.DeleteAfter is { } d)
        {
            b.Add("deleteAfter", Duration(d));
        }

        if (!script.Containers.IsEmpty)
        {
            var containers = new GoldenMapBuilder();
            foreach (var (name, cs) in script.Containers)
            {
                containers.Add(name, cs.Runs.Count == 1 ? RunYaml(cs.Runs[0]) : new GoldenList(cs.Runs.Select(r => (GoldenNode)RunYaml(r)).ToList()));
            }

            b.Add("containers", containers.Build());
        }

        b.AddList("podIPs", script.PodIPs);
        return b.Build();
    }

    private static GoldenMap RunYaml(ContainerRun r)
    {
        var b = new GoldenMapBuilder();
        if (r.ExitCode is { } exit)
        {
            b.Add("exit", exit);
        }
        else if (r.AllocateMemory is null && r.UseCpu is null)
        {
            b.Add("runForever", true);
        }

        if (r.After != TimeSpan.Zero)
        {
            b.Add("after", Duration(r.After));
        }

        if (r.ReadyAfter != TimeSpan.Zero)
        {
            b.Add("readyAfter", Duration(r.ReadyAfter));
        }

        if (r.NeverReady)
        {
            b.Add("neverReady", true);
        }

        b.Add("allocate", Text(r.AllocateMemory));
        b.Add("useCpu", Text(r.UseCpu));
        return b.Build();
    }
}
