using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Quantity texts in three classes, so a conformance rule can say which it expects to be accepted:
/// <see cref="ValidText"/> (every spelling spec/quantity.md accepts), <see cref="NearValidText"/> (one edit away
/// from valid, rejected by Kubernetes) and <see cref="HostileText"/> (inputs that stress a parser; answered,
/// never hung on). Resource quantities (<see cref="Cpu"/>, <see cref="Memory"/>…) are non-negative and biased to
/// round values, with alternate spellings of the same value so spelling-sensitive rules get exercised.
/// </summary>
public static class QuantityGen
{
    /// <summary>Go would still finish on these exponents (it writes out 10^|exp|); QTY-050 covers the rest.</summary>
    public const int MaxHostileExponent = 1_000_000;

    private static readonly string[] DecimalSuffixes = ["n", "u", "m", "k", "M", "G", "T", "P", "E"];
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>Spellings that the grammar allows but a person rarely writes (QTY-002/003/005/020).</summary>
    private static readonly string[] OddValid =
        ["0", ".", "+0", "-0", "0.", "00", "-", "+", "01", "1.", "1.G", "1E", "1e3", "1E3", "1e+3", "+100m", "1.253", "01k", "0.1m", ".5", "5.", "1.Ki", "000100m"];

    private static Gen<string> Digits(int min, int max) =>
        from n in Gen.Choose(min, max)
        from ds in Gen.Choose(0, 9).ArrayOf(n)
        select new string(ds.Select(d => (char)('0' + d)).ToArray());

    private static Gen<string> Int(int min, int max) => Gen.Choose(min, max).Select(i => i.ToString(CultureInfo.InvariantCulture));

    /// <summary>A suffix of any family: none, DecimalSI, BinarySI, or an <c>e</c>/<c>E</c> exponent with optional sign.</summary>
    public static Gen<string> Suffix { get; } = Gen.Frequency(
        (3, Gen.Constant("")),
        (3, Gen.Elements(DecimalSuffixes)),
        (3, Gen.Elements(BinarySuffixes)),
        (2, from e in Gen.Elements("e", "E")
            from sign in Gen.Elements("", "+", "-")
            from exp in Int(0, 30)
            select e + sign + exp));

    private static Gen<string> Mantissa { get; } = Gen.Frequency(
        (5, Gen.Elements("1", "2", "5", "10", "64", "100", "128", "250", "500", "1000", "1536")),
        (3, Digits(1, 18)),
        (1, Digits(19, 30)));

    /// <summary>
    /// Valid spellings (QTY-002..005): optional sign including <c>+</c>, leading zeros, fraction or trailing
    /// <c>.</c>, any suffix family; plus the grammar's corner cases (a lone <c>.</c> or sign, <c>1.G</c>, <c>E</c> alone).
    /// Negative values are included: they parse; only resource lists reject them.
    /// </summary>
    public static Gen<string> ValidText { get; } = Gen.Frequency(
        (1, Gen.Elements(OddValid)),
        (6, from sign in Gen.Frequency((6, Gen.Constant("")), (2, Gen.Constant("+")), (2, Gen.Constant("-")))
            from zeros in Gen.Frequency((8, Gen.Constant("")), (2, Gen.Elements("0", "00", "000")))
            from mantissa in Mantissa
            from fraction in Gen.Frequency((6, Gen.Constant("")), (1, Gen.Constant(".")), (3, Digits(1, 9).Select(d => "." + d)))
            from suffix in Suffix
            select sign + zeros + mantissa + fraction + suffix));

    /// <summary>Valid spellings without a minus sign: what a resource list accepts (VAL-031).</summary>
    public static Gen<string> NonNegativeText { get; } = ValidText.Where(t => !t.StartsWith('-'));

