using FsCheck;
using PodConformance.Generators;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>A named source of inputs: a generator sampled at (seed, 0..count-1), or a fixed list.</summary>
public sealed record QuantityCorpus(string Name, Gen<string>? Generator, ulong Seed, int Count, IReadOnlyList<string> Fixed)
{
    public static QuantityCorpus Generated(string name, Gen<string> generator, ulong seed, int count) => new(name, generator, seed, count, []);

    public static QuantityCorpus Probes(string name, params string[] inputs) => new(name, null, 0, inputs.Length, inputs);

    /// <summary>
    /// The report's corpora: mixed texts (valid, near-valid, hostile), more valid texts, and the inputs
    /// packages.md §7 and the exploration named, which the generators do not spell (<c>1/2</c>).
    /// </summary>
    public static IReadOnlyList<QuantityCorpus> Default { get; } =
    [
        Generated("QuantityGen.AnyText", QuantityGen.AnyText, 20260101, 240),
        Generated("QuantityGen.ValidText", QuantityGen.ValidText, 20260102, 160),
        Probes("probes", "100m", "1.5Gi", "+1k", "1E3", "-1", "-1e3", "1000E", "1/2", "1,5", " 1", "-", "1i", "1e99999999999", "1.5e-2147483648", "9Ei", "1e100000"),
    ];

    public string Describe() => Generator is null
        ? $"{Name}: {Count} fixed inputs"
        : $"{Name}: seed {Seed}, cases 0..{Count - 1}";
}
