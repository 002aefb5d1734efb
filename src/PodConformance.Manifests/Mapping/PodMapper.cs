using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Schema;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Maps <see cref="ManifestNode"/> trees onto the model's records, field by field, the way the API server's
/// JSON decoder (sigs.k8s.io/json, strict) decodes core/v1 for the release of <see cref="Schema"/>: a wrong
/// type is an error worded as Go's <c>UnmarshalTypeError</c>, a repeated key keeps its later value (kubectl), a field the
/// release does not have is the strict-decoding warning and is dropped. Hand-written readers own the modelled
/// fields and their typing rules; generated readers (Generated/PodMapper.g.cs) read every other field.
/// One instance per read; diagnostics accumulate in it.
/// </summary>
internal sealed partial class PodMapper(string file, ApiSchema schema)
{
    private readonly List<ManifestDiagnostic> _diagnostics = [];

    /// <summary>Where the current object's own field paths start in the diagnostic paths (after <c>items[i].</c>).</summary>
    private int _objectPathStart;

    public string File { get; } = file;

    public ApiSchema Schema { get; } = schema;

    /// <summary>True when the document is JSON: its numbers reach the decoder as written, YAML's after conversion.</summary>
    public bool IsJson { get; set; }

    public IReadOnlyList<ManifestDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Number of errors so far; a caller compares before and after a document to know if it failed.</summary>
    public int ErrorCount { get; private set; }

