using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.KubernetesClient.Worker;

namespace PodConformance.Adapters.KubernetesClient.Tests;

/// <summary>The worker's line protocol: every string survives a line, whatever its characters.</summary>
public class LineCodecTests
{
    private static Arbitrary<string> AnyChars =>
        Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(cs => new string(cs)).ToArbitrary();

    [Property(Replay = "(20261206,1)", MaxTest = 500)]
    public Property Escape_then_unescape_is_the_identity() =>
        Prop.ForAll(AnyChars, s =>
        {
            string line = LineCodec.Escape(s);
            return line.All(c => c is >= ' ' and <= '~') && LineCodec.Unescape(line) == s;
        });

    [Property(Replay = "(20261206,3)", MaxTest = 300)]
    public Property Answers_round_trip_through_their_line() =>
        Prop.ForAll(AnyChars, AnyChars, Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(), (a, b, v) =>
        {
            var answer = new LibraryAnswer(v % 2 == 0, a, b, "DecimalSI", v * 3L, v % 3 == 0, b + a);
            return LibraryAnswer.Parse(answer.ToLine()) == answer;
        });

    [Theory]
    [InlineData("\\u12")]
    [InlineData("\\x")]
    [InlineData("a\\")]
    public void Malformed_escapes_are_refused(string line) => Assert.Null(LineCodec.Unescape(line));

    [Theory]
    [InlineData("")]
    [InlineData("ok\t1")]
    [InlineData("ok\t2\ta\tb\tc\t1\t0\te")]
    [InlineData("ok\t1\ta\tb\tc\tx\t0\te")]
    [InlineData("no\t1\ta\tb\tc\t1\t0\te")]
    public void Lines_that_are_not_answers_are_refused(string line) => Assert.Null(LibraryAnswer.Parse(line));
}
