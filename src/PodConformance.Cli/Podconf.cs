using System.CommandLine;
using PodConformance.Cli.Commands;

namespace PodConformance.Cli;

/// <summary>The <c>podconf</c> command line: verbs, parsing, and the mapping of failures to exit codes.</summary>
public static class Podconf
{
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console = console with { Out = new Output.EscapingWriter(console.Out), Error = new Output.EscapingWriter(console.Error) };
        // kubectl's --validate takes its value only after '=' (pflag NoOptDefVal), a repeated single-valued flag keeps its
        // last value and shorthands may be grouped (pflag): say so before System.CommandLine reads the arguments.
        var root = BuildRoot(console);
        var read = PflagSyntax.Read(root, Input.FieldValidationOption.KubectlSyntax(args));
        foreach (string warning in read.Warnings)
        {
            console.Error.Write("podconf: warning: " + warning + "\n");
        }

        if (read.Error is not null)
        {
            console.Error.Write(UsageErrors.Flag(read.Command, read.Error) + "See '" + read.CommandPath + " --help' for usage.\n");
            return ExitCodes.UsageOrInput;
        }

        var parsed = root.Parse(read.Args, Parsing);
        if (parsed.UnmatchedTokens.Count == 0 && parsed.Errors.Count > 0 && parsed.CommandResult.Command.Subcommands.Count > 0
            && parsed.Errors.All(e => e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)))
        {
            // `podconf`, `podconf golden`: cobra prints the help of a command that only groups others, and exits 0.
            parsed = root.Parse([.. read.Args, "--help"], Parsing);
        }

        return Dispatch(parsed, console);
    }

    /// <summary>
    /// How podconf's arguments are parsed: every word literally. System.CommandLine's default reads a word <c>@FILE</c> as a
    /// response file and splices in its words; kubectl (pflag) has no response files, so <c>-f @x.yaml</c> names a file
    /// called <c>@x.yaml</c> and <c>quantity @x</c> is the quantity <c>@x</c>.
    /// </summary>
    internal static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>Every verb, bound to <paramref name="console"/>; tests parse commands with it without running them.</summary>
    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("podconf: a property-based conformance suite for Kubernetes Pod semantics, with an executable reference model.");
        root.Subcommands.Add(QuantityCommand.Create(console));
        root.Subcommands.Add(QosCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(SimulateCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        root.Subcommands.Add(MythsCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(EnvCommand.Create(console));
        root.Subcommands.Add(OomScoreCommand.Create(console));
        root.Subcommands.Add(EvictCommand.Create(console));
        root.Subcommands.Add(AdapterCommand.Create(console));
        root.Subcommands.Add(GoldenCommand.Create(console));
        root.Subcommands.Add(ClusterCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(HelpCommand.Create(console));
        return root;
    }

    private static int Dispatch(ParseResult parsed, CliConsole console)
    {
        if (parsed.Errors.Count > 0)
        {
            console.Error.Write(UsageErrors.Describe(parsed));
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UserInputException e)
        {
            console.Error.Write("podconf: " + e.Message + "\n");
            if (e.Message.StartsWith("--", StringComparison.Ordinal) || e.Message.StartsWith("invalid argument ", StringComparison.Ordinal))
            {
                // A flag's value was wrong (in podconf's words or pflag's): point to the verb's help, as kubectl does.
                console.Error.Write("See '" + UsageErrors.CommandPath(parsed.CommandResult) + " --help' for usage.\n");
            }

            return ExitCodes.UsageOrInput;
        }
        catch (PodConformance.Adapters.Process.AdapterStartException e)
        {
            // The --adapter command could not be started: the user's to fix, not a bug.
            console.Error.Write("podconf: --adapter: " + e.Message + "\n");
            return ExitCodes.UsageOrInput;
        }
        catch (PodConformance.Model.Quantities.QuantityRangeException e)
        {
            // Only extreme input gets here (quantities like 9e999999 beside 1e-999999 in one pod): the user's to change.
            console.Error.Write("podconf: the input's resource quantities are out of the model's range: " + e.Message + "\n");
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's fault: one line they can report, no stack trace to wade through.
            console.Error.Write("podconf: internal error (please report it with the input that caused it): " + e.GetType().Name + ": " + e.Message + "\n");
            return ExitCodes.InternalError;
        }
    }
}
