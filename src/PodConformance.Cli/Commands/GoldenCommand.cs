using System.CommandLine;
using System.Globalization;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Golden;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf golden update</c> regenerates <c>golden/</c> from fixed seeds and the tutorial's inputs and says
/// what changed; <c>podconf golden verify</c> replays the committed cases against an adapter and prints a
/// pass/fail table (exit 1 on any failure).
/// </summary>
public static class GoldenCommand
{
    public const string DefaultDir = "golden";

    public static Command Create(CliConsole console)
    {
        var command = new Command("golden", "Golden cases: regenerate them from the model, or replay them against an adapter.");
        command.Subcommands.Add(Update(console));
        command.Subcommands.Add(Verify(console));
        return command;
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = "The golden directory (default: golden)",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultDir,
    };

    /// <summary>
    /// Where <c>golden verify</c> reads when no <c>--dir</c> is given: <c>golden/</c> here (a clone), else the copy the
    /// tool carries beside itself (an installed tool, run anywhere); null when neither exists.
    /// </summary>
    internal static string? DefaultVerifyDir(string currentDirectory, string toolDirectory)
    {
        if (Directory.Exists(Path.Combine(currentDirectory, DefaultDir)))
        {
            return DefaultDir;
        }

        string bundled = Path.Combine(toolDirectory, DefaultDir);
        return Directory.Exists(bundled) ? bundled : null;
    }

    private static Command Update(CliConsole console)
    {
        var dir = DirOption();
        var command = new Command("update", "Regenerate every golden case from the model and print what changed.");
        command.Options.Add(dir);
        command.SetAction(result =>
        {
            string target = RequireDir(result.GetValue(dir)!, mustExist: false);
            var store = new GoldenStore(target);
            IReadOnlyList<(string Path, GoldenChange Change)> changes;
            try
            {
                changes = store.Update();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException("--dir: cannot write " + target + ": " + e.Message);
            }

            int changed = 0;
            foreach (var (path, change) in changes)
            {
                if (change != GoldenChange.Unchanged)
                {
                    changed++;
                    console.Out.Write(Verb(change) + " " + path + "\n");
                }
            }

            console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{changes.Count(c => c.Change != GoldenChange.Removed)} cases, {changed} changed\n"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var dir = DirOption();
        var adapterOption = new Option<string>("--adapter")
        {
            Description = "The adapter to replay against: model, process:CMD, kubernetes-client, …",
            HelpName = "NAME",
            DefaultValueFactory = _ => "model",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the diff of every failing case" };
        var noHeaders = new Option<bool>("--no-headers") { Description = "Print the table without its header row (as kubectl --no-headers)" };
        var command = new Command("verify", "Replay the committed golden cases against an adapter and print a pass/fail table.");
        command.Options.Add(dir);
        command.Options.Add(adapterOption);
        command.Options.Add(verbose);
        command.Options.Add(noHeaders);
        command.SetAction(result =>
        {
            string? path = result.GetResult(dir) is { Implicit: false } ? result.GetValue(dir) : DefaultVerifyDir(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            if (path is null)
            {
                throw new UserInputException("golden verify: no golden/ directory here and none installed with podconf; run it in a clone, or pass --dir DIR");
            }

            if (path != DefaultDir && result.GetResult(dir) is not { Implicit: false })
            {
                console.Error.Write("podconf: no golden/ here: replaying the cases installed with podconf (" + path + ")\n");
            }

            var store = new GoldenStore(RequireDir(path, mustExist: true));
            string name = result.GetValue(adapterOption)!;
            var adapter = AdapterFactory.Create(name);
            IReadOnlyList<GoldenVerdict> verdicts;
            try
            {
                verdicts = GoldenVerifier.VerifyAsync(store, adapter).GetAwaiter().GetResult();
            }
            finally
            {
                adapter.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            var table = new Output.TabTable();
            table.Add("CASE", "PROFILE", "FACETS", "RESULT", "FIRST DIFFERENCE");
            foreach (var v in verdicts)
            {
                table.Add(v.Id, v.Profile, v.Facets.Count == 0 ? "-" : string.Join(",", v.Facets), v.Outcome, v.Diff.Equal ? "" : v.Diff.FirstPath);
            }

            table.WriteTo(console.Out, result.GetValue(noHeaders));
            if (result.GetValue(verbose))
            {
                foreach (var v in verdicts.Where(v => v.Outcome == GoldenVerdict.Fail))
                {
                    console.Out.Write("\n" + v.Diff.Text);
                }
            }

            int failed = verdicts.Count(v => v.Outcome == GoldenVerdict.Fail);
            int passed = verdicts.Count(v => v.Outcome == GoldenVerdict.Pass);
            int skipped = verdicts.Count(v => v.Outcome == GoldenVerdict.Skip);
            console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{adapter.Name}: {passed} passed, {failed} failed, {skipped} skipped\n"));
            return failed == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static string RequireDir(string dir, bool mustExist)
    {
        if (File.Exists(dir))
        {
            throw new UserInputException("--dir: not a directory: " + dir);
        }

        if (mustExist && !Directory.Exists(dir))
        {
            throw new UserInputException("--dir: no such directory: " + dir);
        }

        return dir;
    }

    private static string Verb(GoldenChange change) => change switch
    {
        GoldenChange.Added => "added  ",
        GoldenChange.Changed => "changed",
        GoldenChange.Removed => "removed",
        _ => "       ",
    };
}
