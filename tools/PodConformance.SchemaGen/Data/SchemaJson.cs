using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodConformance.SchemaGen.Data;

/// <summary>
/// The checked-in form of a release's schema (spec/api/1.NN.json): one line per field so that a diff between
/// releases reads as the API change it is. False and empty attributes are left out.
/// </summary>
internal static class SchemaJson
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ApiRelease release)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"release\": ").Append(Q(release.Release)).Append(",\n");
        if (release.Roots is { } roots)
        {
            sb.Append("  \"roots\": ").Append(List(roots)).Append(",\n");
        }
        else
        {
            sb.Append("  \"root\": ").Append(Q(release.Root)).Append(",\n");
        }

        sb.Append("  \"sources\": [\n");
        for (int i = 0; i < release.Sources.Count; i++)
        {
            var s = release.Sources[i];
            sb.Append("    {\"repository\": ").Append(Q(s.Repository))
                .Append(", \"tag\": ").Append(Q(s.Tag))
                .Append(", \"commit\": ").Append(Q(s.Commit))
                .Append(", \"files\": ").Append(List(s.Files)).Append('}')
                .Append(i + 1 < release.Sources.Count ? ",\n" : "\n");
        }

        sb.Append("  ],\n");
        sb.Append("  \"types\": [\n");
        for (int i = 0; i < release.Types.Count; i++)
        {
            var t = release.Types[i];
            sb.Append("    {\"name\": ").Append(Q(t.Name))
                .Append(", \"package\": ").Append(Q(t.Package))
                .Append(", \"kind\": ").Append(Q(t.Kind));
            if (t.Underlying is not null)
            {
                sb.Append(", \"underlying\": ").Append(Q(t.Underlying));
            }

            if (t.Enum)
            {
                sb.Append(", \"enum\": true");
            }

            if (t.Values.Count > 0)
            {
                sb.Append(", \"values\": ").Append(List(t.Values));
            }

            if (t.Kind == "struct")
            {
                sb.Append(", \"fields\": [");
                for (int j = 0; j < t.Fields.Count; j++)
                {
                    sb.Append(j == 0 ? "\n" : ",\n").Append("      ").Append(Field(t.Fields[j]));
                }

                sb.Append(t.Fields.Count > 0 ? "\n    ]" : "]");
            }

            sb.Append('}').Append(i + 1 < release.Types.Count ? ",\n" : "\n");
        }

        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    private static string Field(ApiField f)
    {
        var sb = new StringBuilder();
        sb.Append("{\"go\": ").Append(Q(f.Go)).Append(", \"json\": ").Append(Q(f.Json)).Append(", \"type\": ").Append(Q(f.Type));
        if (f.Inline)
        {
            sb.Append(", \"inline\": true");
        }

        if (f.OmitEmpty)
        {
            sb.Append(", \"omitempty\": true");
        }

        if (f.OmitZero)
        {
            sb.Append(", \"omitzero\": true");
        }

        if (f.Optional)
        {
            sb.Append(", \"optional\": true");
        }

        if (f.FeatureGates.Count > 0)
        {
            sb.Append(", \"featureGates\": ").Append(List(f.FeatureGates));
        }

        if (f.ListType is not null)
        {
            sb.Append(", \"listType\": ").Append(Q(f.ListType));
        }

        if (f.ListMapKeys.Count > 0)
        {
            sb.Append(", \"listMapKeys\": ").Append(List(f.ListMapKeys));
        }

        return sb.Append('}').ToString();
    }

    public static ApiRelease Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var sources = new List<ApiSource>();
        foreach (var s in root.GetProperty("sources").EnumerateArray())
        {
            sources.Add(new ApiSource(S(s, "repository")!, S(s, "tag")!, S(s, "commit")!, Strings(s, "files")));
        }

        var types = new List<ApiType>();
        foreach (var t in root.GetProperty("types").EnumerateArray())
        {
            var fields = new List<ApiField>();
            if (t.TryGetProperty("fields", out var fs))
            {
                foreach (var f in fs.EnumerateArray())
                {
                    fields.Add(new ApiField(
                        S(f, "go")!,
                        S(f, "json")!,
                        S(f, "type")!,
                        B(f, "inline"),
                        B(f, "omitempty"),
                        B(f, "omitzero"),
                        B(f, "optional"),
                        Strings(f, "featureGates"),
                        S(f, "listType"),
                        Strings(f, "listMapKeys")));
                }
            }

            types.Add(new ApiType(S(t, "name")!, S(t, "package")!, S(t, "kind")!, S(t, "underlying"), B(t, "enum"), Strings(t, "values"), fields));
        }

        return new ApiRelease(S(root, "release")!, S(root, "root") ?? "", sources, types, root.TryGetProperty("roots", out _) ? Strings(root, "roots") : null);
    }

    private static string Q(string s) => JsonSerializer.Serialize(s, StringOptions);

    private static string List(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(Q)) + "]";

    private static string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static bool B(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.GetBoolean();

    private static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out var v))
        {
            foreach (var x in v.EnumerateArray())
            {
                list.Add(x.GetString()!);
            }
        }

        return list;
    }
}
