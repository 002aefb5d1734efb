using System.CommandLine;
using System.Globalization;
using PodConformance.Adapters.Cluster;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Time;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Running;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf run</c>: the property catalogue against an adapter with the model as oracle. Exit 0 when every
/// result is as expected (passes, expected failures, skips), 1 otherwise, 2 for usage errors.
/// </summary>
public static class RunCommand
{
    /// <summary>The largest --count: properties run up to ten times it (their weight), which must stay an int.</summary>
    public const int MaxCount = 1_000_000;

    public static Command Create(CliConsole console)
    {
        var adapter = new Option<string>("--adapter") { Description = "What to check: " + string.Join(", ", AdapterFactory.Known), DefaultValueFactory = _ => "model", HelpName = "adapter" };
        var seed = new Option<string?>("--seed") { Description = $"Seed for the generated cases (default {RunOptions.DefaultSeed})", HelpName = "N" };
        var count = new Option<int>("--count") { Description = "Cases per property (slow properties run a tenth)", DefaultValueFactory = _ => RunOptions.DefaultCount, HelpName = "N" }.AsPflagInt();
        var rules = new Option<string?>("--rules") { Description = "Comma-separated globs over property IDs and spec IDs: P-QTY-*, QOS-*, PHASE-00?", HelpName = "GLOB" };
        var tolerance = new Option<string?>("--tolerance") { Description = "How far timings may differ from the model's (Go duration, default 0s)", HelpName = "DURATION" };
        var expectations = new Option<string?>("--expectations") { Description = "Expectations file (JSON): known failures of this adapter", HelpName = "FILE" };
        var update = new Option<bool>("--update-expectations") { Description = "Write the current failures to the --expectations file" };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report", HelpName = "FILE" };
        var report = new Option<string?>("--report") { Description = "Write a JSON run report", HelpName = "FILE" };
        var markdown = new Option<string?>("--markdown") { Description = "Write a Markdown summary (for CI step summaries)", HelpName = "FILE" };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report (lifecycle failures drawn as timelines)", HelpName = "FILE" };
        var timings = new Option<bool?>("--timings") { Description = "Elapsed times in every report (they then differ run to run); --junit has them unless --timings=false" };
        var list = new Option<bool>("--list") { Description = "List the properties the run would check (after --rules and --shard), with their case budgets; run nothing" };
        var repeat = new Option<int>("--repeat") { Description = "Run each property's cases N times: a property whose repeats differ fails as flaky", DefaultValueFactory = _ => 1, HelpName = "N" }.AsPflagInt();
        var shard = new Option<string?>("--shard") { Description = "Run part i of n of the selected properties (dealt round-robin; the n parts together are the whole run, same results)", HelpName = "i/n" };
        var withhold = new Option<bool>("--withhold-secrets") { Description = "Send a process adapter stand-ins instead of Secret values (env is compared masked, so a correct adapter answers the same): check an untrusted simulator without handing it secrets" };
        var coverage = new Option<bool>("--coverage") { Description = "Report how many cases exercised each spec rule (and branch) each property checks" };
        var common = new CommonOptions();
        var command = new Command("run", "Run the conformance properties against an adapter, with the model as oracle.");
        foreach (Option o in new Option[] { adapter, seed, count, rules, tolerance, expectations, update, junit, report, markdown, html, timings, coverage, withhold, list, repeat, shard })
        {
            command.Options.Add(o);
        }

        common.AddTo(command);
        var clusterOptions = new ClusterOptionsBinding();
        clusterOptions.AddTo(command);
        command.SetAction(result =>
        {
            var options = new RunOptions
            {
                Seed = ReadSeed(result.GetValue(seed)),
                Count = result.GetValue(count) is int n and > 0 and <= MaxCount ? n : throw new UserInputException("--count: must be a number of cases from 1 to " + MaxCount.ToString(CultureInfo.InvariantCulture)),
                Rules = result.GetValue(rules),
                Profile = common.ReadProfile(result),
                Tolerance = ReadTolerance(result.GetValue(tolerance)),
                Coverage = result.GetValue(coverage),
                Repeat = result.GetValue(repeat) is int k and > 0 ? k : throw new UserInputException("--repeat: must be a positive number of repeats"),
            };
            int selected = SuiteRun.Select(options).Count;
            if (selected == 0)
            {
                throw new UserInputException("--rules: \"" + options.Rules + "\" matches no property or spec rule");
            }

            if (result.GetValue(shard) is { } shardText)
            {
                options = options with { Shard = Shard.Parse(shardText, out string shardError) ?? throw new UserInputException("--shard: " + shardError) };
                if (SuiteRun.Select(options).Count == 0)
                {
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--shard: {options.Shard} holds no property: the run selects {selected}, so use at most {selected} shards"));
                }
            }

            if (result.GetValue(list))
            {
                console.Out.Write(List(options));
                return ExitCodes.Ok;
            }

            string? expectationsPath = result.GetValue(expectations);
            bool updating = result.GetValue(update);
            if (updating && expectationsPath is null)
            {
                throw new UserInputException("--update-expectations: needs --expectations FILE to write");
            }

            // An empty file name (an unset shell variable) is refused before the run, not by an internal error after it.
            foreach (var fileOption in new[] { expectations, junit, report, markdown, html })
            {
                if (result.GetValue(fileOption) is { Length: 0 })
                {
                    throw new UserInputException(fileOption.Name + ": " + InputFile.EmptyName);
                }
            }

            // So is a report file that could not be written (no such directory, not writable): before the run, not after it.
            foreach (var fileOption in updating ? new[] { expectations, junit, report, markdown, html } : [junit, report, markdown, html])
            {
                if (result.GetValue(fileOption) is { } outputPath)
                {
                    OutputFile.CheckWritable(fileOption.Name, outputPath);
                }
            }

            var known = Expectations.None;
            if (expectationsPath is not null && (!updating || File.Exists(expectationsPath)))
            {
                try
                {
                    known = Expectations.Read(expectationsPath);
                }
                catch (ExpectationsException e)
                {
                    throw new UserInputException(e.Message);
                }
            }

            string adapterSpec = result.GetValue(adapter) ?? "model";
            IConformanceAdapter target;
            if (adapterSpec == "cluster")
            {
                if (result.GetValue(withhold))
                {
                    throw new UserInputException("--withhold-secrets: applies to process adapters only (got --adapter cluster)");
                }

                // A live cluster: its own options, and the profile of the server's release unless one was given.
                ClusterAdapter cluster;
                try
                {
                    cluster = ClusterAdapter.Create(clusterOptions.Read(result, line => console.Error.Write("podconf: " + line + "\n")));
                }
                catch (ClusterSafetyException e)
                {
                    throw new UserInputException(e.Message);
                }

                if (result.GetValue(common.KubernetesVersion) is null)
                {
                    try
                    {
                        options = options with { Profile = cluster.DetectProfileAsync(CancellationToken.None).GetAwaiter().GetResult() };
                    }
                    catch (Exception e) when (RetryPolicy.IsClusterFailure(e))
                    {
                        cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
                        console.Error.Write("podconf: cannot read the cluster's version: " + RetryPolicy.Describe(e) + "\n");
                        return ExitCodes.CheckFailed;
                    }
                }

                target = cluster;
            }
            else
            {
                // The header before the adapter is created: podman's environment check and kubernetes-client's warm-up
                // take seconds, and a run must say what it is doing at once (issue 13: first output within 2 s). The
                // adapter's own name follows when it says more than --adapter did (kubernetes-client:VERSION).
                var settings = new AdapterSettings { WithholdSecrets = result.GetValue(withhold) };
                AdapterFactory.Validate(adapterSpec, settings);
                console.Out.Write(ConsoleReport.Header(adapterSpec, options.Profile, options));
                console.Out.Flush();
                target = AdapterFactory.Create(adapterSpec, settings);
                if (target.Name != adapterSpec)
                {
                    console.Out.Write("adapter: " + Model.Printing.Printable.Escape(target.Name) + "\n\n");
                }
            }

            if (adapterSpec == "cluster")
            {
                // The cluster's header waits for its release (the profile), read from the server above.
                console.Out.Write(ConsoleReport.Header(target.Name, options.Profile, options));
            }

            console.Out.Flush();
            var progress = RunProgress.For(console);
            foreach (string warning in known.Warnings)
            {
                console.Error.Write("podconf: warning: " + warning + "\n");
            }

            // Updating collects every signature of every property, as a run under the updated file will see them.
            var runExpectations = updating ? Expectations.CollectingAll(known.Adapter, SuiteRun.Select(options)) : known;
            RunReport run;
            using (Interruption.OnInterrupt(target.DisposeAsync, console.Error))
            {
                try
                {
                    run = SuiteRun.Execute(target, options, runExpectations, progress);
                }
                finally
                {
                    progress?.Clear();
                    target.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }

            if (updating)
            {
                var updated = known.Update(run);
                Write(expectationsPath!, updated.ToJson());
                console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"podconf: wrote {updated.Items.Count} expectation(s) to {expectationsPath}\n"));
                run = run with { Results = run.Results.Select(updated.Relabel).ToList() };
            }

            bool? timingsAsked = result.GetValue(timings);
            bool withTimings = timingsAsked == true;
            console.Out.Write(ConsoleReport.Render(run, withTimings, header: false));
            if (result.GetValue(junit) is { } junitPath)
            {
                // JUnit carries times unless refused: CI test tabs and their history are built on them.
                Write(junitPath, JUnitReport.Render(run, timingsAsked ?? true));
            }

            if (result.GetValue(report) is { } reportPath)
            {
                Write(reportPath, JsonReport.Render(run, withTimings));
            }

            if (result.GetValue(markdown) is { } markdownPath)
            {
                Write(markdownPath, MarkdownReport.Render(run));
            }

            if (result.GetValue(html) is { } htmlPath)
            {
                Write(htmlPath, HtmlReport.Render(run, withTimings, SpecBase()));
            }

            return run.AsExpected ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    /// <summary><c>--list</c>: the properties a run would check, in run order, with the cases each would take.</summary>
    private static string List(RunOptions options)
    {
        var rows = new List<string[]> { new[] { "PROPERTY", "CASES", "SPEC", "TITLE" } };
        foreach (var p in SuiteRun.Select(options))
        {
            string cases = p.Pending is null ? (options.CountFor(p) * options.Repeat).ToString(CultureInfo.InvariantCulture) : "pending";
            rows.Add([p.Id, cases, p.Spec, p.Title]);
        }

        return new Model.Printing.KubectlTabWriter().Flush(rows);
    }

    internal static ulong ReadSeed(string? text)
    {
        if (text is null)
        {
            return RunOptions.DefaultSeed;
        }

        // As myths --seed and every number flag (pflag's Uint64Var: Go's strconv.ParseUint(s, 0, 64) and its words), so
        // the three verbs' --seed read and refuse alike; "not a non-negative integer" also named a seed past 2^64-1.
        return Input.IntegerFlag.TryParseUint(text, out ulong s, out string? error)
            ? s
            : throw new UserInputException("invalid argument " + Model.Validation.GoQuote.Quote(text) + " for \"--seed\" flag: " + error);
    }

    private static TimeSpan ReadTolerance(string? text)
    {
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        if (!GoDuration.TryParse(text, out var t, out string error))
        {
            throw new UserInputException("--tolerance: " + error);
        }

        return t >= TimeSpan.Zero ? t : throw new UserInputException("--tolerance: must not be negative");
    }

    /// <summary>
    /// Spec files link to the project's repository (absolute: a report kept as a CI artifact or mailed still links
    /// right; a path relative to a clone did not), or are named without links when the build carries no repository URL.
    /// </summary>
    private static string? SpecBase()
    {
        string? url = typeof(RunCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "PodConformance.RepositoryUrl")?.Value;
        return string.IsNullOrEmpty(url) ? null : url + "/blob/main/";
    }

    private static void Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UserInputException(path + ": cannot write: " + e.Message);
        }
    }
}
