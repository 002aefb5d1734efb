using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Container resource requirements, valid by construction (requests ≤ limits, non-negative, hugepages a multiple
/// of their page size with a cpu or memory entry, extended resources whole and equal) and biased to the
/// boundaries in <see cref="ResourceShape"/>. <see cref="RequestAboveLimit"/> is the deliberately invalid variant.
/// </summary>
public static class ResourceGen
{
    /// <summary>Extended resources a device plugin would advertise: integer, request must equal limit (VAL-033).</summary>
    public static IReadOnlyList<string> ExtendedResourceNames { get; } = ["example.com/gpu", "vendor.io/fpga"];

    /// <summary>Two quantities ordered so the first is ≤ the second (exact comparison, QTY-034).</summary>
    public static Gen<(Quantity Low, Quantity High)> OrderedPair(Gen<Quantity> gen) =>
        from a in gen
        from b in gen
        select a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    /// <summary>The same value twice, the second sometimes in canonical spelling (<c>0.5</c> and <c>500m</c>).</summary>
    private static Gen<(Quantity Request, Quantity Limit)> EqualPair(Gen<Quantity> gen) =>
        from limit in gen
        from respell in GenSequence.Chance(30)
        select (respell ? Quantity.Parse(limit.ToCanonicalString()) : limit, limit);

    private static ValueMap<Quantity> Map(params (string Key, Quantity Value)[] items) => ValueMap.Of(items);

    private static ResourceRequirements Req(ValueMap<Quantity> requests, ValueMap<Quantity> limits) => new() { Requests = requests, Limits = limits };

    /// <summary>Requirements of the given shape.</summary>
    public static Gen<ResourceRequirements> Of(ResourceShape shape) => shape switch
    {
        ResourceShape.Empty => Gen.Constant(ResourceRequirements.Empty),
        ResourceShape.Equal =>
            from cpu in EqualPair(QuantityGen.PositiveCpu)
            from mem in EqualPair(QuantityGen.PositiveMemory)
            select Req(Map(("cpu", cpu.Request), ("memory", mem.Request)), Map(("cpu", cpu.Limit), ("memory", mem.Limit))),
        ResourceShape.LimitsOnly =>
            from cpu in QuantityGen.PositiveCpu
            from mem in QuantityGen.PositiveMemory
            select Req(default, Map(("cpu", cpu), ("memory", mem))),
        ResourceShape.RequestsOnly =>
            from which in Gen.Choose(0, 2)
            from cpu in QuantityGen.Cpu
            from mem in QuantityGen.Memory
            select Req(which switch { 0 => Map(("cpu", cpu)), 1 => Map(("memory", mem)), _ => Map(("cpu", cpu), ("memory", mem)) }, default),
        ResourceShape.Zero =>
            from withLimits in GenSequence.Bool
            let zero = Map(("cpu", Quantity.Parse("0")), ("memory", Quantity.Parse("0")))
            select Req(zero, withLimits ? zero : default),
        ResourceShape.CpuOnly => Single("cpu", QuantityGen.Cpu),
        ResourceShape.MemoryOnly => Single("memory", QuantityGen.Memory),
        ResourceShape.Burstable =>
            from cpu in OrderedPair(QuantityGen.Cpu)
            from mem in OrderedPair(QuantityGen.Memory)
            from dropLimit in Gen.Choose(0, 2)
            select Req(
                Map(("cpu", cpu.Low), ("memory", mem.Low)),
                dropLimit switch { 0 => Map(("memory", mem.High)), 1 => Map(("cpu", cpu.High)), _ => Map(("cpu", cpu.High), ("memory", mem.High)) }),
        ResourceShape.WithExtras =>
            from b in Gen.Elements(ResourceShape.Equal, ResourceShape.LimitsOnly, ResourceShape.Burstable)
            from baseReq in Of(b)
            from extras in Extras
            select Merge(baseReq, extras),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
    };

    /// <summary>One resource with request ≤ limit, either side possibly absent.</summary>
    private static Gen<ResourceRequirements> Single(string name, Gen<Quantity> gen) =>
        from pair in OrderedPair(gen)
        from form in Gen.Choose(0, 2)
        select form switch
        {
            0 => Req(Map((name, pair.Low)), default),
            1 => Req(default, Map((name, pair.High))),
            _ => Req(Map((name, pair.Low)), Map((name, pair.High))),
        };

    /// <summary>Extras only (no cpu/memory): merged onto a base that has cpu or memory, as hugepages require.</summary>
    private static Gen<ResourceRequirements> Extras { get; } =
        from kind in Gen.Choose(0, 3)
        from storage in OrderedPair(QuantityGen.EphemeralStorage)
        from storageLimitOnly in GenSequence.Bool
        from pages in Gen.Elements(("hugepages-2Mi", "2Mi"), ("hugepages-2Mi", "4Mi"), ("hugepages-2Mi", "10Mi"), ("hugepages-1Gi", "1Gi"), ("hugepages-1Gi", "2Gi"))
        from pagesLimitOnly in GenSequence.Bool
        from ext in Gen.Elements(ExtendedResourceNames.ToArray())
        from count in Gen.Elements("1", "2", "4")
        select kind switch
        {
            0 => storageLimitOnly ? Req(default, Map(("ephemeral-storage", storage.High))) : Req(Map(("ephemeral-storage", storage.Low)), Map(("ephemeral-storage", storage.High))),
            1 => Req(pagesLimitOnly ? default : Map((pages.Item1, Quantity.Parse(pages.Item2))), Map((pages.Item1, Quantity.Parse(pages.Item2)))),
            2 => Req(Map((ext, Quantity.Parse(count))), Map((ext, Quantity.Parse(count)))),
            _ => Req(Map((ext, Quantity.Parse(count)), ("ephemeral-storage", storage.Low)), Map((ext, Quantity.Parse(count)), ("ephemeral-storage", storage.High))),
        };

    private static ResourceRequirements Merge(ResourceRequirements a, ResourceRequirements b)
    {
        var requests = a.Requests;
        foreach (var (k, v) in b.Requests)
        {
            requests = requests.SetItem(k, v);
        }

        var limits = a.Limits;
        foreach (var (k, v) in b.Limits)
        {
            limits = limits.SetItem(k, v);
        }

        return Req(requests, limits);
    }

    /// <summary>Every shape, weighted toward the ones that decide QoS.</summary>
    public static Gen<ResourceRequirements> Valid { get; } = Gen.Frequency(
        (3, Of(ResourceShape.Empty)),
        (3, Of(ResourceShape.Equal)),
        (2, Of(ResourceShape.LimitsOnly)),
        (2, Of(ResourceShape.RequestsOnly)),
        (1, Of(ResourceShape.Zero)),
        (1, Of(ResourceShape.CpuOnly)),
        (1, Of(ResourceShape.MemoryOnly)),
        (2, Of(ResourceShape.Burstable)),
        (2, Of(ResourceShape.WithExtras)));

    /// <summary>Invalid (VAL-032): a cpu or memory request strictly above its limit.</summary>
    public static Gen<ResourceRequirements> RequestAboveLimit { get; } =
        from useCpu in GenSequence.Bool
        from pair in OrderedPair(useCpu ? QuantityGen.Cpu : QuantityGen.Memory).Where(p => p.Low.CompareTo(p.High) < 0)
        let name = useCpu ? "cpu" : "memory"
        select Req(Map((name, pair.High)), Map((name, pair.Low)));
}
