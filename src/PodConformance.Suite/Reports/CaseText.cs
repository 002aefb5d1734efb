using System.Globalization;
using System.Text;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A case as text a person can use: the Pod as YAML they can <c>kubectl apply</c>, then the ConfigMaps, Secrets and
/// Services env reads (Secret values masked: reports must never carry secret text), then (when it has behaviour) the
/// scenario in podconf's scenario format (spec/scenario.md); a node-pressure case as its <c>kind: NodeScenario</c>
/// document followed by its pods, the single file <c>podconf evict -f</c> reads; a quantity as itself.
/// </summary>
public static class CaseText
{
    public static string Render(ConformanceCase testCase) => testCase switch
    {
        QuantityCase q => "quantity: " + Quote(q.Input) + "\n",
        PodCase p => Gates(p) + PodManifestWriter.ToYaml(p.Pod) + (p.Objects is { } o ? EnvObjectsText.Render(p.Pod, o) : "") + RuntimeClassText.Render(p.RuntimeClasses) + PriorityClassText.Render(p.PriorityClasses, p.Pod) + ServiceAccountText.Render(p.ServiceAccounts, p.Pod) + (IsEmpty(p.Scenario) ? "" : "---\n" + Scenario(p.Scenario)),
        NodePressureCase n => NodeScenarioText.Render(n.Scenario) + string.Concat(n.Pods.Select(pod => "---\n" + PodManifestWriter.ToYaml(pod))),
        _ => testCase.Describe() + "\n",
    };

    private static bool IsEmpty(Scenario s) => s == new Scenario();

    /// <summary>The gates the case ran with beyond the run's profile, as a comment (the YAML stays applicable) in <c>--feature-gates</c> form.</summary>
    private static string Gates(PodCase p) =>
        p.Gates.IsEmpty ? "" : "# feature gates this case needs: --feature-gates " + string.Join(",", p.Gates.Select(g => g.Key + "=" + (g.Value ? "true" : "false"))) + "\n";

