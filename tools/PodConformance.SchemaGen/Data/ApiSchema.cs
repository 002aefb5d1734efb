namespace PodConformance.SchemaGen.Data;

/// <summary>Where a release's schema was read from: a repository, the tag, the commit it points at and the files.</summary>
internal sealed record ApiSource(string Repository, string Tag, string Commit, IReadOnlyList<string> Files);

/// <summary>
/// One field of a Go struct, in declaration order: the Go name, the json name (empty for an inline member),
/// the Go type expression with package qualifiers removed (<c>*int64</c>, <c>[]Container</c>,
/// <c>map[string]string</c>, <c>ObjectMeta</c>), and what its tag and markers say.
/// </summary>
internal sealed record ApiField(
    string Go,
    string Json,
    string Type,
    bool Inline,
    bool OmitEmpty,
    bool OmitZero,
    bool Optional,
    IReadOnlyList<string> FeatureGates,
    string? ListType,
    IReadOnlyList<string> ListMapKeys);

/// <summary>
/// A type reachable from Pod. <see cref="Kind"/> is <c>struct</c>, <c>string</c> (a named string, with its typed
/// constants in <see cref="Values"/>; <see cref="Enum"/> when marked <c>+enum</c>), <c>map</c>/<c>slice</c> (a named
/// collection whose <see cref="Underlying"/> is the expression), a Go number or bool kind for named numbers, or
/// one of the types with their own JSON form: <c>quantity</c>, <c>intOrString</c>, <c>time</c>,
/// <c>microTime</c>, <c>fieldsV1</c>.
/// </summary>
internal sealed record ApiType(
    string Name,
    string Package,
    string Kind,
    string? Underlying,
    bool Enum,
    IReadOnlyList<string> Values,
    IReadOnlyList<ApiField> Fields);

/// <summary>
/// The schema of one Kubernetes minor release: every type reachable from <see cref="Root"/> (spec/api/1.NN.json), or
/// from each of <see cref="Roots"/> (the <c>--objects</c> kinds, spec/api/objects/1.NN.json; <see cref="Root"/> is empty then).
/// </summary>
internal sealed record ApiRelease(string Release, string Root, IReadOnlyList<ApiSource> Sources, IReadOnlyList<ApiType> Types, IReadOnlyList<string>? Roots = null)
{
    public ApiType? Find(string name)
    {
        foreach (var t in Types)
        {
            if (t.Name == name)
            {
                return t;
            }
        }

        return null;
    }
}
