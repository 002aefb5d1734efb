using System.CommandLine;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf help [VERB…]</c>: a verb's help, as cobra's own <c>help</c> command gives every kubectl-style tool
/// (<c>kubectl help get</c>; spf13/cobra command.go <c>InitDefaultHelpCmd</c>): the same text as <c>podconf VERB --help</c>.
/// </summary>
/// <remarks>
/// cobra answers an unknown topic with <c>Unknown help topic [`x`]</c> and the root's usage, exit 0; podconf prints that
/// line as a usage error and exits 2, its code for bad input.
/// </remarks>
public static class HelpCommand
{
    public static Command Create(CliConsole console)
    {
        var topic = new Argument<string[]>("VERB") { Description = "The verb (and subverb) to describe, e.g. validate, golden verify", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Help about any command (as podconf VERB --help)");
        command.Arguments.Add(topic);
        command.SetAction(result =>
        {
            string[] words = result.GetValue(topic) ?? [];
            Command at = result.RootCommandResult.Command;
            foreach (string word in words)
            {
                if (at.Subcommands.FirstOrDefault(c => c.Name == word) is not { } sub)
                {
                    console.Error.Write("podconf: Unknown help topic [" + string.Join(" ", words.Select(w => "`" + w + "`")) + "]\nRun 'podconf --help' for usage.\n");
                    return ExitCodes.UsageOrInput;
                }

                at = sub;
            }

            return Podconf.Run([.. words, "--help"], console);
        });
        return command;
    }
}
