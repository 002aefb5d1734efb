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
        ["0", ".", "+0", "-0", "0.", "00", "-", "+", "01", "1.", "1.G", "1E", "1e3", "1E3", "1e+3", "+100m", "1.253", "01k", "0.1m", ".5", "5.", "1.Ki", "000100m", "0.5Ki", ".25Ki", "0.001Ki", "0.75Ki"];

    private static Gen<string> Digits(int min, int max) =>
        from n in Gen.Choose(min, max)
        from ds in Gen.Choose(0, 9).ArrayOf(n)
        select new string(ds.Select(d => (char)('0' + d)).ToArray());

    private static Gen<string> Int(int min, int max) => Gen.Choose(min, max).Select(i => i.ToString(CultureInfo.InvariantCulture));

    /// <summary>Digit strings of <paramref name="min"/> up to what the size allows (<paramref name="cap"/> at the largest sizes).</summary>
    private static Gen<string> SizedDigits(int min, int cap) => Gen.Sized(size => Digits(min, GenSequence.Upto(size, min, cap)));

    /// <summary>The longest plain mantissa (18 digits: still within int64 as Go's fast path reads it); longer ones come at larger sizes.</summary>
    public const int MaxShortMantissaDigits = 18;

    /// <summary>Mantissas beyond int64 (19 digits and more) appear from this size on, up to 30 digits at the largest.</summary>
    public const int LongMantissaFromSize = 40;

    /// <summary>
    /// A suffix of any family: none, DecimalSI, BinarySI, or an <c>e</c>/<c>E</c> exponent with optional sign whose
    /// magnitude grows with the size (up to 30, past every suffix's range).
    /// </summary>
    public static Gen<string> Suffix { get; } = Gen.Frequency(
        (3, Gen.Constant("")),
        (3, Gen.Elements(DecimalSuffixes)),
        (3, Gen.Elements(BinarySuffixes)),
        (2, from e in Gen.Elements("e", "E")
            from sign in Gen.Elements("", "+", "-")
            from exp in Gen.Sized(size => Int(0, GenSequence.Upto(size, 3, 30)))
            select e + sign + exp));

    private static Gen<string> Mantissa { get; } = Gen.Sized(size => size < LongMantissaFromSize
        ? Gen.Frequency(
            (5, Gen.Elements("1", "2", "5", "10", "64", "100", "128", "250", "500", "1000", "1536")),
            (3, Digits(1, GenSequence.Upto(size, 2, MaxShortMantissaDigits))))
        : Gen.Frequency(
            (5, Gen.Elements("1", "2", "5", "10", "64", "100", "128", "250", "500", "1000", "1536")),
            (3, Digits(1, GenSequence.Upto(size, 2, MaxShortMantissaDigits))),
            (1, Digits(19, GenSequence.Upto(size, 19, 30)))));

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
            from fraction in Gen.Frequency((6, Gen.Constant("")), (1, Gen.Constant(".")), (3, SizedDigits(1, 9).Select(d => "." + d)))
            from suffix in Suffix
            select sign + zeros + mantissa + fraction + suffix));

    /// <summary>Valid spellings without a minus sign: what a resource list accepts (VAL-031).</summary>
    public static Gen<string> NonNegativeText { get; } = ValidText.Where(t => !t.StartsWith('-'));

    /// <summary>
    /// One edit away from valid, each rejected (QTY-004/005): wrong-case or unknown suffix (<c>K</c>, <c>mi</c>,
    /// <c>KB</c>), a space, a doubled dot or sign, a decimal comma, a second number after the suffix.
    /// </summary>
    public static Gen<string> NearValidText { get; } =
        from number in Gen.Frequency((3, Gen.Elements("1", "100", "1.5", "64", "0.5", "2")), (1, SizedDigits(1, 12)))
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
    /// Lengths and exponents grow with the size (5000 digits, 3000 zeros, ±10^6 at the largest). Some parse, most do
    /// not; all must be answered promptly.
    /// </summary>
    public static Gen<string> HostileText { get; } = Gen.Sized(HostileOfSize);

    private static Gen<string> HostileOfSize(int size) => Gen.OneOf(
        Gen.Elements("", "-", "+", ".", "e", "E", "Ki", ".e-10", "+.", "-.", "e5", "i", "\0", "1\0", "\u007f", "1\n", "\t1", "1\r\n",
            "\u0661\u0662\u0663", "\uff11\uff12", "1\u0660", "\u09eb", "1\u00b2", "\u00bd", "1\ud800", "1\U0001F600", "\u0130", "1\u00a0Gi"),
        from n in Gen.Choose(19, GenSequence.Upto(size, 19, 5000))
        from d in Gen.Elements('9', '1', '0')
        select "1" + new string(d, n),
        from n in Gen.Choose(1, GenSequence.Upto(size, 1, 3000))
        from suffix in Gen.Elements("", "m", "Ki", "e3")
        select "0." + new string('0', n) + "1" + suffix,
        from mantissa in Gen.Elements("1", "-1", "1.5", "9", "0")
        from e in Gen.Elements("e", "E")
        from exp in Gen.Choose(-GenSequence.Upto(size, 30, MaxHostileExponent), GenSequence.Upto(size, 30, MaxHostileExponent))
        select mantissa + e + exp.ToString(CultureInfo.InvariantCulture),
        from n in Gen.Choose(2, GenSequence.Upto(size, 2, 200))
        from c in Gen.Elements('K', 'e', 'i', 'm', 'E', '.', '+')
        select "1" + new string(c, n),
        from chars in Gen.Elements("0123456789.+-eEinumkKMGTPi aZ\u00e9\u0130\u0000".ToCharArray()).ArrayOf()
        select new string(chars));

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

    /// <summary>Unround amounts come in beside the spelling tables from this size on, more often as the size grows.</summary>
    public const int UnroundFromSize = 20;

    /// <summary>
    /// The grammar's corners, each deciding a rule of its own: empty and exactly <c>0</c> (QTY-001), a lone sign or dot,
    /// zeros that run out (QTY-002), a number without digits (QTY-007), binary amounts past 2^63-1 (QTY-010).
    /// </summary>
    public static IReadOnlyList<string> Corners { get; } = ["", "0", "", "0", "", "+", "-", ".", "00", "+0.", ".e-10", "-.e-12", "+.E-20", ".e-99", "-.e3", "9Ei", "16Ei", "123456789Ei", "-9Ei", "1e2147483648", "5E-3000000000"];

    /// <summary>All classes mixed, weighted towards valid texts.</summary>
    public static Gen<string> AnyText { get; } = Gen.Frequency((6, ValidText), (2, NearValidText), (2, HostileText), (1, Gen.Elements(Corners.ToArray())));

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

    /// <summary>
    /// The spelling table, and from <see cref="UnroundFromSize"/> on an unround amount in the same range (one case in
    /// five at the largest sizes), so QoS, defaulting and printing see values such as <c>1234m</c> or <c>0.37</c>.
    /// </summary>
    private static Gen<Quantity> Sized(Gen<Quantity> table, Gen<Quantity> unround) =>
        Gen.Sized(size => size < UnroundFromSize ? table : Gen.Frequency((20, table), (GenSequence.Upto(size, 1, 5), unround)));

    /// <summary>
    /// 1m to 4 cores, as millicores (<c>1234m</c>) or decimal cores (<c>1.234</c>), and sometimes with microcores
    /// (<c>1234567u</c>), which defaulting rounds up to a whole millicore (DEF-017).
    /// </summary>
    private static Gen<Quantity> UnroundCpu { get; } =
        from milli in Gen.Choose(1, 4000)
        from form in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from micro in Gen.Choose(1, 999)
        select Quantity.Parse(form switch
        {
            0 => (milli / 1000).ToString(CultureInfo.InvariantCulture) + "." + (milli % 1000).ToString("000", CultureInfo.InvariantCulture),
            1 => milli.ToString(CultureInfo.InvariantCulture) + "m",
            _ => ((milli - 1) * 1000L + micro).ToString(CultureInfo.InvariantCulture) + "u",
        });

    /// <summary>1Mi to 2Gi, as Mi, Ki, plain bytes or (up to 2000M) a decimal suffix.</summary>
    private static Gen<Quantity> UnroundMemory { get; } =
        from mi in Gen.Choose(1, 2048)
        from form in Gen.Choose(0, 3)
        select Quantity.Parse(form switch
        {
            0 => mi.ToString(CultureInfo.InvariantCulture) + "Mi",
            1 => (mi * 1024L).ToString(CultureInfo.InvariantCulture) + "Ki",
            2 => (mi * 1048576L).ToString(CultureInfo.InvariantCulture),
            _ => Math.Min(mi, 2000).ToString(CultureInfo.InvariantCulture) + "M",
        });

    /// <summary>CPU quantities from 0 to 4 cores, round and alternate spellings (<c>0.5</c> for <c>500m</c>); unround ones at larger sizes.</summary>
    public static Gen<Quantity> Cpu { get; } = Sized(FromSpellings(CpuSpellings, _ => true), UnroundCpu);

    /// <summary>Non-zero CPU quantities.</summary>
    public static Gen<Quantity> PositiveCpu { get; } = Sized(FromSpellings(CpuSpellings, i => i > 0), UnroundCpu);

    /// <summary>Memory quantities from 0 to 2Gi, both suffix families and plain byte counts; unround ones at larger sizes.</summary>
    public static Gen<Quantity> Memory { get; } = Sized(FromSpellings(MemorySpellings, _ => true), UnroundMemory);

    /// <summary>Non-zero memory quantities.</summary>
    public static Gen<Quantity> PositiveMemory { get; } = Sized(FromSpellings(MemorySpellings, i => i > 0), UnroundMemory);

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
