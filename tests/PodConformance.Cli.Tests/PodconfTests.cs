using System.CommandLine;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests;

/// <summary>How <see cref="Podconf"/> hands the arguments to the parser.</summary>
public class PodconfTests
{
    /// <summary>
    /// kubectl (spf13/pflag) has no response files: a word starting with <c>@</c> is a word. System.CommandLine's default
    /// replaced <c>@FILE</c> by the words of FILE, so <c>validate -f @x.yaml</c> read x.yaml's lines as arguments and
    /// <c>quantity @list</c> answered for the lines of a file.
    /// </summary>
    [Fact]
    public void An_at_sign_word_is_taken_literally_never_as_a_response_file()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i}]}\n");
        using var words = CliRun.File("-f\n" + pod.Path + "\n", ".rsp");
        Assert.Equal(0, CliRun.Run("validate", "-f", pod.Path).ExitCode);

        var file = CliRun.Run("validate", "-f", "@" + pod.Path);
        Assert.Equal(2, file.ExitCode);
        Assert.Equal("podconf: @" + pod.Path + ": no such file or directory\n", file.Error);

        var positional = CliRun.Run("validate", "@" + words.Path);
        Assert.Equal(2, positional.ExitCode);
        Assert.StartsWith("podconf: unexpected argument \"@" + words.Path + "\" for \"podconf validate\"\n", positional.Error, StringComparison.Ordinal);
        Assert.Equal("", positional.Out);

        var quantity = CliRun.Run("quantity", "-o", "tsv", "@" + words.Path);
        Assert.Equal(1, quantity.ExitCode);
        Assert.StartsWith("@" + words.Path + "\t", quantity.Out, StringComparison.Ordinal);
        Assert.Single(quantity.Out.TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// Every verb's help names an option's default once: System.CommandLine prints <c>[default: text]</c> for an option
    /// with a default value, and descriptions that also said "(default text)" printed it twice.
    /// </summary>
    [Fact]
    public void Help_names_each_default_once()
    {
        var root = Podconf.BuildRoot(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false));
        var paths = new List<string[]>();
        void Walk(Command command, string[] path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }

        Walk(root, []);
        Assert.True(paths.Count > 16);
        foreach (string[] path in paths)
        {
            var help = CliRun.Run([.. path, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
            foreach (string line in help.Out.Split('\n'))
            {
                Assert.False(line.Contains("[default: ", StringComparison.Ordinal) && line.Contains("(default ", StringComparison.Ordinal), string.Join(" ", path) + ": " + line);
            }
        }
    }

    /// <summary>
    /// A command that only groups others, given alone (<c>podconf</c>, <c>podconf golden</c>), prints its help and exits 0,
    /// as cobra does for kubectl (<c>kubectl</c>, <c>kubectl config</c>: a command that is not runnable returns
    /// <c>flag.ErrHelp</c>, which Execute answers with the help). It was "Required command was not provided", exit 2.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("golden")]
    [InlineData("cluster")]
    [InlineData("adapter")]
    public void A_group_alone_prints_its_help(string group)
    {
        string[] words = group.Length == 0 ? [] : [group];
        var alone = CliRun.Run(words);
        Assert.Equal(CliRun.Run([.. words, "--help"]), alone);
        Assert.Equal(0, alone.ExitCode);
        Assert.Contains("Usage:", alone.Out, StringComparison.Ordinal);

        var stray = CliRun.Run([.. words, "nope"]);
        Assert.Equal(2, stray.ExitCode);
        Assert.StartsWith("podconf: unknown command \"nope\"", stray.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// cobra finds the verb before it looks at <c>--help</c> or <c>--version</c>, so an unknown word beside them is still
    /// an unknown command (command.go <c>ExecuteC</c>: <c>Find</c> first). System.CommandLine answered the help or the
    /// version and exit 0, dropping the error.
    /// </summary>
    [Theory]
    [InlineData("extra|--version", "podconf: unknown command \"extra\" for \"podconf\"\nRun 'podconf --help' for usage.\n")]
    [InlineData("--version|extra", "podconf: unknown command \"extra\" for \"podconf\"\nRun 'podconf --help' for usage.\n")]
    [InlineData("--help|valdate", "podconf: unknown command \"valdate\" for \"podconf\"\n\nDid you mean this?\n\tvalidate\n\nRun 'podconf --help' for usage.\n")]
    [InlineData("golden|-h|verfy", "podconf: unknown command \"verfy\" for \"podconf golden\"\n\nDid you mean this?\n\tverify\n\nRun 'podconf golden --help' for usage.\n")]
    public void An_unknown_verb_beside_help_or_version_is_an_unknown_command(string args, string error)
    {
        var r = CliRun.Run(args.Split('|'));
        Assert.Equal(error, r.Error);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal(0, CliRun.Run("--version").ExitCode);
    }
}
