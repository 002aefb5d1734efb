using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// <see cref="Glob"/> (<c>--rules</c>, expectation facets and kinds): shell-style <c>*</c> and <c>?</c>, whole text,
/// ordinal. The reference is the same glob as an anchored regular expression (<c>*</c> → <c>.*</c>, <c>?</c> → <c>.</c>).
/// </summary>
public class GlobTests
{
    private static bool Reference(string pattern, string text)
    {
        var sb = new System.Text.StringBuilder("^");
        foreach (char c in pattern)
        {
            sb.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        }

        return Regex.IsMatch(text, sb.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [Theory]
    [InlineData("P-QTY-*", "P-QTY-PARSE", true)]
    [InlineData("P-QTY-*", "P-QOS-CLASS", false)]
    [InlineData("PHASE-00?", "PHASE-007", true)]
    [InlineData("PHASE-00?", "PHASE-0071", false)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("?", "", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*a*", "bab", true)]
    [InlineData("QOS-*", "qos-001", false)]
    public void Matches_shell_globs(string pattern, string text, bool expected) => Assert.Equal(expected, Glob.Matches(pattern, text));

    /// <summary>Random patterns over a small alphabet (so stars and matches meet often) agree with the regular expression.</summary>
    [Property(Replay = "(20261207,19)", MaxTest = 500)]
    public Property Agrees_with_the_regular_expression_form()
    {
        var chars = Gen.Elements('a', 'b', '-');
        var text = chars.ArrayOf().Select(a => new string(a));
        var pattern = Gen.Elements('a', 'b', '-', '*', '?').ArrayOf().Select(a => new string(a));
        return Prop.ForAll(pattern.ToArbitrary(), text.ToArbitrary(), (p, t) => Glob.Matches(p, t) == Reference(p, t));
    }

    /// <summary>
    /// Many stars that cannot match: the recursive matcher before session 16 tried every split (about 2^60 paths here,
    /// a --rules value that ran for minutes); one backtracking point answers at once.
    /// </summary>
    [Fact]
    public void Many_stars_that_cannot_match_are_answered()
    {
        string pattern = new string('*', 60) + "!";
        Assert.False(Glob.Matches(pattern, "P-ADM-VALIDATION-SERVICE-ACCOUNT-WITH-A-LONG-NAME"));
        Assert.True(Glob.Matches(pattern, "P-ADM-VALIDATION!"));
    }
}
