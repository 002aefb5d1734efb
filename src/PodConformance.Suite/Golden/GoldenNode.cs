namespace PodConformance.Suite.Golden;

/// <summary>
/// A golden file's YAML as a tiny ordered tree: mappings keep insertion order so files read top-down in the
/// order a person cares about (id first, expected last) and regenerate byte for byte.
/// </summary>
public abstract record GoldenNode;

/// <summary>
/// A scalar; <see cref="Text"/> is the string it reads back as. <see cref="Typed"/> marks numbers and booleans,
/// written plain (<c>exit: 137</c>), where a string that merely looks like one is quoted (<c>version: "1.37"</c>).
/// </summary>
public sealed record GoldenScalar(string Text, bool Typed = false) : GoldenNode;

/// <summary>A sequence in order.</summary>
public sealed record GoldenList(IReadOnlyList<GoldenNode> Items) : GoldenNode
{
    public bool Equals(GoldenList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

/// <summary>A mapping in insertion order; keys are unique.</summary>
public sealed record GoldenMap(IReadOnlyList<KeyValuePair<string, GoldenNode>> Entries) : GoldenNode
{
    public GoldenNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>The scalar text under <paramref name="key"/>, or "" when absent or not a scalar.</summary>
    public string GetText(string key) => Get(key) is GoldenScalar s ? s.Text : "";

    public bool Equals(GoldenMap? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Count;
}

/// <summary>Builds a <see cref="GoldenMap"/> fluently, skipping absent values so files only show what is there.</summary>
public sealed class GoldenMapBuilder
{
    private readonly List<KeyValuePair<string, GoldenNode>> _entries = [];

    public GoldenMapBuilder Add(string key, GoldenNode? value)
    {
        if (value is not null)
        {
            _entries.Add(KeyValuePair.Create(key, value));
        }

        return this;
    }

    public GoldenMapBuilder Add(string key, string? value) => value is null ? this : Add(key, new GoldenScalar(value));

    public GoldenMapBuilder Add(string key, bool value) => Add(key, new GoldenScalar(value ? "true" : "false", Typed: true));

    public GoldenMapBuilder Add(string key, long value) => Add(key, new GoldenScalar(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Typed: true));

    /// <summary>A list of scalars; omitted when empty.</summary>
    public GoldenMapBuilder AddList(string key, IEnumerable<string> values)
    {
        var items = values.Select(v => (GoldenNode)new GoldenScalar(v)).ToList();
        return items.Count == 0 ? this : Add(key, new GoldenList(items));
    }

    public GoldenMap Build() => new(_entries.ToArray());
}
