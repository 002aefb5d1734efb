using PodConformance.SchemaGen.Go;

namespace PodConformance.SchemaGen.Data;

/// <summary>
/// Walks every type reachable from root structs through the parsed Go files, following inline members, pointers,
/// slices and maps, and records each type once with its fields in declaration order. Package qualifiers are
/// resolved through each file's imports and dropped: type names are unique across the packages read (checked).
/// </summary>
internal static class SchemaWalker
{
    public const string CorePackage = "core/v1";
    public const string MetaPackage = "meta/v1";

    /// <summary>Types of packages not parsed whose JSON form is their own (a custom UnmarshalJSON), read as one value.</summary>
    private static readonly Dictionary<string, (string Package, string Kind)> External = new(StringComparer.Ordinal)
    {
        ["resource.Quantity"] = ("api/resource", "quantity"),
        ["intstr.IntOrString"] = ("util/intstr", "intOrString"),
        ["types.UID"] = ("types", "string"),
    };

    /// <summary>meta/v1 types with their own JSON form.</summary>
    private static readonly Dictionary<string, string> MetaSpecial = new(StringComparer.Ordinal)
    {
        ["Time"] = "time",
        ["MicroTime"] = "microTime",
        ["FieldsV1"] = "fieldsV1",
    };

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "string", "bool", "byte", "int", "int8", "int16", "int32", "int64",
        "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
    };

    /// <summary>The Pod API: core/v1 (which names meta/v1 as <c>metav1</c>) and meta/v1.</summary>
    public static IReadOnlyList<ApiType> Walk(GoFile core, GoFile meta, string root) =>
        Walk(
            [
                new GoPackage(CorePackage, core, new Dictionary<string, string> { ["metav1"] = MetaPackage }),
                new GoPackage(MetaPackage, meta, new Dictionary<string, string>()),
            ],
            [(CorePackage, root)]);

    /// <summary>Every type reachable from <paramref name="roots"/> (package path, struct name).</summary>
    public static IReadOnlyList<ApiType> Walk(IReadOnlyList<GoPackage> packages, IReadOnlyList<(string Package, string Name)> roots)
    {
        var byPath = packages.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var result = new SortedDictionary<string, ApiType>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (package, name) in roots)
        {
            string key = package + ":" + name;
            if (seen.Add(key))
            {
                queue.Enqueue(key);
            }
        }

        while (queue.Count > 0)
        {
            string qualified = queue.Dequeue();
            var type = Build(qualified, byPath, out var references);
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

    /// <summary>Keys: <c>core/v1:Pod</c>, <c>meta/v1:ObjectMeta</c>, or an external type's name as written (<c>resource.Quantity</c>).</summary>
    private static ApiType Build(string qualified, Dictionary<string, GoPackage> packages, out List<string> references)
    {
        references = [];
        if (External.TryGetValue(qualified, out var external))
        {
            return new ApiType(Bare(qualified), external.Package, external.Kind, null, false, [], []);
        }

        int colon = qualified.IndexOf(':', StringComparison.Ordinal);
        string package = qualified[..colon];
        string bare = qualified[(colon + 1)..];
        if (package == MetaPackage && MetaSpecial.TryGetValue(bare, out var metaKind))
        {
            return new ApiType(bare, MetaPackage, metaKind, null, false, [], []);
        }

        var pkg = packages[package];
        var file = pkg.File;
        if (!file.Types.TryGetValue(bare, out var decl))
        {
            throw new InvalidOperationException($"type {bare} is not declared in {package}/types.go");
        }

        if (decl.IsStruct)
        {
            var fields = new List<ApiField>();
            foreach (var f in decl.Fields!)
            {
                var field = Field(f, pkg, references);
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

        var resolved = Resolve(underlying, pkg, references);
        string kind = resolved.Kind switch
        {
            TypeExprKind.Map => "map",
            TypeExprKind.Slice => "slice",
            _ => throw new InvalidOperationException($"type {qualified} = {decl.Underlying} is not supported"),
        };
        return new ApiType(bare, package, kind, resolved.ToString(), false, [], []);
    }

    private static ApiField? Field(GoField f, GoPackage package, List<string> references)
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

        var type = Resolve(TypeExpr.Parse(f.Type), package, references);
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

    /// <summary>Qualifies names for the walk (through the file's imports) and returns the expression with bare names for the data.</summary>
    private static TypeExpr Resolve(TypeExpr expr, GoPackage package, List<string> references) =>
        expr.Map(name =>
        {
            if (Builtins.Contains(name))
            {
                return name;
            }

            string qualified;
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                qualified = package.Path + ":" + name;
            }
            else if (External.ContainsKey(name))
            {
                qualified = name;
            }
            else if (package.Imports.TryGetValue(name[..dot], out var path))
            {
                qualified = path + ":" + name[(dot + 1)..];
            }
            else
            {
                throw new InvalidOperationException($"{package.Path}: qualifier of {name} is not a known import");
            }

            references.Add(qualified);
            return Bare(name);
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
