using PodConformance.SchemaGen.Go;

namespace PodConformance.SchemaGen.Data;

/// <summary>
/// Walks every type reachable from a root struct of core/v1 through the parsed Go files, following inline
/// members, pointers, slices and maps, and records each type once with its fields in declaration order.
/// Package qualifiers are resolved and dropped: type names are unique across core/v1 and meta/v1 (checked).
/// </summary>
internal static class SchemaWalker
{
    public const string CorePackage = "core/v1";
    public const string MetaPackage = "meta/v1";

    /// <summary>Types whose JSON form is their own (a custom UnmarshalJSON), read as one value.</summary>
    private static readonly Dictionary<string, (string Package, string Kind)> Special = new(StringComparer.Ordinal)
    {
        ["resource.Quantity"] = ("api/resource", "quantity"),
        ["intstr.IntOrString"] = ("util/intstr", "intOrString"),
        ["types.UID"] = ("types", "string"),
        ["metav1.Time"] = (MetaPackage, "time"),
        ["metav1.MicroTime"] = (MetaPackage, "microTime"),
        ["metav1.FieldsV1"] = (MetaPackage, "fieldsV1"),
    };

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "string", "bool", "byte", "int", "int8", "int16", "int32", "int64",
        "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
    };

    public static IReadOnlyList<ApiType> Walk(GoFile core, GoFile meta, string root)
    {
        var result = new SortedDictionary<string, ApiType>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(root);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        while (queue.Count > 0)
        {
            string qualified = queue.Dequeue();
            var type = Build(qualified, core, meta, out var references);
            if (result.TryGetValue(type.Name, out var existing) && existing.Package != type.Package)
            {
                throw new InvalidOperationException($"type name {type.Name} is declared in {existing.Package} and {type.Package}");
            }

            result[type.Name] = type;
            foreach (string r in references)
            {
                if (seen.Add(r))
                {
                    queue.Enqueue(r);
                }
            }
        }

        return [.. result.Values];
    }

    /// <summary>Qualified names: <c>Pod</c> (core/v1), <c>metav1.ObjectMeta</c>, <c>resource.Quantity</c>.</summary>
    private static ApiType Build(string qualified, GoFile core, GoFile meta, out List<string> references)
    {
        references = [];
        string bare = Bare(qualified);
        if (Special.TryGetValue(qualified, out var special))
        {
            return new ApiType(bare, special.Package, special.Kind, null, false, [], []);
        }

        bool isMeta = qualified.StartsWith("metav1.", StringComparison.Ordinal);
        var file = isMeta ? meta : core;
        string package = isMeta ? MetaPackage : CorePackage;
        if (!file.Types.TryGetValue(bare, out var decl))
        {
            throw new InvalidOperationException($"type {qualified} is not declared in {package}/types.go");
        }

        if (decl.IsStruct)
        {
            var fields = new List<ApiField>();
            foreach (var f in decl.Fields!)
            {
                var field = Field(f, isMeta, references);
                if (field is not null)
                {
                    fields.Add(field);
                }
            }

            return new ApiType(bare, package, "struct", null, false, [], fields);
        }

        var underlying = TypeExpr.Parse(decl.Underlying!);
        bool isEnum = decl.Markers.Contains("enum");
        if (underlying.Kind == TypeExprKind.Named && Builtins.Contains(underlying.Name))
        {
            var values = new List<string>();
            foreach (var c in file.Consts)
            {
                if (c.Type == bare)
                {
                    values.Add(c.Value);
                }
            }

            return new ApiType(bare, package, underlying.Name, null, isEnum, values, []);
        }

        var resolved = Resolve(underlying, isMeta, references);
        string kind = resolved.Kind switch
        {
            TypeExprKind.Map => "map",
            TypeExprKind.Slice => "slice",
            _ => throw new InvalidOperationException($"type {qualified} = {decl.Underlying} is not supported"),
        };
        return new ApiType(bare, package, kind, resolved.ToString(), false, [], []);
    }

    private static ApiField? Field(GoField f, bool isMeta, List<string> references)
    {
        var (jsonName, options) = JsonTag(f.Tag);
        if (jsonName == "-")
        {
            return null;
        }

        bool inline = f.IsEmbedded && jsonName.Length == 0;
        string goName = f.IsEmbedded ? Bare(f.Type.TrimStart('*')) : f.Name;
        if (!inline && jsonName.Length == 0)
        {
            jsonName = goName;
        }

        var type = Resolve(TypeExpr.Parse(f.Type), isMeta, references);
        var gates = new List<string>();
        var mapKeys = new List<string>();
        string? listType = null;
        bool optional = false;
        foreach (string m in f.Markers)
        {
            if (m == "optional")
            {
                optional = true;
            }
            else if (m.StartsWith("featureGate=", StringComparison.Ordinal))
            {
                // One marker line names one or more gates (comma-separated); prose may follow after a space.
                string value = m["featureGate=".Length..].Split(' ', 2)[0];
                gates.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (m.StartsWith("listType=", StringComparison.Ordinal))
            {
                listType = m["listType=".Length..];
            }
            else if (m.StartsWith("listMapKey=", StringComparison.Ordinal))
            {
                mapKeys.Add(m["listMapKey=".Length..]);
            }
        }

        return new ApiField(goName, jsonName, type.ToString(), inline, options.Contains("omitempty"), options.Contains("omitzero"), optional, gates, listType, mapKeys);
    }

    /// <summary>Qualifies names for the walk and returns the expression with bare names for the data.</summary>
    private static TypeExpr Resolve(TypeExpr expr, bool isMeta, List<string> references) =>
        expr.Map(name =>
        {
            if (Builtins.Contains(name))
            {
                return name;
            }

            string qualified = name.Contains('.', StringComparison.Ordinal)
                ? name
                : isMeta ? "metav1." + name : name;
            references.Add(qualified);
            return Bare(qualified);
        });

    private static string Bare(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    private static (string Name, HashSet<string> Options) JsonTag(string tag)
    {
        const string key = "json:\"";
        int start = tag.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return ("", []);
        }

        start += key.Length;
        int end = tag.IndexOf('"', start);
        string[] parts = tag[start..end].Split(',');
        return (parts[0], [.. parts.Skip(1)]);
    }
}