    /// <summary>
    /// One edit away from valid, each rejected (QTY-004/005): wrong-case or unknown suffix (<c>K</c>, <c>mi</c>,
    /// <c>KB</c>), a space, a doubled dot or sign, a decimal comma, a second number after the suffix.
    /// </summary>
    public static Gen<string> NearValidText { get; } =
        from number in Gen.Elements("1", "100", "1.5", "64", "0.5", "2")
        from edit in Gen.Choose(0, 8)
        from bad in Gen.Elements("K", "KI", "kI", "ki", "mi", "MI", "gi", "GI", "KB", "kB", "MB", "GiB", "Mib", "b")
        from space in Gen.Elements(" ", "\t")
        from good in Gen.Elements("", "m", "k", "Mi", "Gi")
        select edit switch
        {
            0 => number + bad,
            1 => space + number + good,
            2 => number + good + space,
            3 => number + space + (good.Length == 0 ? "Mi" : good),
            4 => number.Contains('.', StringComparison.Ordinal) ? number.Replace(".", "..", StringComparison.Ordinal) + good : number + ".." + good,
            5 => "-" + "+" + number + good,
            6 => number.Contains('.', StringComparison.Ordinal) ? number.Replace('.', ',') + good : number + ",5" + good,
            7 => number + ".1." + good,
            _ => number + (good.Length == 0 ? "k" : good) + "+1",
        };

    /// <summary>
    /// Inputs that stress a parser: empty, very long digit strings, exponents up to ±<see cref="MaxHostileExponent"/>,
    /// runs of suffix letters, control characters, non-ASCII digits and letters, lone surrogates, digitless numbers.
    /// Some parse, most do not; all must be answered promptly.
    /// </summary>
    public static Gen<string> HostileText { get; } = Gen.OneOf(
        Gen.Elements("", "-", "+", ".", "e", "E", "Ki", ".e-10", "+.", "-.", "e5", "i", "\0", "1\0", "\u007f", "1\n", "\t1", "1\r\n",
            "\u0661\u0662\u0663", "\uff11\uff12", "1\u0660", "\u09eb", "1\u00b2", "\u00bd", "1\ud800", "1\U0001F600", "\u0130", "1\u00a0Gi"),
        from n in Gen.Choose(19, 5000)
        from d in Gen.Elements('9', '1', '0')
        select "1" + new string(d, n),
        from n in Gen.Choose(1, 3000)
        from suffix in Gen.Elements("", "m", "Ki", "e3")
        select "0." + new string('0', n) + "1" + suffix,
        from mantissa in Gen.Elements("1", "-1", "1.5", "9", "0")
        from e in Gen.Elements("e", "E")
        from exp in Gen.Choose(-MaxHostileExponent, MaxHostileExponent)
        select mantissa + e + exp.ToString(CultureInfo.InvariantCulture),
        from n in Gen.Choose(2, 200)
        from c in Gen.Elements('K', 'e', 'i', 'm', 'E', '.', '+')
        select "1" + new string(c, n),
        from chars in Gen.Elements("0123456789.+-eEinumkKMGTPi aZ\u00e9\u0130\u0000".ToCharArray()).ArrayOf()
        select new string(chars));

    /// <summary>All three classes mixed, weighted towards valid texts.</summary>
    /// <summary>
    /// Plain decimals of 19–40 digits, mostly negative, with an optional fraction: the decimal form held beyond int64
    /// once scaled, where Go's Value()/MilliValue() overflow (QTY-032) or, for negatives, divide the low 64 bits
    /// (QTY-038).
    /// </summary>
    public static Gen<string> BeyondInt64Text { get; } =
        from sign in Gen.Elements("-", "-", "")
        from lead in Gen.Choose(1, 9)
        from rest in Digits(18, 39)
        from fraction in Gen.Frequency((2, Gen.Constant("")), (1, Digits(1, 12).Select(f => "." + f)))
        select sign + lead.ToString(CultureInfo.InvariantCulture) + rest + fraction;

    public static Gen<string> AnyText { get; } = Gen.Frequency((6, ValidText), (2, NearValidText), (2, HostileText));

