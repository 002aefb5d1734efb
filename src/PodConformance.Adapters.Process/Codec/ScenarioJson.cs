using System.Text.Json;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A <see cref="Scenario"/> as JSON in exactly the shape of spec/scenario.md, so adapter authors learn one
/// format and podconf reads it back with the same strict <see cref="ScenarioReader"/> as scenario files.
/// Quantities are written with their own <c>ToString()</c> and durations in Go syntax, both lossless.
/// Defaults are written only where the reader's default differs from the value (never, for the fields below,
/// except <c>until</c> and <c>pullDuration</c>, which are always written so adapters need not know defaults).
/// </summary>
public static class ScenarioJson
{
    public static void Write(Utf8JsonWriter w, Scenario s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject();
        w.WriteString("until", GoDuration.Format(s.Until));
        if (!s.Nodes.IsEmpty)
        {
            w.WriteStartArray("nodes");
            foreach (var n in s.Nodes)
            {
                WriteNode(w, n);
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("images");
        w.WriteString("pullDuration", GoDuration.Format(s.Images.PullDuration));
        WriteStrings(w, "missing", s.Images.Missing);
        WriteStrings(w, "present", s.Images.Present);
        w.WriteEndObject();
        w.WriteStartObject("pods");
        foreach (var (pod, script) in s.Pods)
        {
            w.WriteStartObject(pod);
            if (script.DeleteAfter is { } delete)
            {
                w.WriteString("deleteAfter", GoDuration.Format(delete));
            }

            if (!script.PodIPs.IsEmpty)
            {
                WriteStrings(w, "podIPs", script.PodIPs);
            }

            w.WriteStartObject("containers");
            foreach (var (container, runs) in script.Containers)
            {
                // Always the list form: one shape for adapters to read (a one-element list means "every run").
                w.WriteStartArray(container);
                foreach (var run in runs.Runs)
                {
                    WriteRun(w, run);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (!s.Objects.IsEmpty)
        {
            w.WriteStartArray("objects");
            foreach (var o in s.Objects)
            {
                WriteObject(w, o);
            }

            w.WriteEndArray();
        }

        if (!s.Steps.IsEmpty)
        {
            w.WriteStartArray("steps");
            foreach (var step in s.Steps)
            {
                WriteStep(w, step);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter w, ScenarioStep step)
    {
        w.WriteStartObject();
        w.WriteString("at", GoDuration.Format(step.At));
        if (step.Pod.Length != 0)
        {
            w.WriteString("pod", step.Pod);
        }

        if (step.Create is { } created)
        {
            w.WritePropertyName("create");
            WriteObject(w, created);
        }

        if (step.RemoveSchedulingGates is { } gates)
        {
            if (gates.IsEmpty)
            {
                w.WriteBoolean("removeSchedulingGates", true);
            }
            else
            {
                WriteStrings(w, "removeSchedulingGates", gates);
            }
        }

        if (step.SetCondition is { } condition)
        {
            w.WriteStartObject("setCondition");
            w.WriteString("type", condition.Type);
            w.WriteString("status", condition.Status);
            w.WriteEndObject();
        }

        if (step.RemoveCondition is { } removed)
        {
            w.WriteString("removeCondition", removed);
        }

        w.WriteEndObject();
    }

    /// <summary>The object in Kubernetes' JSON form; Secret values in clear (stringData), as PROTO-015 sends env objects.</summary>
    private static void WriteObject(Utf8JsonWriter w, ClusterObject o)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "v1");
        w.WriteString("kind", o.Kind);
        w.WriteStartObject("metadata");
        w.WriteString("name", o.Name);
        if (o.Namespace.Length != 0)
        {
            w.WriteString("namespace", o.Namespace);
        }

        w.WriteEndObject();
        if (o.Kind is ClusterObject.ConfigMapKind or ClusterObject.SecretKind)
        {
            w.WriteStartObject(o.Kind == ClusterObject.SecretKind ? "stringData" : "data");
            foreach (var (k, v) in o.Data)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }
        else if (o.Service is { } s)
        {
            w.WriteStartObject("spec");
            if (s.ClusterIP.Length != 0)
            {
                w.WriteString("clusterIP", s.ClusterIP);
            }

            w.WriteStartArray("ports");
            foreach (var p in s.Ports)
            {
                w.WriteStartObject();
                if (p.Name.Length != 0)
                {
                    w.WriteString("name", p.Name);
                }

                w.WriteNumber("port", p.Port);
                if (p.Protocol.Length != 0)
                {
                    w.WriteString("protocol", p.Protocol);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>Reads the raw JSON text of a scenario (its UTF-8 bytes, as the message holds them); errors carry scenario.md paths.</summary>
    public static Scenario Read(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw StrictObject.Wrong(path, "an object", e);
        }

        var result = ScenarioReader.ReadUtf8Json(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(e), path);
        if (result.Scenario is null || result.HasErrors)
        {
            var errors = result.Diagnostics.Where(d => d.IsError).Select(d => d.Path.Length == 0 ? d.Message : d.Path + ": " + d.Message);
            throw new ProtocolException(path, "invalid scenario: " + string.Join("; ", errors));
        }

        return result.Scenario;
    }

    internal static void WriteNode(Utf8JsonWriter w, Node n)
    {
        w.WriteStartObject();
        w.WriteString("name", n.Name);
        WriteQuantities(w, "capacity", n.Capacity);
        if (!n.Allocatable.IsEmpty)
        {
            WriteQuantities(w, "allocatable", n.Allocatable);
        }

        WriteStrings(w, "addresses", n.Addresses);
        w.WriteStartObject("labels");
        foreach (var (k, v) in n.Labels)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        w.WriteStartArray("taints");
        foreach (var t in n.Taints)
        {
            w.WriteStartObject();
            w.WriteString("key", t.Key);
            w.WriteString("value", t.Value);
            w.WriteString("effect", t.Effect);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("unschedulable", n.Unschedulable);
        if (n.DeclaredFeatures is { } declared)
        {
            WriteStrings(w, "declaredFeatures", declared);
        }

        w.WriteStartObject("conditions");
        foreach (var (k, v) in n.Conditions)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter w, ContainerRun run)
    {
        w.WriteStartObject();
        if (run.ExitCode is { } exit)
        {
            w.WriteNumber("exit", exit);
        }
        else
        {
            w.WriteBoolean("runForever", true);
        }

        w.WriteString("after", GoDuration.Format(run.After));
        w.WriteString("readyAfter", GoDuration.Format(run.ReadyAfter));
        if (run.NeverReady)
        {
            w.WriteBoolean("neverReady", true);
        }

        if (run.AllocateMemory is { } mem)
        {
            w.WriteString("allocate", mem.ToString());
        }

        if (run.UseCpu is { } cpu)
        {
            w.WriteString("useCpu", cpu.ToString());
        }

        w.WriteEndObject();
    }

    internal static void WriteQuantities(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, Quantity>> values)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in values)
        {
            w.WriteString(k, v.ToString());
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
