using System.Text.RegularExpressions;
using PodConformance.Adapters.Process;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests;

/// <summary>
/// The README cannot rot (issue 13 item 5): every command of its fenced blocks and of its "Verify your simulator"
/// table runs here (in-process) or, where it needs what a test cannot have (the packages, a cluster, podman, the whole
/// test suite), is parsed here and found verbatim in the script CI runs; every printed output is what the command
/// prints now; the C# example is the compiled and tested file; its figures are the sources' own.
/// </summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.Path("README.md"));

    /// <summary>Fenced blocks as (language, lines).</summary>
    private static List<(string Lang, List<string> Lines)> Blocks(string markdown)
    {
        var blocks = new List<(string, List<string>)>();
        List<string>? current = null;
        string lang = "";
        foreach (string line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    lang = line[3..].Trim();
                    current = [];
                }
                else
                {
                    blocks.Add((lang, current));
                    current = null;
                }

                continue;
            }

            current?.Add(line);
        }

        return blocks;
    }

    /// <summary>
    /// The command's arguments, with paths into the repository made absolute: the README's commands run from a clone's
    /// root, the tests from their output directory (outputs are compared with the root taken out again).
    /// </summary>
    private static string[] Args(string commandLine)
    {
        var words = CommandLine.Split(commandLine);
        int skip = words[0] == "podconf" ? 1 : words.TakeWhile(w => w != "--").Count() + 1; // dotnet run --project … -- VERB
        return [.. words.Skip(skip).Select(w => Regex.Replace(w, @"(^|[ :])((golden|tests|spec)/)", m => m.Groups[1].Value + Repo.Root + "/" + m.Groups[2].Value))];
    }

    private static string Relative(string output) => output.Replace(Repo.Root + "/", "", StringComparison.Ordinal);

    /// <summary>
    /// <c>podconf …</c>, or <c>dotnet run --project src/PodConformance.Cli [-v m] -- …</c> (the README's first command shows
    /// restore and build progress with <c>-v m</c>: <c>dotnet run</c> alone is silent until the build ends).
    /// </summary>
    private static bool IsPodconf(string line) =>
        line.StartsWith("podconf ", StringComparison.Ordinal) || Regex.IsMatch(line, "^dotnet run --project src/PodConformance.Cli (-v m )?-- ");

    /// <summary>A command line without its trailing "# comment".</summary>
    private static string Command(string line)
    {
        int hash = line.IndexOf("  #", StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    [Fact]
    public void Every_printed_output_is_what_the_command_prints()
    {
        int checkedBlocks = 0;
        foreach (var (lang, lines) in Blocks(Readme))
        {
            if (lang != "text" || lines.Count == 0 || !lines[0].StartsWith("$ podconf ", StringComparison.Ordinal))
            {
                continue;
            }

            var r = CliRun.Run(Args(lines[0][2..]));
            string shown = string.Join("\n", lines.Skip(1)) + "\n";
            Assert.True(r.ExitCode == 0, lines[0] + ": exit " + r.ExitCode + "\n" + r.Error);
            Assert.Equal(shown, Relative(r.Out + r.Error));
            checkedBlocks++;
        }

        Assert.True(checkedBlocks >= 3, "the README's quantity, explain and simulate examples");
    }

    [Fact]
    public void Every_fenced_command_runs_here_or_in_the_script_CI_runs()
    {
        string ciRun = File.ReadAllText(Repo.Path(".ci", "run"));
        string pack = File.ReadAllText(Repo.Path(".ci", "pack.sh"));
        string workflow = File.ReadAllText(Repo.Path(".github", "workflows", "ci.yml"));
        Assert.Contains("bash .ci/run", workflow, StringComparison.Ordinal);
        Assert.Contains("bash .ci/pack.sh", workflow, StringComparison.Ordinal);
        int commands = 0;
        foreach (var (lang, lines) in Blocks(Readme))
        {
            if (lang != "sh")
            {
                continue;
            }

            foreach (string raw in lines)
            {
                string line = Command(raw);
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                commands++;
                if (IsPodconf(line))
                {
                    Assert.True(!line.StartsWith("dotnet run", StringComparison.Ordinal) || line.Contains(" -v m ", StringComparison.Ordinal), line + ": without -v m, dotnet run prints nothing while it restores and builds");
                    var r = CliRun.Run(Args(line));
                    Assert.True(r.ExitCode == 0, line + ": exit " + r.ExitCode + "\n" + r.Error);
                }
                else if (line == "dotnet test PodConformance.sln")
                {
                    Assert.Contains(line, ciRun, StringComparison.Ordinal);
                }
                else
                {
                    // Packing and installing: .ci/pack.sh runs these lines as written (CI runs pack.sh).
                    Assert.True(line == ".ci/pack.sh" || pack.Contains(line, StringComparison.Ordinal), line + " is not run by .ci/pack.sh");
                }
            }
        }

        Assert.True(commands >= 5);
    }

    [Fact]
    public void The_verify_table_commands_parse_and_those_that_can_run_here_do()
    {
        var section = Readme[Readme.IndexOf("## Verify your simulator or cluster", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n\n", section.IndexOf("| target", StringComparison.Ordinal), StringComparison.Ordinal)];
        var commands = Regex.Matches(section, @"^\| [^|]+ \| `(podconf [^`]+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, commands.Count);
        var root = Podconf.BuildRoot(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false));
        foreach (string command in commands)
        {
            var parsed = root.Parse(Args(command));
            Assert.True(parsed.Errors.Count == 0, command + ": " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
            if (command.Contains("--adapter cluster", StringComparison.Ordinal) || command.Contains("--adapter podman", StringComparison.Ordinal))
            {
                continue; // a cluster (.github/workflows/cluster.yml) or podman (the podman adapter's tests) is needed
            }

            if (command.Contains("client-node-adapter", StringComparison.Ordinal) || command.Contains("python-kubernetes-adapter", StringComparison.Ordinal))
            {
                continue; // client libraries installed by .ci/setup-clients.sh: ClientLibraryAdapterTests run these (or say why not)
            }

            if (command.Contains("python3", StringComparison.Ordinal) && !OnPath("python3"))
            {
                continue;
            }

            if (command == "podconf run")
            {
                continue; // the fenced blocks' first command, run above
            }

            // As printed, at 10 cases per property: the full budget is the adapters' own tests' business.
            var r = CliRun.Run([.. Args(command), "--count", "10"]);
            Assert.True(r.ExitCode is 0 or 1, command + ": exit " + r.ExitCode + "\n" + r.Error); // 1: the adapter differs, as documented
            Assert.Contains("PROPERTY", r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_csharp_example_is_the_compiled_and_tested_file()
    {
        string example = File.ReadAllText(Repo.Path("tests", "PodConformance.Testing.Tests", "Examples", "MySimulatorConformance.cs"));
        var csharp = Blocks(Readme).Where(b => b.Lang == "csharp").ToList();
        Assert.Single(csharp);
        Assert.Equal(example, string.Join("\n", csharp[0].Lines) + "\n");
        var package = Blocks(File.ReadAllText(Repo.Path("src", "PodConformance.Testing", "README.md"))).Single(b => b.Lang == "csharp");
        Assert.Equal(example, string.Join("\n", package.Lines) + "\n");
    }

    [Fact]
    public void Figures_are_the_sources_own()
    {
        int runnable = Suite.Rules.Catalog.All.Count(p => p.Pending is null);
        Assert.Contains($"The default `podconf run` runs {runnable} properties × 100 cases", Readme, StringComparison.Ordinal);

        // The quantity benchmark table: Mean and Allocated of the last recorded run in spec/guides/performance-quantity.md.
        string guide = File.ReadAllText(Repo.Path("spec", "guides", "performance-quantity.md"));
        var rows = Regex.Matches(Readme, @"^\| (Ours_\w+|KubernetesClient_\w+) +\| +([0-9.,]+ ns) \| +([0-9]+ B|-) \|", RegexOptions.Multiline);
        Assert.Equal(4, rows.Count);
        foreach (Match m in rows)
        {
            string recorded = guide.Split('\n').Last(l => l.StartsWith("| " + m.Groups[1].Value + " ", StringComparison.Ordinal));
            Assert.Matches(@"\| +" + Regex.Escape(m.Groups[2].Value) + @" \|", recorded);
            Assert.Matches(@"\| +" + Regex.Escape(m.Groups[3].Value) + @" \| +[0-9.]+ \|$", recorded);
        }
    }

    /// <summary>
    /// Relative links of every Markdown file in the repository (README, spec, guides, golden, examples) lead to files that
    /// exist; fenced blocks and code spans are not links.
    /// </summary>
    [Fact]
    public void Every_relative_link_in_the_repositorys_markdown_leads_to_a_file()
    {
        var skip = new[] { "bin", "obj", "node_modules", ".git" };
        var files = Directory.EnumerateFiles(Repo.Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Repo.Root, f).Split(Path.DirectorySeparatorChar).Any(part => skip.Contains(part))).ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("spec", "guides", "run.md"), StringComparison.Ordinal));
        var broken = new List<string>();
        int links = 0;
        foreach (string file in files)
        {
            string text = Regex.Replace(File.ReadAllText(file), "```.*?```", "", RegexOptions.Singleline);
            text = Regex.Replace(text, "`[^`\n]*`", "");
            string dir = Path.GetDirectoryName(file)!;
            // A target with brackets or a star is a regular expression in prose that a code span did not hold, not a path.
            foreach (Match link in Regex.Matches(text, @"\]\(([^)#:\s\[\]*]+)(#[^)]*)?\)"))
            {
                links++;
                string target = Path.GetFullPath(Path.Combine(dir, link.Groups[1].Value));
                if (!File.Exists(target) && !Directory.Exists(target))
                {
                    broken.Add(Path.GetRelativePath(Repo.Root, file) + " links to " + link.Groups[1].Value + ", which does not exist");
                }
            }
        }

        Assert.True(links > 50, "only " + links + " links found: the scan is broken");
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    /// <summary>The example adapter's README says it prints 1000E as 1e21 where Kubernetes prints 1: still true.</summary>
    [Fact]
    public async Task The_python_examples_documented_difference_is_real()
    {
        if (!OnPath("python3"))
        {
            return; // the adapter's own tests report the skip
        }

        await using var adapter = new ProcessAdapter(["python3", Repo.Path("tests", "examples", "python-adapter", "adapter.py")]);
        var profile = Model.Profiles.Profile.Default;
        var theirs = await adapter.RunAsync(new Suite.Cases.QuantityCase("1000E"), profile, CancellationToken.None);
        var model = Suite.Adapters.ModelAdapter.Run(new Suite.Cases.QuantityCase("1000E"), profile);
        Assert.Equal("1e21", theirs.Quantity!.String);
        Assert.Equal("1", model.Quantity!.String);
        Assert.Contains("`1000E`, which Kubernetes 1.28–1.37 print as `1`", File.ReadAllText(Repo.Path("tests", "examples", "python-adapter", "README.md")), StringComparison.Ordinal);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));
}
