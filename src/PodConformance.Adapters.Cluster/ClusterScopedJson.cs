using System.Text;
using System.Text.Json;
using PodConformance.Model.Admission.Objects;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The JSON of the cluster-scoped objects the adapter creates: node.k8s.io/v1 RuntimeClass and scheduling.k8s.io/v1
/// PriorityClass, with the fields the admission plugins read. Written here, not through KubernetesClient's typed
/// objects, for the reason pods are (<see cref="ClusterApi"/>): quantities reach the server as the case holds them.
/// </summary>
public static class ClusterScopedJson
{
    /// <summary>The members after <c>metadata</c>: <c>handler</c>, <c>overhead</c>, <c>scheduling</c> (the model's <see cref="RuntimeClass"/>).</summary>
    public static string RuntimeClassContent(RuntimeClass rc)
    {
        ArgumentNullException.ThrowIfNull(rc);
        return Members(w => Manifests.Wire.RuntimeClassFields.Write(w, rc));
    }

    /// <summary>The members after <c>metadata</c>: <c>value</c>, <c>preemptionPolicy</c>; <c>globalDefault</c> never (<see cref="ClusterScopedPlan.For"/> refuses such a case).</summary>
    public static string PriorityClassContent(PriorityClass pc)
    {
        ArgumentNullException.ThrowIfNull(pc);
        return Members(w =>
        {
            w.WriteNumber("value", pc.Value);
            NonEmpty(w, "preemptionPolicy", pc.PreemptionPolicy);
        });
    }

    /// <summary>The whole object: apiVersion, kind, metadata (name and podconf's labels), then <paramref name="content"/>.</summary>
    public static string Object(ClusterScopedKind kind, string name, IEnumerable<KeyValuePair<string, string>> labels, string content)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(content);
        string head = Members(w =>
        {
            w.WriteString("apiVersion", kind.ApiVersion);
            w.WriteString("kind", kind.Kind);
            w.WriteStartObject("metadata");
            w.WriteString("name", name);
            w.WriteStartObject("labels");
            foreach (var (k, v) in labels)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
        return "{" + head + (content.Length == 0 ? "" : "," + content) + "}";
    }

    private static void NonEmpty(Utf8JsonWriter w, string name, string value)
    {
        if (value.Length > 0)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>An object's members without its braces, so pieces can be joined.</summary>
    private static string Members(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        string json = Encoding.UTF8.GetString(stream.ToArray());
        return json[1..^1];
    }
}
