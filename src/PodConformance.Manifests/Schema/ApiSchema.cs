using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Schema;

/// <summary>
/// The Pod API of one Kubernetes release (spec/api/1.NN.json, embedded): every struct reachable from Pod with
/// its fields as the API server's JSON decoder sees them. Loaded once per release on first use and shared:
/// nothing on the read path allocates for the schema after that.
/// </summary>
public sealed class ApiSchema
{
    private static readonly ConcurrentDictionary<KubernetesVersion, Lazy<ApiSchema>> Cache = new();

    private readonly FrozenDictionary<string, SchemaType> _types;

    private readonly SchemaField? _root;

    private ApiSchema(KubernetesVersion version, string tag, string commit, FrozenDictionary<string, SchemaType> types, string? root)
    {
        Version = version;
        Tag = tag;
        Commit = commit;
        _types = types;
        _root = root is null ? null : new SchemaField("", "", SchemaKind.Struct, false, "v1." + root) { Struct = types[root] };
    }

    public KubernetesVersion Version { get; }

    /// <summary>The kubernetes/api tag (or branch) and commit the data was read from.</summary>
    public string Tag { get; }

    public string Commit { get; }

    /// <summary>The Pod itself, as the value a document decodes into.</summary>
    public SchemaField RootField => _root ?? throw new InvalidOperationException("the --objects schema has one root per kind: use ValueOf(kind)");

    public IEnumerable<SchemaType> Types => _types.Values;