    public void Error(SourcePosition position, string path, string message)
    {
        ErrorCount++;
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, File, position, path, message));
    }

    public void Warning(SourcePosition position, string path, string message) =>
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, File, position, path, message));

    /// <summary>
    /// The strict-decoding warning for <paramref name="key"/>, which the release's struct at <paramref name="path"/> does not
    /// have (SCHEMA-002): <c>unknown field</c> and the Go-quoted path from the object's root (after <c>items[i].</c>: kubectl
    /// sends each item of a list as an object of its own), marked so the object's reader can collect it.
    /// </summary>
    public void UnknownField(SourcePosition position, string path, string key)
    {
        string parent = path.Length <= _objectPathStart ? "" : path[_objectPathStart..];
        var field = new UnknownFieldPath(parent, key);
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, File, position, "", "unknown field " + Model.Validation.GoQuote.Quote(field.Path)) { UnknownField = field });
    }

    /// <summary>The unknown-field warnings added since the diagnostic count was <paramref name="start"/>, in the order they were met (an object's, for <see cref="LoadedPod.UnknownFields"/>).</summary>
    public IReadOnlyList<ManifestDiagnostic> UnknownFieldsSince(int start)
    {
        List<ManifestDiagnostic>? found = null;
        for (int i = start; i < _diagnostics.Count; i++)
        {
            if (_diagnostics[i].UnknownField is not null)
            {
                (found ??= []).Add(_diagnostics[i]);
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>Starts an object whose field paths begin after <paramref name="path"/> (a document root or a list item).</summary>
    public void BeginObject(string path) => _objectPathStart = path.Length == 0 ? 0 : path.Length + 1;

    internal static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    internal static string Index(string path, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>One entry of a mapping with the schema field it decodes into.</summary>
    internal readonly record struct FieldEntry(ManifestScalar Key, ManifestNode Value, SchemaField Field);

    /// <summary>
    /// The entries of a mapping that the release's struct has, a repeated key's earlier entries dropped silently (kubectl
    /// sends the later value only, SCHEMA-008), unknown fields warned about and dropped. A null node is an empty mapping (Go decodes JSON
    /// null into a struct as a no-op); anything else is a type error. The entries live in a pooled array that
    /// the <c>foreach</c> returns when it ends, so reading allocates nothing per object for them.
    /// </summary>
    private FieldSet Fields(ManifestNode node, string path, SchemaField self)
    {
        if (node is not ManifestMapping mapping)
        {
            if (node is not ManifestScalar { IsNull: true })
            {
                TypeError(node, path, self);
            }

            return default;
        }

        var type = self.Struct!;
        var entries = mapping.Entries;
        var buffer = Rent(entries.Length);
        int count = 0;
        var replaced = KubectlRepeatedKeys.Replaced(entries);
        for (int i = 0; i < entries.Length; i++)
        {
            var key = entries[i].Key;
            if (replaced is not null && replaced[i])
            {
                // kubectl keeps the later value whole and reports nothing (SCHEMA-008); documents read by
                // PodManifestReader arrive collapsed already (KubectlRepeatedKeys), other trees are read alike here.
                continue;
            }

            if (type.Fields.TryGetValue(key.Value, out var field))
            {
                buffer[count++] = new FieldEntry(key, entries[i].Value, field);
            }
            else
            {
                UnknownField(key.Position, path, key.Value);
            }
        }

        return new FieldSet(this, buffer, count);
    }

    private readonly Stack<FieldEntry[]> _pool = new();

    private FieldEntry[] Rent(int length)
    {
        if (_pool.TryPop(out var array) && array.Length >= length)
        {
            return array;
        }

        return new FieldEntry[Math.Max(length, 16)];
    }

    private void Return(FieldEntry[] array)
    {
        Array.Clear(array);
        _pool.Push(array);
    }

    /// <summary>The known entries of one mapping, enumerable once by <c>foreach</c>, which gives the array back.</summary>
    internal readonly struct FieldSet(PodMapper owner, FieldEntry[]? items, int count)
    {
        public Enumerator GetEnumerator() => new(owner, items, count);

        internal struct Enumerator(PodMapper owner, FieldEntry[]? items, int count) : IDisposable
        {
            private int _index = -1;

            public readonly FieldEntry Current => items![_index];

            public bool MoveNext() => ++_index < count;

            public readonly void Dispose()
            {
                if (items is not null)
                {
                    owner.Return(items);
                }
            }
        }
    }

    /// <summary>The items of a list; null is the empty list (Go's nil slice).</summary>
    private IReadOnlyList<ManifestNode> Items(ManifestNode node, string path, SchemaField field)
    {
        if (node is ManifestSequence sequence)
        {
            return sequence.Items;
        }

        if (node is not ManifestScalar { IsNull: true })
        {
            TypeError(node, path, field);
        }

        return [];
    }

    /// <summary>
    /// Go's <c>UnmarshalTypeError</c> with the decoder's context: <c>json: cannot unmarshal string into Go struct
    /// field FCVolumeSource.spec.volumes.fc.lun of type int32</c>. The field path is json names without list
    /// indices or map keys, as Go's decoder keeps it; <paramref name="mapPath"/> is the map's own path when the
    /// value is a map value.
    /// </summary>
    private void TypeError(ManifestNode node, string path, SchemaField field, string? mapPath = null)
    {
        string fieldPath = GoFieldPath(mapPath ?? path);
        string message = field.Owner.Length == 0 || fieldPath.Length == 0
            ? $"json: cannot unmarshal {JsonValueName(node, field.Kind)} into Go value of type {field.GoType}"
            : $"json: cannot unmarshal {JsonValueName(node, field.Kind)} into Go struct field {field.Owner}.{fieldPath} of type {field.GoType}";
        Error(node.Position, path, message);
    }

    /// <summary>An error from a type's own UnmarshalJSON that decodes with encoding/json itself: no struct context.</summary>
    private void ValueTypeError(ManifestNode node, string path, SchemaKind into, string goType) =>
        Error(node.Position, path, $"json: cannot unmarshal {JsonValueName(node, into)} into Go value of type {goType}");

    /// <summary>What Go's decoder calls the JSON value: <c>number 1.5</c> when an integer field rejects it, else its kind.</summary>
    private string JsonValueName(ManifestNode node, SchemaKind into) => node switch
    {
        ManifestMapping => "object",
        ManifestSequence => "array",
        ManifestScalar { Kind: ScalarKind.Bool } => "bool",
        ManifestScalar { Kind: ScalarKind.String } => "string",
        ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } s when into is SchemaKind.Int32 or SchemaKind.Int64 or SchemaKind.IntOrString => "number " + JsonNumber.Text(s, IsJson),
        ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "null",
    };

    private string GoFieldPath(string path)
    {
        var span = path.AsSpan(Math.Min(_objectPathStart, path.Length));
        if (span.IndexOf('[') < 0)
        {
            return span.ToString();
        }

        var sb = new System.Text.StringBuilder(span.Length);
        bool inIndex = false;
        foreach (char c in span)
        {
            if (c == '[')
            {
                inIndex = true;
            }
            else if (c == ']')
            {
                inIndex = false;
            }
            else if (!inIndex)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