    /// <summary>The scenario as YAML (only what differs from the defaults).</summary>
    public static string Scenario(Scenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var w = new StringBuilder();
        w.Append("apiVersion: podconf/v1\nkind: Scenario\n");
        w.Append("until: ").Append(GoDuration.Format(s.Until)).Append('\n');
        if (!s.Nodes.IsEmpty)
        {
            w.Append("nodes:\n");
            foreach (var n in s.Nodes)
            {
                w.Append("- name: ").Append(Quote(n.Name)).Append('\n');
                AppendQuantities(w, "  capacity", n.Capacity);
                AppendQuantities(w, "  allocatable", n.Allocatable);
                if (!n.Labels.IsEmpty)
                {
                    w.Append("  labels: {").Append(string.Join(", ", n.Labels.Select(kv => Quote(kv.Key) + ": " + Quote(kv.Value)))).Append("}\n");
                }

                if (!n.Taints.IsEmpty)
                {
                    w.Append("  taints: [").Append(string.Join(", ", n.Taints.Select(t => "{key: " + Quote(t.Key) + ", value: " + Quote(t.Value) + ", effect: " + Quote(t.Effect) + "}"))).Append("]\n");
                }

                if (n.Unschedulable)
                {
                    w.Append("  unschedulable: true\n");
                }

                if (n.DeclaredFeatures is { } declared)
                {
                    w.Append("  declaredFeatures: [").Append(string.Join(", ", declared.Select(Quote))).Append("]\n");
                }
            }
        }

        var images = s.Images;
        if (images != new ImageCatalog())
        {
            w.Append("images:\n");
            w.Append("  pullDuration: ").Append(GoDuration.Format(images.PullDuration)).Append('\n');
            AppendList(w, "  missing", images.Missing);
            AppendList(w, "  present", images.Present);
        }

        if (!s.Pods.IsEmpty)
        {
            w.Append("pods:\n");
            foreach (var (pod, script) in s.Pods)
            {
                w.Append("  ").Append(Quote(pod)).Append(":\n");
                if (script.DeleteAfter is { } d)
                {
                    w.Append("    deleteAfter: ").Append(GoDuration.Format(d)).Append('\n');
                }

                AppendList(w, "    podIPs", script.PodIPs);
                if (!script.Containers.IsEmpty)
                {
                    w.Append("    containers:\n");
                    foreach (var (container, cs) in script.Containers)
                    {
                        w.Append("      ").Append(Quote(container)).Append(":\n");
                        foreach (var run in cs.Runs)
                        {
                            w.Append("      - ").Append(Run(run)).Append('\n');
                        }
                    }
                }
            }
        }

        if (!s.Objects.IsEmpty)
        {
            // Kubernetes' form, Secret values masked (ENV-010): reports are shared.
            w.Append(Golden.GoldenYamlWriter.Write(new Golden.GoldenMap([KeyValuePair.Create("objects", (Golden.GoldenNode)new Golden.GoldenList([.. s.Objects.Select(Golden.ScenarioYaml.ObjectYaml)]))])));
        }

        if (!s.Steps.IsEmpty)
        {
            w.Append("steps:\n");
            foreach (var step in s.Steps)
            {
                w.Append("- at: ").Append(GoDuration.Format(step.At)).Append('\n');
                if (step.Pod.Length != 0)
                {
                    w.Append("  pod: ").Append(Quote(step.Pod)).Append('\n');
                }

                if (step.Create is { } created)
                {
                    string yaml = Golden.GoldenYamlWriter.Write(new Golden.GoldenMap([KeyValuePair.Create("create", Golden.ScenarioYaml.ObjectYaml(created))]));
                    w.Append(string.Concat(yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l + "\n")));
                }

                if (step.RemoveSchedulingGates is { } gates)
                {
                    if (gates.IsEmpty)
                    {
                        w.Append("  removeSchedulingGates: true\n");
                    }
                    else
                    {
                        AppendList(w, "  removeSchedulingGates", gates);
                    }
                }

                if (step.SetCondition is { } condition)
                {
                    w.Append("  setCondition: {type: ").Append(Quote(condition.Type)).Append(", status: ").Append(Quote(condition.Status)).Append("}\n");
                }

                if (step.RemoveCondition is { } removed)
                {
                    w.Append("  removeCondition: ").Append(Quote(removed)).Append('\n');
                }
            }
        }

        return w.ToString();
    }

    private static string Run(ContainerRun r)
    {
        var parts = new List<string>();
        if (r.ExitCode is { } code)
        {
            parts.Add("exit: " + code.ToString(CultureInfo.InvariantCulture));
        }
        else if (r.AllocateMemory is null)
        {
            parts.Add("runForever: true");
        }

        if (r.After != TimeSpan.Zero)
        {
            parts.Add("after: " + GoDuration.Format(r.After));
        }

        if (r.ReadyAfter != TimeSpan.Zero)
        {
            parts.Add("readyAfter: " + GoDuration.Format(r.ReadyAfter));
        }

        if (r.NeverReady)
        {
            parts.Add("neverReady: true");
        }

        if (r.AllocateMemory is { } mem)
        {
            parts.Add("allocate: " + Quote(mem.ToString()));
        }

        if (r.UseCpu is { } cpu)
        {
            parts.Add("useCpu: " + Quote(cpu.ToString()));
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    internal static void AppendQuantities(StringBuilder w, string key, ValueMap<Quantity> map)
    {
        if (!map.IsEmpty)
        {
            w.Append(key).Append(": {").Append(string.Join(", ", map.Select(kv => kv.Key + ": " + Quote(kv.Value.ToString())))).Append("}\n");
        }
    }

    private static void AppendList(StringBuilder w, string key, ValueList<string> items)
    {
        if (!items.IsEmpty)
        {
            w.Append(key).Append(": [").Append(string.Join(", ", items.Select(Quote))).Append("]\n");
        }
    }

    /// <summary>A YAML double-quoted scalar (JSON escaping is valid YAML).</summary>
    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