    public SchemaType Type(string name) =>
        _types.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"type {name} is not part of the Pod API in {Version}");

    /// <summary>A synthetic field whose value is a <paramref name="typeName"/> (for reading fragments).</summary>
    public SchemaField ValueOf(string typeName) =>
        new("", "", SchemaKind.Struct, false, "v1." + typeName) { Struct = Type(typeName) };

    public static ApiSchema For(KubernetesVersion version)
    {
        if (!version.IsSupported)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "no schema for this release");
        }

        return Cache.GetOrAdd(version, v => new Lazy<ApiSchema>(() => Load(v))).Value;
    }

    public static ApiSchema Newest => For(KubernetesVersion.Newest);

    private static readonly ConcurrentDictionary<KubernetesVersion, Lazy<ApiSchema>> ObjectsCache = new();

    /// <summary>
    /// The structs of the kinds <c>--objects</c> reads in <paramref name="version"/> (spec/api/objects/1.NN.json:
    /// ServiceAccount, PriorityClass, LimitRange, ResourceQuota, RuntimeClass, ConfigMap, Secret, Service and every type
    /// they reach, read at the commits 1.NN.json is read at); <see cref="ValueOf"/> gives a kind's root. Per release, as
    /// the pod's schema is, so that a field added later (Service <c>ipMode</c>, 1.29) is unknown before it. spec/admission.md ADM-019.
    /// </summary>
    public static ApiSchema ObjectsFor(KubernetesVersion version)
    {
        if (!version.IsSupported)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "no schema for this release");
        }

        return ObjectsCache.GetOrAdd(version, v => new Lazy<ApiSchema>(() => Load(v, "api.objects." + v + ".json"))).Value;
    }

    /// <summary>The <c>--objects</c> kinds' structs in the newest release (<see cref="ObjectsFor"/>).</summary>
    public static ApiSchema Objects => ObjectsFor(KubernetesVersion.Newest);

    private static ApiSchema Load(KubernetesVersion version) => Load(version, "api." + version + ".json");

    private static ApiSchema Load(KubernetesVersion version, string name)
    {
        using var stream = typeof(ApiSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"schema resource {name} is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var decls = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var t in root.GetProperty("types").EnumerateArray())
        {
            decls[t.GetProperty("name").GetString()!] = t;
        }

        var builder = new Builder(decls);
        var source = root.GetProperty("sources")[0];
        var types = builder.Build();
        return new ApiSchema(
            version,
            source.GetProperty("tag").GetString()!,
            source.GetProperty("commit").GetString()!,
            types,
            root.TryGetProperty("root", out var r) ? r.GetString() : null);
    }

    /// <summary>Turns the data's type expressions into fields; structs first (empty), then their fields, so cycles resolve.</summary>
    private sealed class Builder(Dictionary<string, JsonElement> decls)
    {
        private readonly Dictionary<string, SchemaType> _structs = new(StringComparer.Ordinal);

        public FrozenDictionary<string, SchemaType> Build()
        {
            foreach (var (name, t) in decls)
            {
                if (Kind(t) == "struct")
                {
                    _structs[name] = new SchemaType(name, t.GetProperty("package").GetString()!);
                }
            }

            foreach (var (name, type) in _structs)
            {
                var fields = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
                var order = ImmutableArray.CreateBuilder<string>();
                Flatten(name, name, fields, order);
                type.Fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
                type.Order = order.ToImmutable();
            }

            return _structs.ToFrozenDictionary(StringComparer.Ordinal);
        }

        private void Flatten(string typeName, string owner, Dictionary<string, SchemaField> fields, ImmutableArray<string>.Builder order)
        {
            foreach (var f in decls[typeName].GetProperty("fields").EnumerateArray())
            {
                string type = f.GetProperty("type").GetString()!;
                if (f.TryGetProperty("inline", out var inline) && inline.GetBoolean())
                {
                    Flatten(type.TrimStart('*'), owner, fields, order);
                    continue;
                }

                string json = f.GetProperty("json").GetString()!;
                var field = Field(json, owner, type);
                field.FeatureGates = Strings(f, "featureGates");
                field.Optional = f.TryGetProperty("optional", out var o) && o.GetBoolean();
                field.ListType = f.TryGetProperty("listType", out var lt) ? lt.GetString() : null;
                field.ListMapKeys = Strings(f, "listMapKeys");
                fields[json] = field;
                order.Add(json);
            }
        }

        private SchemaField Field(string json, string owner, string type)
        {
            bool pointer = type.StartsWith('*');
            string bare = pointer ? type[1..] : type;
            if (bare == "[]byte")
            {
                // encoding/json reads a []byte from a base64 string (the --objects data maps); reflect names it []uint8.
                return new SchemaField(json, owner, SchemaKind.String, pointer, "[]uint8");
            }

            if (bare.StartsWith("[]", StringComparison.Ordinal))
            {
                return new SchemaField(json, owner, SchemaKind.List, pointer, GoType(bare)) { Item = Field(json, owner, bare[2..]) };
            }

            if (bare.StartsWith("map[", StringComparison.Ordinal))
            {
                int close = bare.IndexOf(']', StringComparison.Ordinal);
                return new SchemaField(json, owner, SchemaKind.Map, pointer, GoType(bare)) { Item = Field(json, owner, bare[(close + 1)..]) };
            }

            switch (bare)
            {
                case "string": return new SchemaField(json, owner, SchemaKind.String, pointer, bare);
                case "bool": return new SchemaField(json, owner, SchemaKind.Bool, pointer, bare);
                case "int32": return new SchemaField(json, owner, SchemaKind.Int32, pointer, bare);
                case "int64" or "int": return new SchemaField(json, owner, SchemaKind.Int64, pointer, bare);
            }

            var decl = decls[bare];
            string goType = GoType(bare);
            switch (Kind(decl))
            {
                case "struct": return new SchemaField(json, owner, SchemaKind.Struct, pointer, goType) { Struct = _structs[bare] };
                case "string": return new SchemaField(json, owner, SchemaKind.String, pointer, goType) { Values = Strings(decl, "values") };
                case "bool": return new SchemaField(json, owner, SchemaKind.Bool, pointer, goType);
                case "int32": return new SchemaField(json, owner, SchemaKind.Int32, pointer, goType);
                case "int64" or "int": return new SchemaField(json, owner, SchemaKind.Int64, pointer, goType);
                case "quantity": return new SchemaField(json, owner, SchemaKind.Quantity, pointer, goType);
                case "intOrString": return new SchemaField(json, owner, SchemaKind.IntOrString, pointer, goType);
                case "time" or "microTime": return new SchemaField(json, owner, SchemaKind.Time, pointer, goType);
                case "fieldsV1": return new SchemaField(json, owner, SchemaKind.RawJson, pointer, goType);
                case "map" or "slice":
                    var inner = Field(json, owner, decl.GetProperty("underlying").GetString()!);
                    return new SchemaField(json, owner, inner.Kind, pointer, goType) { Item = inner.Item };
                default: throw new InvalidOperationException($"type {bare}: unknown kind {Kind(decl)}");
            }
        }

        /// <summary>reflect.Type.String() of a type expression: package name "v1" for core/v1 and meta/v1 types.</summary>
        private string GoType(string type)
        {
            if (type.StartsWith('*'))
            {
                return "*" + GoType(type[1..]);
            }

            if (type.StartsWith("[]", StringComparison.Ordinal))
            {
                return "[]" + GoType(type[2..]);
            }

            if (type.StartsWith("map[", StringComparison.Ordinal))
            {
                int close = type.IndexOf(']', StringComparison.Ordinal);
                return "map[" + GoType(type[4..close]) + "]" + GoType(type[(close + 1)..]);
            }

            if (!decls.TryGetValue(type, out var decl))
            {
                return type;
            }

            string package = decl.GetProperty("package").GetString()!;
            int slash = package.LastIndexOf('/');
            return package[(slash + 1)..] + "." + type;
        }

        private static string Kind(JsonElement t) => t.GetProperty("kind").GetString()!;

        private static ImmutableArray<string> Strings(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                return [];
            }

            var b = ImmutableArray.CreateBuilder<string>();
            foreach (var x in v.EnumerateArray())
            {
                b.Add(x.GetString()!);
            }

            return b.ToImmutable();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Pod API {Version} ({Tag} {Commit})");
}
