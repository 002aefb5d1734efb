using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PodConformance.Manifests.Schema;

/// <summary>
/// A Go struct of one release as its JSON decoder sees it: json name → field, inline members flattened, in
/// declaration order (<see cref="Order"/>).
/// </summary>
public sealed class SchemaType
{
    internal SchemaType(string name, string package) => (Name, Package) = (name, package);

    public string Name { get; }

    /// <summary><c>core/v1</c> or <c>meta/v1</c>.</summary>
    public string Package { get; }

    public FrozenDictionary<string, SchemaField> Fields { get; internal set; } = FrozenDictionary<string, SchemaField>.Empty;

    public ImmutableArray<string> Order { get; internal set; } = [];

    public SchemaField? Field(string json) => Fields.TryGetValue(json, out var f) ? f : null;

    public override string ToString() => Name;
}

/// <summary>
/// One field of a <see cref="SchemaType"/>, or the element of a list or map field (<see cref="Item"/>): what
/// it decodes as, the Go type the decoder names in its errors (<see cref="GoType"/>, e.g. <c>int32</c>,
/// <c>[]v1.Container</c>, <c>v1.ResourceList</c>), and the facts the schema records for later rules (feature
/// gates, enum values, list type and keys).
/// </summary>
public sealed class SchemaField
{
    internal SchemaField(string json, string owner, SchemaKind kind, bool pointer, string goType)
    {
        Json = json;
        Owner = owner;
        Kind = kind;
        Pointer = pointer;
        GoType = goType;
    }

    public string Json { get; }

    /// <summary>The Go struct the field belongs to (the one Go's decoder names in "Go struct field X.path").</summary>
    public string Owner { get; }

    public SchemaKind Kind { get; }

    public bool Pointer { get; }

    /// <summary>The Go type of the decoded value (pointer removed), as reflect prints it.</summary>
    public string GoType { get; }

    /// <summary>The struct this value decodes into (a struct field, or a list/map element that is a struct).</summary>
    public SchemaType? Struct { get; internal set; }

    /// <summary>The element of a list or the value of a map.</summary>
    public SchemaField? Item { get; internal set; }

    public ImmutableArray<string> FeatureGates { get; internal set; } = [];

    /// <summary>The typed constants of a named string type (enum values), empty otherwise.</summary>
    public ImmutableArray<string> Values { get; internal set; } = [];

    public bool Optional { get; internal set; }

    public string? ListType { get; internal set; }

    public ImmutableArray<string> ListMapKeys { get; internal set; } = [];

    public override string ToString() => Owner + "." + Json + " " + GoType;
}
