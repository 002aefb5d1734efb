using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;

namespace PodConformance.Manifests.Mapping;

/// <summary>Decoding a value only for what the strict decoder reports about it, with no model record to fill.</summary>
internal sealed partial class PodMapper
{
    /// <summary>
    /// Decodes <paramref name="node"/> into <paramref name="field"/> as the readers do — the same type errors
    /// (SCHEMA-003…005), duplicate-field errors (SCHEMA-008) and unknown-field warnings (SCHEMA-002), at the same places —
    /// and keeps nothing. For the <c>--objects</c> kinds (spec/admission.md ADM-019), whose mappers read only the fields
    /// the plugins use: without this a wrong type in a field nobody maps (<c>automountServiceAccountToken: "yes"</c>) would
    /// pass where the API server refuses the object. Recursion follows the schema, so its depth is the schema's, not the input's.
    /// </summary>
    public void Check(ManifestNode node, string path, SchemaField field)
    {
        switch (field.Kind)
        {
            case SchemaKind.String when field.GoType == GoByteSlice.GoType:
                CheckBytes(node, path, field, null);
                break;
            case SchemaKind.String:
                _ = StrPointer(node, path, field);
                break;
            case SchemaKind.Bool:
                _ = Bool(node, path, field);
                break;
            case SchemaKind.Int32 or SchemaKind.Int64:
                _ = Int64(node, path, field);
                break;
            case SchemaKind.Quantity:
                _ = QuantityValue(node, path, field);
                break;
            case SchemaKind.IntOrString:
                _ = IntOrStr(node, path, field);
                break;
            case SchemaKind.Time:
                _ = Time(node, path, field);
                break;
            case SchemaKind.RawJson:
                break;
            case SchemaKind.Struct:
                foreach (var (key, value, f) in Fields(node, path, field))
                {
                    Check(value, Child(path, key.Value), f);
                }

                break;
            case SchemaKind.List:
                var items = Items(node, path, field);
                for (int i = 0; i < items.Count; i++)
                {
                    Check(items[i], Index(path, i), field.Item!);
                }

                break;
            case SchemaKind.Map:
                foreach (var (key, value) in MapEntries(node, path, field))
                {
                    CheckMapValue(value, Child(path, key.Value), field.Item!, path);
                }

                break;
        }
    }

    /// <summary>A map's value: a string's type error names the map's path, as Go's decoder keeps no map keys (SCHEMA-003).</summary>
    private void CheckMapValue(ManifestNode node, string path, SchemaField item, string mapPath)
    {
        if (item.Kind == SchemaKind.String && item.GoType == GoByteSlice.GoType)
        {
            CheckBytes(node, path, item, mapPath);
        }
        else if (item.Kind == SchemaKind.String)
        {
            _ = StrPointer(node, path, item, mapPath);
        }
        else
        {
            Check(node, path, item);
        }
    }

    /// <summary>
    /// A <c>[]byte</c>: a base64 string (its text is checked by the object's mapper), null, or an array of numbers 0–255
    /// (<see cref="GoByteSlice"/>), each bad element its own error naming <c>uint8</c> and the field's path (Go keeps the
    /// first only; the model reports every error of a document, spec/api.md).
    /// </summary>
    private void CheckBytes(ManifestNode node, string path, SchemaField field, string? mapPath)
    {
        if (node is not ManifestSequence array)
        {
            _ = StrPointer(node, path, field, mapPath);
            return;
        }

        string fieldPath = GoFieldPath(mapPath ?? path);
        for (int i = 0; i < array.Items.Length; i++)
        {
            if (!GoByteSlice.TryElement(array.Items[i], IsJson, out _, out string goValue))
            {
                Error(array.Items[i].Position, Index(path, i), field.Owner.Length == 0 || fieldPath.Length == 0
                    ? $"json: cannot unmarshal {goValue} into Go value of type {GoByteSlice.ElementGoType}"
                    : $"json: cannot unmarshal {goValue} into Go struct field {field.Owner}.{fieldPath} of type {GoByteSlice.ElementGoType}");
            }
        }
    }
}
