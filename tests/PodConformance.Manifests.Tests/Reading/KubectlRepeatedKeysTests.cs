using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary>
/// SCHEMA-008: a key repeated in one mapping is replaced by its later occurrence (kubectl's go-yaml v2 map). The
/// replaced entries are found pairwise in small mappings and through a dictionary in large ones; both give the pairwise
/// definition's answer, and a mapping as large as an input may be is read in linear time.
/// </summary>
public class KubectlRepeatedKeysTests
{
    private static ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> Entries(IEnumerable<string> keys) =>
        [.. keys.Select(k => new KeyValuePair<ManifestScalar, ManifestNode>(new ManifestScalar(k, ScalarKind.String), new ManifestScalar("v", ScalarKind.String)))];

    /// <summary>The definition: an entry is replaced when a later entry has the same key.</summary>
    private static bool[] Pairwise(IReadOnlyList<string> keys) =>
        [.. keys.Select((k, i) => keys.Skip(i + 1).Contains(k, StringComparer.Ordinal))];

    public static TheoryData<int, int[]> Shapes => new()
    {
        { 0, [] },
        { 1, [] },
        { 2, [] },
        { 2, [1] },
        { 16, [] },
        { 16, [0, 15] },
        { 17, [] },
        { 17, [0, 16] },
        { 17, [3, 4, 9] },
        { 1000, [] },
        { 1000, [0, 500, 999, 999] },
    };

    /// <param name="size">Entries in the mapping.</param>
    /// <param name="repeatedAt">Indexes whose key is written again at the end (an index twice: written twice more).</param>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_replaced_entries_are_those_a_later_entry_repeats(int size, int[] repeatedAt)
    {
        var keys = Enumerable.Range(0, size).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture))
            .Concat(repeatedAt.Select(i => "k" + i.ToString(CultureInfo.InvariantCulture))).ToList();

        var replaced = KubectlRepeatedKeys.Replaced(Entries(keys));

        var expected = Pairwise(keys);
        if (!expected.Contains(true))
        {
            Assert.Null(replaced);
        }
        else
        {
            Assert.Equal(expected, replaced);
        }
    }

    /// <summary>
    /// 60,000 labels (about 0.8 MB) with two keys repeated: every label read once, the repeats with their later values. The
    /// pairwise search took about a minute of CPU for this file before session 13's review, twice (collapse and mapper).
    /// </summary>
    [Fact]
    public void A_mapping_of_sixty_thousand_labels_keeps_the_later_values()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n");
        for (int i = 0; i < 60_000; i++)
        {
            yaml.Append("    k").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": v\n");
        }

        yaml.Append("    k7: later\n    k59999: last\nspec:\n  containers:\n  - {name: c, image: x}\n");

        var result = PodManifestReader.ReadText(yaml.ToString(), "big.yaml");

        var labels = Assert.Single(result.Pods).Pod.Metadata.Labels;
        Assert.Equal(60_000, labels.Count);
        Assert.Equal("later", labels["k7"]);
        Assert.Equal("last", labels["k59999"]);
        Assert.Equal("v", labels["k8"]);
        Assert.Empty(result.Diagnostics);
    }
}
