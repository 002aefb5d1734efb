using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary>
/// SCHEMA-009's order, against an oracle that does what kubectl and the API server do: a pod with unknown fields at every
/// level, its keys written in a random order, is walked as Go's encoding/json writes a map (keys sorted by byte, then
/// depth first, lists in order), collecting the unknown keys. <see cref="StrictDecoding.InDecoderOrder"/> must list
/// exactly those, and <see cref="LoadedPod.UnknownFields"/> must hold the same fields (in the reader's order, which is
/// not the decoder's).
/// </summary>
public class StrictDecodingProperties
{
    /// <summary>Keys no struct of the pod has (checked: a known one would be missing from the reader's list).</summary>
    private static readonly string[] UnknownKeys = ["zeta", "Alpha", "a", "b1", "mode", "x_y", "Z", "aa", "nam", "names", "imagez", "Image", "spec2", "k9", "k10"];

    private abstract record Node;

    private sealed record Leaf(string Json) : Node;

    private sealed record Map(List<(string Key, bool Unknown, Node Value)> Entries) : Node;

    private sealed record Seq(List<Node> Items) : Node;

    [Property(Replay = "(20261207,1659)", MaxTest = 150)]
    public Property Unknown_fields_are_listed_in_sorted_key_depth_first_order() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var pod = Pod(new Random(seed));
            var loaded = PodManifestReader.ReadText(Json(pod), "p.json").Pods;
            if (loaded.Length != 1)
            {
                throw new InvalidOperationException($"seed {seed}: {loaded.Length} pods read from {Json(pod)}");
            }

            var written = new List<string>();
            Walk(pod, "", sorted: false, written);
            var sorted = new List<string>();
            Walk(pod, "", sorted: true, sorted);
            var inFile = loaded[0].UnknownFields.Select(d => d.UnknownField!.Path).ToList();
            var inDecoder = StrictDecoding.InDecoderOrder(loaded[0].UnknownFields).Select(d => d.UnknownField!.Path).ToList();
            if (!inFile.Order(StringComparer.Ordinal).SequenceEqual(written.Order(StringComparer.Ordinal)) || !inDecoder.SequenceEqual(sorted))
            {
                throw new InvalidOperationException(
                    $"seed {seed}: {Json(pod)}\nwritten:  {string.Join(", ", written)}\nreader:   {string.Join(", ", inFile)}\nexpected: {string.Join(", ", sorted)}\nactual:   {string.Join(", ", inDecoder)}");
            }

            return true;
        });

    private static Map Pod(Random random)
    {
        var containers = new List<Node>();
        int count = random.Next(1, 13);
        for (int i = 0; i < count; i++)
        {
            var container = new List<(string, bool, Node)> { ("name", false, new Leaf("\"c" + i.ToString(CultureInfo.InvariantCulture) + "\"")), ("image", false, new Leaf("\"x\"")) };
            if (random.Next(2) == 0)
            {
                var resources = new List<(string, bool, Node)> { ("limits", false, new Map([("cpu", false, new Leaf("\"1\""))])) };
                container.Add(("resources", false, Shuffled(random, AddUnknown(random, resources))));
            }

            containers.Add(Shuffled(random, AddUnknown(random, container)));
        }

        var metadata = AddUnknown(random, [("name", false, new Leaf("\"p\""))]);
        var spec = AddUnknown(random, [("containers", false, new Seq(containers))]);
        var root = AddUnknown(random, [("apiVersion", false, new Leaf("\"v1\"")), ("kind", false, new Leaf("\"Pod\"")), ("metadata", false, Shuffled(random, metadata)), ("spec", false, Shuffled(random, spec))]);
        return Shuffled(random, root);
    }

    private static List<(string, bool, Node)> AddUnknown(Random random, List<(string, bool, Node)> entries)
    {
        int n = random.Next(0, 4);
        foreach (string key in UnknownKeys.OrderBy(_ => random.Next()).Take(n))
        {
            entries.Add((key, true, new Leaf(random.Next(3) switch { 0 => "1", 1 => "{\"x\": [1]}", _ => "\"v\"" })));
        }

        return entries;
    }

    private static Map Shuffled(Random random, List<(string, bool, Node)> entries) => new([.. entries.OrderBy(_ => random.Next())]);

    /// <summary>The oracle: the unknown keys' paths in written order, or in encoding/json's sorted-key order (ASCII keys: ordinal is byte order).</summary>
    private static void Walk(Node node, string path, bool sorted, List<string> into)
    {
        switch (node)
        {
            case Map map:
                foreach (var (key, unknown, value) in sorted ? map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal) : map.Entries.AsEnumerable())
                {
                    string at = path.Length == 0 ? key : path + "." + key;
                    if (unknown)
                    {
                        into.Add(at);
                    }
                    else
                    {
                        Walk(value, at, sorted, into);
                    }
                }

                break;
            case Seq seq:
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    Walk(seq.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", sorted, into);
                }

                break;
        }
    }

    private static string Json(Node node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(Node node, StringBuilder sb)
    {
        switch (node)
        {
            case Leaf leaf:
                sb.Append(leaf.Json);
                break;
            case Map map:
                sb.Append('{');
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ").Append('"').Append(map.Entries[i].Key).Append("\": ");
                    Write(map.Entries[i].Value, sb);
                }

                sb.Append('}');
                break;
            case Seq seq:
                sb.Append('[');
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    Write(seq.Items[i], sb);
                }

                sb.Append(']');
                break;
        }
    }
}
