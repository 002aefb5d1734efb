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
        WriteDisks(w, s);
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

                WriteSampleDisk(w, sample);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// PROTO-015: the node's filesystems (<c>nodefs</c>, <c>imagefs</c>), their <c>diskLayout</c> and the process limit
    /// (<c>pids</c>), each only when the scenario has it (absent: the signal is not observed, as in a memory-only episode).
    /// </summary>
    private static void WriteDisks(Utf8JsonWriter w, NodeScenario s)
    {
        if (s.NodeFs is { } nodeFs)
        {
            WriteFs(w, "nodefs", nodeFs);
        }

        if (s.ImageFs is { } imageFs)
        {
            WriteFs(w, "imagefs", imageFs);
        }

        if (s.DiskLayout != Model.Eviction.DiskLayout.SingleFs)
        {
            w.WriteString("diskLayout", DiskLayouts.Name(s.DiskLayout));
        }

        if (s.Pids is { } pids)
        {
            w.WriteStartObject("pids");
            w.WriteNumber("max", pids.Max);
            w.WriteNumber("systemProcesses", pids.SystemProcesses);
            w.WriteEndObject();
        }
    }

    private static void WriteFs(Utf8JsonWriter w, string name, FilesystemCapacity fs)
    {
        w.WriteStartObject(name);
        w.WriteString("capacity", fs.Capacity.ToString());
        if (fs.Inodes is long inodes)
        {
            w.WriteNumber("inodes", inodes);
        }

        w.WriteString("systemUsed", fs.SystemUsed.ToString());
        w.WriteNumber("systemInodesUsed", fs.SystemInodesUsed);
        w.WriteEndObject();
    }

    /// <summary>A sample's per-container disk (<c>disk</c>), per-volume use (<c>volumes</c>) and process count, when it has them.</summary>
    private static void WriteSampleDisk(Utf8JsonWriter w, UsageSample sample)
    {
        if (!sample.Disk.IsEmpty)
        {
            w.WriteStartObject("disk");
            foreach (var (container, d) in sample.Disk)
            {
                w.WriteStartObject(container);
                WriteQuantity(w, "rootfs", d.Rootfs);
                WriteQuantity(w, "logs", d.Logs);
                WriteCount(w, "rootfsInodes", d.RootfsInodes);
                WriteCount(w, "logsInodes", d.LogsInodes);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (!sample.Volumes.IsEmpty)
        {
            w.WriteStartObject("volumes");
            foreach (var (volume, v) in sample.Volumes)
            {
                w.WriteStartObject(volume);
                WriteQuantity(w, "used", v.Used);
                WriteCount(w, "inodes", v.Inodes);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        WriteCount(w, "processes", sample.Processes);
    }

    private static void WriteQuantity(Utf8JsonWriter w, string name, Model.Quantities.Quantity? q)
    {
        if (q is { } value)
        {
            w.WriteString(name, value.ToString());
        }
    }

    private static void WriteCount(Utf8JsonWriter w, string name, long? count)
    {
        if (count is long value)
        {
            w.WriteNumber(name, value);
        }
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
            Manifests.Wire.WirePodWriter.Write(w, pod);
        }

        w.WriteEndArray();
    }
}
