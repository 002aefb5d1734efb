using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// <c>podconf help VERB</c>, the help command cobra gives every kubectl-style tool (<c>kubectl help get</c>); before
/// explore15 it was <c>unknown command "help"</c>.
/// </summary>
public class HelpCommandTests
{
    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("golden|verify")]
    [InlineData("quantity")]
    public void Help_VERB_is_VERB_help(string verb)
    {
        string[] words = verb.Length == 0 ? [] : verb.Split('|');
        var viaHelp = CliRun.Run(["help", .. words]);
        var viaFlag = CliRun.Run([.. words, "--help"]);
        Assert.Equal(0, viaHelp.ExitCode);
        Assert.Contains("Usage:", viaHelp.Out, StringComparison.Ordinal);
        Assert.Equal(viaFlag, viaHelp);
    }

    /// <summary>cobra's words for an unknown topic (command.go: <c>Unknown help topic %#q</c>), as a usage error.</summary>
    [Fact]
    public void An_unknown_topic_is_a_usage_error()
    {
        var r = CliRun.Run("help", "golden", "nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: Unknown help topic [`golden` `nope`]\nRun 'podconf --help' for usage.\n", r.Error);
        Assert.Equal("", r.Out);
    }
}
