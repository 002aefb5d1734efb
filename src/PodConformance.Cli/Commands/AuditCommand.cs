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
        var files = FileOption.Create();
        var now = new Option<string?>("--now") { Description = "The clock for condition timestamps (RFC 3339); default: now", HelpName = "RFC3339" };
        var output = new Option<string>("--output", "-o") { Description = "table or json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var common = new CommonOptions();
        var command = new Command("audit", "Check observed Pods against the model: QoS class, phase, kubelet conditions, container status invariants.");
        command.Options.Add(files);
        command.Options.Add(now);
        command.Options.Add(output);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var clock = StatusCommand.ParseNow(result.GetValue(now));
            var input = PodInput.Load(result.GetValue(files), console, "audit", profile.Version);
            if (input.Pods.Count == 0)
            {
                return ExitCodes.UsageOrInput; // every document had errors (listed above): print no empty table
            }

            var all = new List<(string Pod, AuditFinding Finding)>();
            foreach (var loaded in input.Pods)
            {
                string who = PodInput.Namespace(loaded) + "/" + PodInput.DisplayName(loaded);
                if (loaded.Pod.Status is null)
                {
                    console.Error.Write($"podconf: warning: {loaded.File}: pod {who} has no status; nothing to audit\n");
                    continue;
                }

                foreach (var f in PodAudit.Check(loaded.Pod, profile, clock))
                {
                    all.Add((who, f));
                }
            }

            if (result.GetValue(output) == "json")
            {
                console.Out.Write(Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (pod, f) in all)
                    {
                        w.WriteStartObject();
                        w.WriteString("pod", pod);
                        w.WriteString("rule", f.Rule);
                        w.WriteString("field", f.Field);
                        w.WriteString("observed", f.Observed);
                        w.WriteString("expected", f.Expected);
                        w.WriteString("explanation", f.Explanation);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }));
            }
            else if (all.Count == 0)
            {
                console.Out.Write($"{input.Pods.Count} pod(s) agree with the model\n");
            }
            else
            {
                var table = new TabTable();
                table.Add("POD", "RULE", "FIELD", "OBSERVED", "MODEL", "WHY");
                foreach (var (pod, f) in all)
                {
                    table.Add(pod, f.Rule, f.Field, f.Observed, f.Expected, f.Explanation);
                }

                table.WriteTo(console.Out);
            }

            return input.Combine(all.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }
}
