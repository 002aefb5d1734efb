using System.Collections.Immutable;
using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Builds one output mapping in Go struct field order, applying Go's encoding rules field by field:
/// <c>omitempty</c> drops "", 0, false, nil pointers and empty slices/maps, but never a struct, and a zero
/// metav1.Time marshals as <c>null</c>.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>>.Builder _entries =
        ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>();

    public static ManifestScalar String(string value) => new(value, ScalarKind.String);

    public static ManifestScalar Null { get; } = new("null", ScalarKind.Null);

    public TreeBuilder Node(string key, ManifestNode? value)
    {
        if (value is not null)
        {
            _entries.Add(new(String(key), value));
        }

        return this;
    }

    /// <summary>A Go string; <paramref name="always"/> for fields without omitempty.</summary>
    public TreeBuilder Str(string key, string value, bool always = false) =>
        value.Length == 0 && !always ? this : Node(key, String(value));

    /// <summary>A *string: omitted when nil, written even when empty.</summary>
    public TreeBuilder StrPointer(string key, string? value) => value is null ? this : Node(key, String(value));

    public TreeBuilder Int(string key, long value, bool always = false) =>
        value == 0 && !always ? this : Node(key, new ManifestScalar(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Int));

    public TreeBuilder Int(string key, long? value) => value is null ? this : Int(key, value.Value, always: true);

    public TreeBuilder Bool(string key, bool value, bool always = false) =>
        !value && !always ? this : Node(key, new ManifestScalar(value ? "true" : "false", ScalarKind.Bool));

    public TreeBuilder Bool(string key, bool? value) => value is null ? this : Bool(key, value.Value, always: true);

    /// <summary>A non-pointer metav1.Time: always written, <c>null</c> when zero (so kubectl's <c>lastProbeTime: null</c>).</summary>
    public TreeBuilder Time(string key, DateTimeOffset? value) => Node(key, TimeNode(value));

    /// <summary>A *metav1.Time: omitted when nil.</summary>
    public TreeBuilder TimePointer(string key, DateTimeOffset? value) => value is null ? this : Node(key, TimeNode(value));

    public TreeBuilder Quantity(string key, Quantity? value) => value is null ? this : Node(key, String(value.Value.ToString()));

    public TreeBuilder StringMap(string key, ValueMap<string> map)
    {
        if (map.IsEmpty)
        {
            return this;
        }

        var inner = new TreeBuilder();
        foreach (var (k, v) in map)
        {
            inner.Node(k, String(v));
        }

        return Node(key, inner.Build());
    }

    /// <summary>
    /// A resource list with omitempty; <paramref name="keepEmpty"/> writes an empty map as <c>{}</c> (an empty
    /// <c>overhead</c> the user wrote, which the RuntimeClass plugin refuses as set: ADM-013).
    /// </summary>
    public TreeBuilder ResourceList(string key, ValueMap<Quantity> map, bool keepEmpty = false)
    {
        if (map.IsEmpty)
        {
            return keepEmpty ? Node(key, new TreeBuilder().Build()) : this;
        }

        var inner = new TreeBuilder();
        foreach (var (k, v) in map)
        {
            inner.Node(k, String(v.ToString()));
        }

        return Node(key, inner.Build());
    }

    public TreeBuilder StringList(string key, ValueList<string> list) => List(key, list, String);

    /// <summary>A slice with omitempty, or without it (<paramref name="always"/>: nil prints as null, as Go does).</summary>
    /// <remarks><c>keepEmpty</c>: an empty list the request gave as <c>[]</c> (a non-nil Go slice, VAL-016) is written as <c>[]</c>.</remarks>
    public TreeBuilder List<T>(string key, ValueList<T> list, Func<T, ManifestNode> item, bool always = false, bool keepEmpty = false)
    {
        if (list.IsEmpty)
        {
            return keepEmpty ? Node(key, new ManifestSequence(ImmutableArray<ManifestNode>.Empty)) : always ? Node(key, Null) : this;
        }

        var items = ImmutableArray.CreateBuilder<ManifestNode>(list.Count);
        foreach (var x in list)
        {
            items.Add(item(x));
        }

        return Node(key, new ManifestSequence(items.MoveToImmutable()));
    }

    public static ManifestScalar IntNode(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Int);

    public static ManifestScalar BoolNode(bool value) => new(value ? "true" : "false", ScalarKind.Bool);

    /// <summary>A value kept as JSON text (metav1.FieldsV1), written back as the JSON it was.</summary>
    public TreeBuilder Raw(string key, string? json) =>
        json is null ? this : Node(key, Parsing.JsonTreeBuilder.Parse(json).Documents[0].Root ?? Null);

    public ManifestMapping Build() => new(_entries.ToImmutable());

    /// <summary>
    /// The mapping with its entries in Go declaration order (<paramref name="order"/>: json names, inline members
    /// flattened), so hand-written and generated fields interleave as <c>-o json</c> prints them.
    /// </summary>
    public ManifestMapping Build(string[] order)
    {
        var entries = _entries.ToArray();
        var keys = new int[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            int at = Array.IndexOf(order, entries[i].Key.Value);
            keys[i] = ((at < 0 ? order.Length : at) * 1024) + i;
        }

        Array.Sort(keys, entries);
        return new ManifestMapping(ImmutableArray.Create(entries));
    }

    /// <summary>metav1.Time marshals as RFC 3339 in UTC with whole seconds.</summary>
    private static ManifestScalar TimeNode(DateTimeOffset? value) =>
        value is null
            ? Null
            : String(value.Value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
}
