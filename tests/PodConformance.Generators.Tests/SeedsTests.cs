using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PodConformance.Generators.Tests;

public sealed class SeedsTests
{
    [Property(Replay = "(6001,35)", MaxTest = 200)]
    public Property Argument_and_attribute_forms_round_trip(ulong seed, ulong gamma, bool withSize)
    {
        var s = new ReplaySeed(seed, gamma | 1, withSize ? 7 : null);
        return (ReplaySeed.Parse(s.ToArgument()) == s && ReplaySeed.Parse(s.ToString()) == s && ReplaySeed.Parse(s.ToReplayHint()["replay with ".Length..]) == s)
            .Label(s.ToString());
    }

    [Fact]
    public void Parses_what_fsCheck_and_reports_print()
    {
        Assert.Equal(ReplaySeed.Of(42), ReplaySeed.Parse("42"));
        Assert.Equal(ReplaySeed.Of(42), ReplaySeed.Parse("--seed 42"));
        Assert.Equal(new ReplaySeed(42, 7), ReplaySeed.Parse("--seed=42,7"));
        Assert.Equal(new ReplaySeed(9174721868880926128, 11436006600432987905, 9), ReplaySeed.Parse("(9174721868880926128,11436006600432987905,9)"));
        Assert.Equal(new ReplaySeed(1, 3), ReplaySeed.Parse("(1, 3)"));
        Assert.Equal("replay with --seed 42", ReplaySeed.Of(42).ToReplayHint());
        Assert.Equal("(42,7)", new ReplaySeed(42, 7).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("(1,2)")]
    [InlineData("1,2,3,4")]
    [InlineData("-1")]
    public void Rejects_malformed_seeds_and_even_gammas(string text)
    {
        Assert.False(ReplaySeed.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ReplaySeed.Parse(text));
    }

    [Fact]
    public void Same_seed_gives_the_same_sequence()
    {
        var seed = new ReplaySeed(123456789, 987654321);
        string[] first = Seeds.Sample(ScenarioGen.Case, seed, 25).Select(c => c.ToString()).ToArray();
        string[] second = Seeds.Sample(ScenarioGen.Case, seed, 25).Select(c => c.ToString()).ToArray();
        string[] other = Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(1), 25).Select(c => c.ToString()).ToArray();
        Assert.Equal(25, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);

        string[] texts = Seeds.Sample(QuantityGen.AnyText, seed, 50);
        Assert.Equal(texts, Seeds.Sample(QuantityGen.AnyText, seed, 50));
    }

    [Fact]
    public void Configs_carry_the_replay_and_test_count()
    {
        var config = Seeds.Quick(new ReplaySeed(5, 3), 17);
        Assert.Equal(17, config.MaxTest);
        Assert.Equal(5UL, config.Replay.Value.Rnd.Seed);
        Assert.Equal(3UL, config.Replay.Value.Rnd.Gamma);
        Assert.Equal(17, Seeds.QuickThrowOnFailure(Seeds.Default, 17).MaxTest);
    }

    [Fact]
    public void A_seeded_check_replays_the_same_values()
    {
        var seen1 = new List<string>();
        var seen2 = new List<string>();
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(77), 20), Prop.ForAll(PodGen.ValidArb, p => { seen1.Add(p.ToString()); return true; }));
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(77), 20), Prop.ForAll(PodGen.ValidArb, p => { seen2.Add(p.ToString()); return true; }));
        Assert.Equal(20, seen1.Count);
        Assert.Equal(seen1, seen2);
    }
}
