using System.Text;
using System.Text.Json;
using PodConformance.Manifests.Scenarios;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A node-pressure case on the wire (spec/adapter-protocol.md, PROTO-015): the pods as Kubernetes JSON and the
/// <c>kind: NodeScenario</c> document of spec/scenario.md as JSON. Read back through <see cref="NodeScenarioReader"/>
/// (as a <c>kind: List</c> of the two), so the wire is exactly as strict as <c>podconf evict -f</c>.
/// </summary>
public static class NodeScenarioJson
{
    public static void Write(Utf8JsonWriter w, NodeScenario s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject();
        w.WriteString("apiVersion", "podconf/v1");
        w.WriteString("kind", NodeScenarioReader.Kind);
        w.WriteStartObject("node");
        w.WriteString("name", s.Node.Name);
        ScenarioJson.WriteQuantities(w, "capacity", s.Node.Capacity);
        if (!s.Node.Allocatable.IsEmpty)
        {
            ScenarioJson.WriteQuantities(w, "allocatable", s.Node.Allocatable);
        }

        w.WriteEndObject();
        if (s.EvictionHard is { } hard)
        {
            w.WriteStartObject("evictionHard");
            foreach (var (k, v) in hard)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        w.WriteBoolean("enforceNodeAllocatable", s.EnforceNodeAllocatable);
        w.WriteString("period", GoDuration.Format(s.Period));
        w.WriteString("pressureTransitionPeriod", GoDuration.Format(s.PressureTransitionPeriod));
        if (s.Until is { } until)
        {
            w.WriteString("until", GoDuration.Format(until));
        }

        w.WriteString("systemMemory", s.SystemMemory.ToString());
        w.WriteStartObject("usage");
        foreach (var (pod, samples) in s.Usage)
        {
            w.WriteStartArray(pod);
            foreach (var sample in samples)
            {
                w.WriteStartObject();
                w.WriteString("at", GoDuration.Format(sample.At));
                if (sample.NoStats)
                {
                    w.WriteBoolean("noStats", true);
                }

                if (sample.Pod is { } q)
                {
                    w.WriteString("pod", q.ToString());
                }

                if (!sample.Containers.IsEmpty)
                {
                    ScenarioJson.WriteQuantities(w, "containers", sample.Containers);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The pods and node scenario of a <c>nodePressure</c> case, checked together (usage must name the pods).</summary>
    public static (ValueList<Pod> Pods, NodeScenario Scenario) Read(JsonElement pods, string podsPath, JsonElement scenario, string scenarioPath)
    {
        if (pods.ValueKind != JsonValueKind.Array)
        {
            throw StrictObject.Wrong(podsPath, "an array of Pod objects", pods);
        }

        if (scenario.ValueKind != JsonValueKind.Object)
        {
            throw StrictObject.Wrong(scenarioPath, "a NodeScenario object", scenario);
        }

        var text = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
        text.Append(scenario.GetRawText());
        foreach (var pod in pods.EnumerateArray())
        {
            text.Append(',').Append(pod.GetRawText());
        }

        text.Append("]}");
        var result = NodeScenarioReader.ReadText(text.ToString(), scenarioPath);
        if (result.HasErrors || result.Scenario is null)
        {
            var errors = result.Diagnostics.Where(d => d.IsError).Select(d => d.Path.Length == 0 ? d.Message : d.Path + ": " + d.Message);
            throw new ProtocolException(scenarioPath, "invalid node-pressure case: " + string.Join("; ", errors));
        }

        return ([.. result.Pods.Select(p => p.Pod)], result.Scenario);
    }

    /// <summary>Pods as Kubernetes JSON objects, the same bytes <c>podconf -o json</c> writes.</summary>
    public static void WritePods(Utf8JsonWriter w, IEnumerable<Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(pods);
        w.WriteStartArray();
        foreach (var pod in pods)
        {
            PodManifestWriter.WriteJson(w, pod);
        }

        w.WriteEndArray();
    }
}
