using System.Globalization;
using PodConformance.SchemaGen.Data;
using PodConformance.SchemaGen.Go;

namespace PodConformance.SchemaGen.Emit;

/// <summary>A generated property: its C# name, the json key it reads, the Go field it stands for and the releases that have it.</summary>
internal sealed record GenProp(string Name, string Json, ApiField Field, string Owner, IReadOnlyList<int> Minors);

/// <summary>
/// One C# record of the model: a generated one (one per Go struct, named after it) or a hand-written one that
/// receives the fields its hand-written part does not own. <see cref="Rest"/> holds, per projection prefix,
/// the properties read from inside a projected field (<c>tcpSocket.host</c> → <c>TcpSocketHost</c>).
/// </summary>
internal sealed class RecordPlan(string name, bool handWritten)
{
    public string Name { get; } = name;

    public bool HandWritten { get; } = handWritten;

    public List<string> GoTypes { get; } = [];

    public List<GenProp> Props { get; } = [];

    public SortedDictionary<string, List<GenProp>> Rest { get; } = new(StringComparer.Ordinal);
}

/// <summary>Walks the union schema from Pod through HandWritten.json and decides every record and property.</summary>
internal sealed class ModelPlan
{
    private readonly UnionSchema _union;
    private readonly HandWritten _config;
    private readonly Dictionary<(string Type, string Json), List<int>> _minors = [];
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    public ModelPlan(IReadOnlyList<ApiRelease> releases, HandWritten config)
    {
        _union = new UnionSchema(releases);
        _config = config;
        foreach (var release in releases)
        {
            int minor = int.Parse(release.Release.AsSpan(2), CultureInfo.InvariantCulture);
            foreach (var t in release.Types)
            {
                foreach (var f in t.Fields)
                {
                    var key = (t.Name, f.Json.Length == 0 ? f.Go : f.Json);
                    if (!_minors.TryGetValue(key, out var list))
                    {
                        _minors[key] = list = [];
                    }

                    list.Add(minor);
                }
            }
        }

        Visit(releases[^1].Root);
    }

    public SortedDictionary<string, RecordPlan> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Go struct name → its json field names in order, inline members flattened (for output order).</summary>
    public SortedDictionary<string, List<string>> FieldOrder { get; } = new(StringComparer.Ordinal);

    public UnionSchema Union => _union;

    public string RecordOf(string goType) => _config.Types.TryGetValue(goType, out var map) ? map.Record : goType;

    private void Visit(string goType)
    {
        if (!_visited.Add(goType))
        {
            return;
        }

        _config.Types.TryGetValue(goType, out var map);
        string record = map?.Record ?? goType;
        if (!Records.TryGetValue(record, out var plan))
        {
            Records[record] = plan = new RecordPlan(record, map is not null);
        }

        plan.GoTypes.Add(goType);
        var order = new List<string>();
        FieldOrder[goType] = order;
        foreach (var (field, owner) in Flatten(goType, map))
        {
            if (field.Inline)
            {
                // An inline member owned by a property (Probe's ProbeHandler → Handler).
                order.AddRange(FlattenNames(Base(field.Type)));
                Visit(Base(field.Type));
                continue;
            }

            order.Add(field.Json);
            if (map is not null && map.Properties.ContainsKey(field.Json))
            {
                VisitTypes(field.Type);
            }
            else if (map is not null && map.Projections.TryGetValue(field.Json, out var projection))
            {
                Project(plan, field, projection);
            }
            else
            {
                Add(plan.Props, new GenProp(field.Go, field.Json, field, owner, Minors(owner, field)));
                VisitTypes(field.Type);
            }
        }
    }

    private void Project(RecordPlan plan, ApiField field, HandWritten.Projection projection)
    {
        string sub = Base(field.Type);
        foreach (var (f, owner) in Flatten(sub, null))
        {
            VisitTypes(f.Type);
            if (f.Json == projection.Value)
            {
                continue;
            }

            if (projection.Rest is null)
            {
                throw new InvalidOperationException($"{plan.Name}.{projection.Property} projects {field.Json}.{projection.Value} but {field.Json}.{f.Json} has no home: give the projection a rest prefix");
            }

            if (!plan.Rest.TryGetValue(projection.Rest, out var list))
            {
                plan.Rest[projection.Rest] = list = [];
            }

            Add(list, new GenProp(projection.Rest + f.Go, f.Json, f, owner, Minors(owner, f)));
        }
    }

    /// <summary>Fields as Go's JSON sees them: inline members expanded unless the config maps the member to a property.</summary>
    private IEnumerable<(ApiField Field, string Owner)> Flatten(string goType, HandWritten.TypeMap? map)
    {
        foreach (var f in _union.Type(goType).Fields)
        {
            if (f.Inline && (map is null || !map.Properties.ContainsKey(f.Go)))
            {
                foreach (var inner in Flatten(Base(f.Type), map))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (f, goType);
            }
        }
    }

    private IEnumerable<string> FlattenNames(string goType)
    {
        foreach (var (f, _) in Flatten(goType, null))
        {
            yield return f.Json;
        }
    }

    private void VisitTypes(string typeExpr)
    {
        foreach (string name in TypeExpr.Parse(typeExpr).Names())
        {
            if (_union.IsStruct(name))
            {
                Visit(name);
            }
        }
    }

    private static void Add(List<GenProp> props, GenProp prop)
    {
        var same = props.Find(p => p.Json == prop.Json);
        if (same is null)
        {
            props.Add(prop);
        }
        else if (same.Field.Type != prop.Field.Type)
        {
            throw new InvalidOperationException($"json field {prop.Json} has type {same.Field.Type} in {same.Owner} and {prop.Field.Type} in {prop.Owner}, both on one record");
        }
    }

    private List<int> Minors(string owner, ApiField f) =>
        _minors.TryGetValue((owner, f.Json.Length == 0 ? f.Go : f.Json), out var list) ? list : [];

    private static string Base(string typeExpr) => UnionSchema.Base(typeExpr);
}
