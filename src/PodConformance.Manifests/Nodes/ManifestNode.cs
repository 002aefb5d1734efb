using System.Collections.Immutable;

namespace PodConformance.Manifests.Nodes;

/// <summary>
/// A parsed YAML or JSON node with its source position. Our own representation (not YamlDotNet's) so that
/// YAML and JSON input look the same to the mapper and every node keeps its line and column.
/// </summary>
public abstract class ManifestNode
{
    private protected ManifestNode(SourcePosition position) => Position = position;

    public SourcePosition Position { get; }

    /// <summary>A short noun for error messages ("a string", "a mapping"…).</summary>
    public abstract string Describe();
}

/// <summary>A scalar: its text as written (so <c>cpu: 0.5</c> keeps <c>0.5</c>) and the kind it resolves to.</summary>
public sealed class ManifestScalar : ManifestNode
{
    public ManifestScalar(string value, ScalarKind kind, SourcePosition position = default)
        : base(position)
    {
        Value = value;
        Kind = kind;
    }

    public string Value { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public override string Describe() => Kind switch
    {
        ScalarKind.Int or ScalarKind.Float => "a number",
        ScalarKind.Bool => "a boolean",
        ScalarKind.Null => "null",
        _ => "a string",
    };

    public override string ToString() => Value;
}

/// <summary>A mapping in source order. Duplicate keys are kept so the mapper can report them with paths.</summary>
public sealed class ManifestMapping : ManifestNode
{
    public ManifestMapping(ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> entries, SourcePosition position = default)
        : base(position) => Entries = entries;

    public ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> Entries { get; }

    /// <summary>The first value under <paramref name="key"/>, or null. Linear: mappings are small.</summary>
    public ManifestNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The string under <paramref name="key"/> when it is a non-null scalar, else "".</summary>
    public string GetString(string key) => Get(key) is ManifestScalar { IsNull: false } s ? s.Value : "";

    public override string Describe() => "a mapping";
}

public sealed class ManifestSequence : ManifestNode
{
    public ManifestSequence(ImmutableArray<ManifestNode> items, SourcePosition position = default)
        : base(position) => Items = items;

    public ImmutableArray<ManifestNode> Items { get; }

    public override string Describe() => "a list";
}
