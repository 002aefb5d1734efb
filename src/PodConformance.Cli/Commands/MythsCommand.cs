using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Suite.Myths;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf myths</c>: claims from the tutorial and common lore, each checked by search at run time — true
/// within the budget, or refuted with the smallest counterexample found and the rule that explains it.
/// </summary>
public static class MythsCommand
{
    public const ulong DefaultSeed = 20261124;

    public static Command Create(CliConsole console)
    {
        var seed = new Option<ulong>("--seed") { Description = "Search seed (same seed, same counterexamples)", DefaultValueFactory = _ => DefaultSeed }.AsPflagUint64();
        var count = new Option<int>("--count") { Description = "Cases to try per claim", DefaultValueFactory = _ => 200 }.AsPflagInt();
        var only = new Option<string?>("--myth") { Description = "Check one claim by id", HelpName = "ID" };
        var output = new OutputFlags("text", "text, json, yaml or jsonpath=TEMPLATE", "text", "json", "yaml", "jsonpath");
        var common = new CommonOptions();
        var command = new Command("myths", "Check claims about Pods from the tutorial and common lore against the model, by search.");
        command.Options.Add(seed);
        command.Options.Add(count);
        command.Options.Add(only);
        output.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            int budget = result.GetValue(count);
            if (budget < 1)
            {
                throw new UserInputException("--count must be at least 1");
            }

            var myths = MythCatalog.All(profile).ToList();
            if (result.GetValue(only) is { } id)
            {
                myths = myths.Where(m => m.Id == id).ToList();
                if (myths.Count == 0)
                {
                    throw new UserInputException($"--myth: no claim \"{id}\"; known: {string.Join(", ", MythCatalog.All(profile).Select(m => m.Id))}");
                }
            }

            ulong s = result.GetValue(seed);
            var verdicts = myths.Select(m => (Myth: m, Verdict: m.Check(s, budget))).ToList();
            if (format.IsData)
            {
                console.Out.Write(ObjectOutput.PrintDocument(format, Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (m, v) in verdicts)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", m.Id);
                        w.WriteString("claim", m.Claim);
                        w.WriteString("source", m.Source);
                        w.WriteString("verdict", v.Refuted ? "refuted" : "holds");
                        w.WriteNumber("casesTried", v.CasesTried);
                        w.WriteNumber("shrinks", v.Shrinks);
                        w.WriteString("counterexample", v.Counterexample);
                        w.WriteString("explanation", v.Explanation);
                        w.WriteStartArray("rules");
                        foreach (string r in m.Rules)
                        {
                            w.WriteStringValue(r);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                })));
            }
            else
            {
                var sb = new StringBuilder();
                foreach (var (m, v) in verdicts)
                {
                    sb.Append(v.Refuted ? "REFUTED  " : "HOLDS    ").Append(m.Claim).Append('\n');
                    sb.Append("         ").Append(m.Id).Append(" — ").Append(m.Source).Append("; rules ").Append(string.Join(", ", m.Rules)).Append('\n');
                    if (v.Refuted)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"         smallest counterexample (case {v.CasesTried}, {v.Shrinks} shrinks):\n");
                        foreach (string line in v.Counterexample.TrimEnd('\n').Split('\n'))
                        {
                            sb.Append("           ").Append(line).Append('\n');
                        }

                        sb.Append("         why: ").Append(v.Explanation).Append('\n');
                    }
                    else
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"         no counterexample in {v.CasesTried} cases\n");
                    }

                    sb.Append('\n');
                }

                sb.Append(CultureInfo.InvariantCulture, $"seed {s}: replay with podconf myths --seed {s} --count {budget}\n");
                console.Out.Write(sb.ToString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
