using System.Collections.Immutable;
using System.Text.Json;
using PodConformance.Cli.Output.JsonPath;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Output;

/// <summary>
/// Objects printed as <c>kubectl get</c> prints them: one object as itself, several (or none) as a
/// <c>kind: List</c> with <c>metadata.resourceVersion: ""</c> (kubectl/pkg/cmd/get/get.go printGeneric); JSON with
/// sorted keys and four-space indent, YAML in go-yaml's key order, <c>-o name</c> as <c>pod/NAME</c>, and JSONPath
/// templates evaluated on the same object.
/// </summary>
public static class ObjectOutput
{
    public static string Print(OutputFormat format, IReadOnlyList<ManifestMapping> objects)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(objects);
        if (format.Name == "name")
        {
            var sb = new System.Text.StringBuilder();
            foreach (var o in objects)
            {
                string kind = (o.Get("kind") as ManifestScalar)?.Value.ToLowerInvariant() ?? "";
                string name = ((o.Get("metadata") as ManifestMapping)?.Get("name") as ManifestScalar)?.Value ?? "";
                sb.Append(kind).Append('/').Append(name).Append('\n');
            }

            return sb.ToString();
        }

        var root = objects.Count == 1 ? objects[0] : List(objects);
        return Data(format, root, sortKeys: true);
    }

    /// <summary>A verb's own data (findings, a report): JSON as is, or YAML and JSONPath over the same document.</summary>
    public static string PrintDocument(OutputFormat format, string json)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.Name == "json")
        {
            return json;
        }

        var root = FromJson(json);
        if (root is not ManifestMapping mapping)
        {
            // YAML of a top-level list: wrap for the writer, then print the items as a sequence.
            mapping = new ManifestMapping([new(new ManifestScalar("items", ScalarKind.String), root)]);
            if (format.Name == "yaml")
            {
                string text = ManifestYaml.Write(mapping, YamlKeyOrder.StructOrder);
                return string.Concat(text.Split('\n').Skip(1).Select(l => l.Length == 0 ? "" : l + "\n"));
            }
        }

        return format.IsJsonPath ? Data(format, root, sortKeys: false) : ManifestYaml.Write(mapping, YamlKeyOrder.StructOrder);
    }

    private static string Data(OutputFormat format, ManifestNode root, bool sortKeys)
    {
        switch (format.Name)
        {
            case "json":
                return GoJson.Indented(root, sortKeys) + "\n";
            case "yaml":
                return ManifestYaml.Write((ManifestMapping)root, sortKeys ? YamlKeyOrder.Kubectl : YamlKeyOrder.StructOrder);
            default:
                try
                {
                    return JsonPathEvaluator.Execute(format.Template!, root, format.Name == "jsonpath-as-json");
                }
                catch (JsonPathException e)
                {
                    throw new UserInputException("error executing jsonpath " + GoQuote.Quote(format.Template!) + ": Error executing template: " + e.Message + ".");
                }
        }
    }

    public static ManifestMapping List(IReadOnlyList<ManifestMapping> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Map(
            ("apiVersion", Str("v1")),
            ("items", new ManifestSequence([.. items])),
            ("kind", Str("List")),
            ("metadata", Map(("resourceVersion", Str("")))));
    }

    public static ManifestScalar Str(string value) => new(value, ScalarKind.String);

    public static ManifestMapping Map(params (string Key, ManifestNode Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<ManifestScalar, ManifestNode>(Str(e.Key), e.Value))]);

    /// <summary>A JSON document as an output tree (numbers keep their text: integers stay integers).</summary>
    public static ManifestNode FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Convert(doc.RootElement);
    }

    private static ManifestNode Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new ManifestMapping([.. e.EnumerateObject().Select(p => new KeyValuePair<ManifestScalar, ManifestNode>(Str(p.Name), Convert(p.Value)))]),
        JsonValueKind.Array => new ManifestSequence([.. e.EnumerateArray().Select(Convert)]),
        JsonValueKind.String => Str(e.GetString()!),
        JsonValueKind.Number => new ManifestScalar(e.GetRawText(), e.TryGetInt64(out _) ? ScalarKind.Int : ScalarKind.Float),
        JsonValueKind.True => new ManifestScalar("true", ScalarKind.Bool),
        JsonValueKind.False => new ManifestScalar("false", ScalarKind.Bool),
        _ => new ManifestScalar("null", ScalarKind.Null),
    };
}
