using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators.Tests;

public sealed class QuantityGenTests
{
    [Property(Replay = "(1001,3)", MaxTest = 500)]
    public Property Valid_texts_parse() =>
        Prop.ForAll(QuantityGen.ValidArb, t => Quantity.TryParse(t, out _).Label("\"" + t + "\""));

    [Property(Replay = "(1002,5)", MaxTest = 300)]
    public Property Non_negative_texts_parse_to_non_negative_values() =>
        Prop.ForAll(QuantityGen.NonNegativeText.ToArbitrary(), t => Quantity.TryParse(t, out var q) && q.Sign >= 0);

    [Property(Replay = "(1003,7)", MaxTest = 500)]
    public Property Near_valid_texts_are_rejected_quickly() =>
        Prop.ForAll(QuantityGen.NearValidArb, t =>
        {
            var watch = Stopwatch.StartNew();
            bool parsed = Quantity.TryParse(t, out _);
            return (!parsed && watch.ElapsedMilliseconds < 2000).Label("\"" + t + "\"");
        });

    [Property(Replay = "(1004,9)", MaxTest = 500)]
    public Property Hostile_texts_are_answered_quickly() =>
        Prop.ForAll(QuantityGen.HostileArb, t =>
        {
            var watch = Stopwatch.StartNew();
            if (Quantity.TryParse(t, out var q))
            {
                _ = q.ToString();
                _ = q.ToCanonicalString();
                _ = q.MilliValue();
            }

            return (watch.ElapsedMilliseconds < 3000).Label(t.Length > 80 ? t[..80] + "…" : t);
        });

    [Property(Replay = "(1005,11)", MaxTest = 300)]
    public Property Text_shrinks_are_strictly_smaller() =>
        Prop.ForAll(QuantityGen.AnyArb, t => QuantityShrinker.Shrink(t).All(s => QuantityShrinker.Size(s) < QuantityShrinker.Size(t)));

    [Property(Replay = "(1006,13)", MaxTest = 300)]
    public Property Valid_text_shrinks_stay_valid() =>
        Prop.ForAll(QuantityGen.ValidArb, t => QuantityShrinker.ShrinkValid(t).All(s => Quantity.TryParse(s, out _)));

    [Fact]
    public void Shrinking_ends_on_a_round_text()
    {
        Assert.Equal("1", Support.ShrinkToFixpoint("0001.500Gi", QuantityShrinker.ShrinkValid, _ => true));

        // A failure that needs "more than a megabyte" ends on the round binary value, not on digits.
        var mi = Quantity.Parse("1Mi");
        Assert.Equal("1Gi", Support.ShrinkToFixpoint("+0001.536Gi", QuantityShrinker.ShrinkValid, t => Quantity.Parse(t) > mi));
    }

    [Property(Replay = "(1007,15)", MaxTest = 200)]
    public Property Resource_quantities_are_non_negative_and_keep_their_spelling() =>
        Prop.ForAll(Gen.OneOf(QuantityGen.Cpu, QuantityGen.Memory, QuantityGen.EphemeralStorage).ToArbitrary(),
            q => q.Sign >= 0 && Quantity.Parse(q.ToString()) == q);

    [Fact]
    public void Odd_spellings_are_among_the_valid_texts()
    {
        var sample = Seeds.Sample(QuantityGen.ValidText, ReplaySeed.Of(7), 2000);
        Assert.Contains(sample, t => t.StartsWith('+'));
        Assert.Contains(sample, t => t.StartsWith("00", StringComparison.Ordinal));
        Assert.Contains(sample, t => t.Contains('E', StringComparison.Ordinal) || t.Contains('e', StringComparison.Ordinal));
        Assert.Contains(sample, t => t.EndsWith("Ki", StringComparison.Ordinal) || t.EndsWith("Mi", StringComparison.Ordinal));
        Assert.Contains(sample, t => t.EndsWith('.'));
    }
}
