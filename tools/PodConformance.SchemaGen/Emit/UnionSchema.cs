using PodConformance.SchemaGen.Data;

namespace PodConformance.SchemaGen.Emit;

/// <summary>
/// Every type and field of all releases: a type's fields in the newest release's order, then fields only
/// older releases have. Where a field's type changed between releases (PersistentVolumeClaimSpec.resources:
/// ResourceRequirements in 1.28, VolumeResourceRequirements since 1.29) the newest type wins and receives the
/// older type's extra fields, so that every field of every release has a home.
/// </summary>
internal sealed class UnionSchema
{
    private readonly Dictionary<string, ApiType> _types = new(StringComparer.Ordinal);

    public UnionSchema(IReadOnlyList<ApiRelease> releases)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int r = releases.Count - 1; r >= 0; r--)
        {
            foreach (var type in releases[r].Types)
            {
                if (!_types.TryGetValue(type.Name, out var known))
                {
                    _types[type.Name] = type;
                    continue;
                }

                var fields = known.Fields.ToList();
                var values = known.Values.ToList();
                foreach (var f in type.Fields)
                {
                    int i = fields.FindIndex(x => x.Json == f.Json && x.Go == f.Go);
                    if (i < 0)
                    {
                        fields.Add(f);
                    }
                    else if (fields[i].Type != f.Type)
                    {
                        renamed[Base(f.Type)] = Base(fields[i].Type);
                    }
                }

                foreach (string v in type.Values)
                {
                    if (!values.Contains(v))
                    {
                        values.Add(v);
                    }
                }

                _types[type.Name] = known with { Fields = fields, Values = values };
            }
        }

        foreach (var (older, newer) in renamed)
        {
            var target = _types[newer];
            var fields = target.Fields.ToList();
            foreach (var f in _types[older].Fields)
            {
                if (!fields.Exists(x => x.Json == f.Json))
                {
                    fields.Add(f);
                }
            }

            _types[newer] = target with { Fields = fields };
        }
    }

    public ApiType Type(string name) => _types.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException("type " + name);

    public bool IsStruct(string name) => _types.TryGetValue(name, out var t) && t.Kind == "struct";

    /// <summary>The named type at the bottom of pointers, slices and maps.</summary>
    public static string Base(string typeExpr)
    {
        var e = Go.TypeExpr.Parse(typeExpr);
        while (e.Kind != Go.TypeExprKind.Named)
        {
            e = e.Elem!;
        }

        return e.Name;
    }
}
