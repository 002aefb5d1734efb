using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// SCHEMA-008: what kubectl does with a key repeated in one mapping before anything reaches the API server. kubectl
/// reads a file into a map (YAML through sigs.k8s.io/yaml's non-strict go-yaml v2, whose <c>setMapIndex</c> only
/// complains when strict; JSON into an <c>Unstructured</c> map) and sends that map re-encoded, so the later value
/// replaces the earlier one whole and no strict decoding error is ever raised for it, whatever <c>--validate</c> says
/// (spec/guides/field-validation.md §2). Applied once to each document's root, so the pod mapper, the object mappers
/// and every <c>Get</c> see the object kubectl sends. Trees without a repeated key are returned as they are (no copy).
/// </summary>
internal static class KubectlRepeatedKeys
{
    /// <summary>The node with every mapping's repeated keys collapsed to their last occurrence, at any depth.</summary>
    public static ManifestNode Collapse(ManifestNode node)
    {
        switch (node)
        {
            case ManifestMapping mapping:
                return CollapseMapping(mapping);
            case ManifestSequence sequence:
            {
                ImmutableArray<ManifestNode>.Builder? items = null;
                for (int i = 0; i < sequence.Items.Length; i++)
                {
                    var item = Collapse(sequence.Items[i]);
                    if (items is null && !ReferenceEquals(item, sequence.Items[i]))
                    {
                        items = ImmutableArray.CreateBuilder<ManifestNode>(sequence.Items.Length);
                        for (int j = 0; j < i; j++)
                        {
                            items.Add(sequence.Items[j]);
                        }
                    }

                    items?.Add(item);
                }

                return items is null ? sequence : new ManifestSequence(items.MoveToImmutable(), sequence.Position);
            }

            default:
                return node;
        }
    }

    private static ManifestMapping CollapseMapping(ManifestMapping mapping)
    {
        var entries = mapping.Entries;
        ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>>.Builder? kept = null;
        var replaced = Replaced(entries);
        for (int i = 0; i < entries.Length; i++)
        {
            var value = Collapse(entries[i].Value);
            bool replacedLater = replaced is not null && replaced[i];
            if (kept is null && (replacedLater || !ReferenceEquals(value, entries[i].Value)))
            {
                kept = ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>(entries.Length);
                for (int j = 0; j < i; j++)
                {
                    kept.Add(entries[j]);
                }
            }

            if (!replacedLater)
            {
                kept?.Add(new KeyValuePair<ManifestScalar, ManifestNode>(entries[i].Key, value));
            }
        }

        return kept is null ? mapping : new ManifestMapping(kept.ToImmutable(), mapping.Position);
    }

    /// <summary>Mappings up to this many entries are searched pairwise, without allocating; larger ones through a dictionary.</summary>
    private const int SmallMapping = 16;

    /// <summary>
    /// Which entries a later entry with the same key replaces (go-yaml's map, Go's map decoding), or null when no key
    /// repeats, the usual case. Linear in the entries: a mapping of 100,000 labels in a 3 MiB file must not take the
    /// pairwise search's quadratic time (a minute for 60,000 keys, read twice); small mappings stay pairwise and allocate
    /// nothing.
    /// </summary>
    internal static bool[]? Replaced(ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> entries)
    {
        int n = entries.Length;
        bool[]? replaced = null;
        if (n <= SmallMapping)
        {
            for (int i = 0; i < n - 1; i++)
            {
                string key = entries[i].Key.Value;
                for (int j = i + 1; j < n; j++)
                {
                    if (string.Equals(entries[j].Key.Value, key, StringComparison.Ordinal))
                    {
                        (replaced ??= new bool[n])[i] = true;
                        break;
                    }
                }
            }

            return replaced;
        }

        var last = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            last[entries[i].Key.Value] = i;
        }

        if (last.Count == n)
        {
            return null;
        }

        replaced = new bool[n];
        for (int i = 0; i < n; i++)
        {
            replaced[i] = last[entries[i].Key.Value] != i;
        }

        return replaced;
    }
}
