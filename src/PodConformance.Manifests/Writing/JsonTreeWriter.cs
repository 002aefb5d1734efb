using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Prints output trees as JSON in struct field order with four-space indentation, as <c>kubectl get -o json</c>
/// does. Numbers and booleans are written from their text; "\n" line ends on every platform.
/// </summary>
internal static class JsonTreeWriter
{
    public static void Write(Stream stream, ManifestNode root)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 4,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var writer = new Utf8JsonWriter(stream, options);
        Emit(writer, root);
    }

    /// <summary>Compact JSON text of a node (metav1.FieldsV1 is kept as the JSON it was).</summary>
    public static string Compact(ManifestNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Emit(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Into a writer the caller owns (a protocol message), in that writer's layout.</summary>
    public static void Emit(Utf8JsonWriter writer, ManifestNode node)
    {
        switch (node)
        {
            case ManifestMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key.Value);
                    Emit(writer, value);
                }

                writer.WriteEndObject();
                break;
            case ManifestSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Emit(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ManifestScalar scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.Null: writer.WriteNullValue(); break;
                    case ScalarKind.Bool: writer.WriteBooleanValue(scalar.Value == "true"); break;
                    case ScalarKind.Int or ScalarKind.Float: writer.WriteRawValue(scalar.Value); break;
                    default: writer.WriteStringValue(scalar.Value); break;
                }

                break;
        }
    }
}