    // Resource quantities: value -> spellings, the first being the round (canonical) one.
    private static readonly string[][] CpuSpellings =
    [
        ["0", "0m", "0.0"],
        ["1m", "0.001", "1e-3"],
        ["100m", "0.1", "+100m", "100e-3", ".1"],
        ["250m", "0.25", "250000u"],
        ["500m", "0.5", ".5", "5e-1"],
        ["1", "1000m", "1.", "+1", "01", "1e0", "1.0"],
        ["1500m", "1.5"],
        ["2", "2000m", "2e0", "2.000"],
        ["4", "4000m"],
    ];

    private static readonly string[][] MemorySpellings =
    [
        ["0", "0Mi", "0Gi"],
        ["1Mi", "1048576", "1024Ki"],
        ["64Mi", "67108864", "65536Ki"],
        ["100M", "1e8", "100000k", "0.1G"],
        ["128Mi", "134217728", "0.125Gi", "131072Ki"],
        ["256Mi", "0.25Gi", "268435456"],
        ["512Mi", "0.5Gi", "536870912"],
        ["1G", "1000M", "1e9", "1E9"],
        ["1Gi", "1024Mi", "1073741824", "1.Gi"],
        ["1536Mi", "1.5Gi"],
        ["2Gi", "2048Mi"],
    ];

    private static readonly string[][] StorageSpellings =
    [
        ["1Gi", "1024Mi"],
        ["500Mi", "524288000"],
        ["10Gi", "10240Mi"],
        ["1G", "1e9"],
    ];

    /// <summary>Picks a value's spelling: mostly the round one, sometimes an equal alternate.</summary>
    private static Gen<Quantity> FromSpellings(string[][] table, Func<int, bool> allowed) =>
        from i in Gen.Elements(Enumerable.Range(0, table.Length).Where(allowed).ToArray())
        from alternate in GenSequence.Chance(25)
        from j in Gen.Choose(0, table[i].Length - 1)
        select Quantity.Parse(alternate ? table[i][j] : table[i][0]);

    /// <summary>CPU quantities from 0 to 4 cores, round and alternate spellings (<c>0.5</c> for <c>500m</c>).</summary>
    public static Gen<Quantity> Cpu { get; } = FromSpellings(CpuSpellings, _ => true);

    /// <summary>Non-zero CPU quantities.</summary>
    public static Gen<Quantity> PositiveCpu { get; } = FromSpellings(CpuSpellings, i => i > 0);

    /// <summary>Memory quantities from 0 to 2Gi, both suffix families and plain byte counts.</summary>
    public static Gen<Quantity> Memory { get; } = FromSpellings(MemorySpellings, _ => true);

    /// <summary>Non-zero memory quantities.</summary>
    public static Gen<Quantity> PositiveMemory { get; } = FromSpellings(MemorySpellings, i => i > 0);

    /// <summary>ephemeral-storage quantities.</summary>
    public static Gen<Quantity> EphemeralStorage { get; } = FromSpellings(StorageSpellings, _ => true);

    /// <summary>The round spellings resource quantities shrink toward, per resource name.</summary>
    public static IReadOnlyList<string> RoundFor(string resourceName) => resourceName switch
    {
        "cpu" => ["1", "100m", "500m", "2"],
        "memory" => ["1Gi", "64Mi", "128Mi", "1Mi"],
        "ephemeral-storage" => ["1Gi"],
        _ when resourceName.StartsWith("hugepages-", StringComparison.Ordinal) => [resourceName["hugepages-".Length..]],
        _ => ["1"],
    };

    public static Arbitrary<string> ValidArb => Arb.From(ValidText, QuantityShrinker.ShrinkValid);

    public static Arbitrary<string> NearValidArb => Arb.From(NearValidText, QuantityShrinker.Shrink);

    public static Arbitrary<string> HostileArb => Arb.From(HostileText, QuantityShrinker.Shrink);

    public static Arbitrary<string> AnyArb => Arb.From(AnyText, QuantityShrinker.Shrink);
}
