using System.Text;
using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Writes model Pods as Kubernetes manifests: core/v1 casing, Go's omitempty rules, quantities via their
/// ToString(), invariant formatting. Deterministic byte for byte, and the reader reads it back to an equal Pod.
/// </summary>
public static class PodManifestWriter
{
    public static string ToYaml(Pod pod, YamlKeyOrder order = YamlKeyOrder.Kubectl)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return ToYaml([pod], order);
    }

    /// <summary>A multi-document stream, documents separated by <c>---</c>.</summary>
    public static string ToYaml(IEnumerable<Pod> pods, YamlKeyOrder order = YamlKeyOrder.Kubectl)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var documents = new List<ManifestMapping>();
        foreach (var pod in pods)
        {
            documents.Add(PodTree.Build(pod));
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        YamlTreeWriter.Write(writer, documents, order);
        return writer.ToString();
    }

    public static string ToJson(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        using var stream = new MemoryStream();
        JsonTreeWriter.Write(stream, PodTree.Build(pod));
        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The pod as a JSON value inside a larger document (protocol messages), without printing and re-parsing it.</summary>
    public static void WriteJson(System.Text.Json.Utf8JsonWriter writer, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pod);
        JsonTreeWriter.Emit(writer, PodTree.Build(pod));
    }

    /// <summary>The output tree itself, for callers that print it in another form.</summary>
    public static ManifestMapping ToTree(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return PodTree.Build(pod);
    }
}
