using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Audit;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf audit</c>: compare each observed Pod (from a cluster or a simulator) with what the model derives
/// from its own spec and status; list every disagreement with its rule; exit 1 if any.
/// </summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new InputOptions();
        var now = new Option<string?>("--now") { Description = "The clock for condition timestamps (RFC 3339); default: now", HelpName = "RFC3339" };
        var output = new OutputFlags("table", "table, json, yaml, junit or tap (as kubeconform)", "table", "json", "yaml", "junit", "tap");
        var summary = FileOption.Summary();
        var common = new CommonOptions();
        var command = new Command("audit", "Check observed Pods against the model: QoS class, phase, kubelet conditions, container status invariants.");
        files.AddTo(command);
        command.Options.Add(now);
        output.AddTo(command);
        command.Options.Add(summary);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var clock = StatusCommand.ParseNow(result.GetValue(now));
            var input = files.Load(result, console, "audit", profile.Version);
            var format = output.Read(result);
            if (input.Pods.Count == 0 && format.Name == "table")
            {
                return ExitCodes.UsageOrInput; // every document had errors (listed above): print no empty table
            }

            var results = new List<ResourceResult>();
            int noStatus = 0; // pods with nothing to audit: skipped resources in the summary, as objects that are not pods are
            foreach (var loaded in input.Pods)
            {
                string who = PodInput.Namespace(loaded) + "/" + PodInput.DisplayName(loaded);
                if (loaded.Pod.Status is null)
                {
                    console.Error.Write($"podconf: warning: {PodInput.Where(loaded)}: pod {who} has no status; nothing to audit\n");
                    noStatus++;
                    continue;
                }

                var findings = new List<LocatedFinding>();
                foreach (var f in PodAudit.Check(loaded.Pod, profile, clock))
                {
                    findings.Add(new LocatedFinding(f.Field, $"{f.Field}: observed {f.Observed}, the model says {f.Expected}: {f.Explanation}", f.Rule, loaded.File, input.Locate(loaded, f.Field))
                    {
                        Extra = [("observed", f.Observed), ("expected", f.Expected), ("explanation", f.Explanation)],
                    });
                }

                results.Add(new ResourceResult(loaded.File, loaded.Position, "Pod", PodInput.Namespace(loaded), loaded.Pod.Metadata.Name, findings.Count == 0,
                    findings.Count == 0 ? "" : $"{findings.Count} disagreement(s) with the model", findings));
            }

            bool agree = results.All(r => r.Passed);
            if (format.Name == "table")
            {
                if (agree)
                {
                    console.Out.Write($"{results.Count} pod(s) agree with the model\n");
                }
                else
                {
                    var table = new TabTable();
                    table.Add("LOCATION", "POD", "RULE", "FIELD", "OBSERVED", "MODEL", "WHY");
                    foreach (var r in results)
                    {
                        foreach (var f in r.Findings)
                        {
                            table.Add(f.Where, r.Namespace + "/" + (r.Name.Length == 0 ? "<none>" : r.Name), f.Rule, f.Field, f.Extra[0].Value, f.Extra[1].Value, f.Extra[2].Value);
                        }
                    }

                    table.WriteTo(console.Out, format.NoHeaders);
                }

                if (result.GetValue(summary))
                {
                    console.Out.Write(ResourceResultsOutput.SummaryLine(ResourceResultsOutput.Count(results, input.Files, input.ErrorCount, input.Skipped + noStatus), input.StdinOnly));
                }
            }
            else
            {
                ValidateCommand.Print(console, format, results, input, result.GetValue(summary), "podconf audit", (_, _) => { }, noStatus);
            }

            return input.Combine(agree ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }
}
