using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Schema;

namespace PodConformance.Manifests.Objects;

/// <summary>
/// The strict decoder's unknown-field warning for the <c>--objects</c> kinds (ADM-019), worded and placed as the pod
/// reader's (SCHEMA-002): <c>unknown field "spec.limits[0].defaultRequests"</c> at the key, path from the object's root
/// with list indexes. Without it a misspelt field (<c>overhead.podfixed</c>) would be dropped silently and the verdict
/// computed without it. Only mappings are walked: a wrong type is the mappers' error, not this check's.
/// </summary>
internal static class UnknownObjectFields
{
    /// <summary>Warns about every unknown field of <paramref name="o"/> (ServiceAccount, PriorityClass, LimitRange, ResourceQuota, RuntimeClass, ConfigMap or Secret).</summary>
    public static void Check(ManifestObject o, ImmutableArray<ManifestDiagnostic>.Builder diagnostics) =>
        Walk(o, o.Raw, "", o.Kind, diagnostics);

    private static void Walk(ManifestObject o, ManifestNode node, string path, string type, ImmutableArray<ManifestDiagnostic>.Builder diagnostics)
    {
        if (node is not ManifestMapping mapping)
        {
            return;
        }

        ObjectFieldTable.Structs.TryGetValue(type, out var own);
        var schema = own is null ? ApiSchema.Newest.Type(type) : null;
        foreach (var (key, value) in mapping.Entries)
        {
            string child = path.Length == 0 ? key.Value : path + "." + key.Value;
            string? into;
            bool list;
            if (own is not null && own.TryGetValue(key.Value, out var f))
            {
                (into, list) = (f.Struct, f.List);
            }
            else if (schema?.Field(key.Value) is { } sf)
            {
                (into, list) = sf.Kind switch
                {
                    SchemaKind.Struct => (sf.Struct!.Name, false),
                    SchemaKind.List when sf.Item is { Kind: SchemaKind.Struct } item => (item.Struct!.Name, true),
                    _ => ((string?)null, false),
                };
            }
            else
            {
                diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, o.File, key.Position, "", "unknown field \"" + child + "\""));
                continue;
            }

            if (into is null)
            {
                continue;
            }

            if (!list)
            {
                Walk(o, value, child, into, diagnostics);
            }
            else if (value is ManifestSequence seq)
            {
                for (int i = 0; i < seq.Items.Length; i++)
                {
                    Walk(o, seq.Items[i], child + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", into, diagnostics);
                }
            }
        }
    }
}
