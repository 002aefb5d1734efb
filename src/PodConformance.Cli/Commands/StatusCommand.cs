using System.CommandLine;
using System.Globalization;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Printing;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf status</c>: for Pod objects that carry a status (as <c>kubectl get -o yaml</c> prints them), two things
/// kept apart — (a) the <c>kubectl get</c> row of the object exactly as given, and (b) what the kubelet would derive
/// from the spec and container statuses: phase (a stored terminal phase stays) and conditions.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var now = new Option<string?>("--now") { Description = "The clock for AGE and \"ago\" (RFC 3339, e.g. 2025-01-31T10:10:00Z); default: now", HelpName = "RFC3339" };
        var output = new Option<string>("--output", "-o") { Description = "table, wide or json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "wide", "json");
        var common = new CommonOptions();
        var command = new Command("status", "Print the kubectl get row of Pod objects with status, and the phase and conditions the kubelet would derive.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        command.Options.Add(now);
        command.Options.Add(output);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var clock = ParseNow(result.GetValue(now));
            var input = PodInput.Load(result.GetValue(files), console, "status", profile.Version, result.GetValue(verbose));
            if (input.Pods.Count == 0)
            {
                return ExitCodes.UsageOrInput; // every document had errors (listed above): print no empty table
            }

            var rows = new List<(PodRow Row, Pod Pod, PhaseDecision Phase, PodConditionsResult Conditions)>();
            foreach (var loaded in input.Pods)
            {
                var pod = loaded.Pod;
                var row = PodPrinter.Row(pod, clock);
                var phase = PodPhaseCalculator.DerivePhase(pod, profile);
                var conditions = PodConditionsGenerator.Generate(pod, phase.Phase, SandboxReady(pod), profile, clock);
                rows.Add((row, pod, phase, conditions));
            }

            string mode = result.GetValue(output) ?? "table";
            if (mode == "json")
            {
                console.Out.Write(Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (row, pod, phase, conditions) in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("namespace", pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace);
                        w.WriteString("name", pod.Metadata.Name);
                        w.WriteString("ready", row.Ready);
                        w.WriteString("status", row.Status);
                        w.WriteString("restarts", row.Restarts);
                        w.WriteString("age", row.Age);
                        w.WriteString("ip", row.IP);
                        w.WriteString("node", row.Node);
                        w.WriteString("nominatedNode", row.NominatedNode);
                        w.WriteString("readinessGates", row.ReadinessGates);
                        w.WriteString("phase", phase.Phase);
                        w.WriteStartArray("phaseRules");
                        foreach (string r in phase.Rules)
                        {
                            w.WriteStringValue(r);
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("conditions");
                        foreach (var c in conditions.Conditions)
                        {
                            w.WriteStartObject();
                            w.WriteString("type", c.Type);
                            w.WriteString("status", c.Status);
                            if (c.Reason.Length != 0)
                            {
                                w.WriteString("reason", c.Reason);
                            }

                            if (c.Message.Length != 0)
                            {
                                w.WriteString("message", c.Message);
                            }

                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }));
            }
            else
            {
                bool wide = mode == "wide";
                var podRows = new List<PodRow>(rows.Count);
                foreach (var r in rows)
                {
                    podRows.Add(r.Row);
                }

                console.Out.Write(PodTable.Format(podRows, wide));
                var derived = new TabTable();
                derived.Add("NAME", "DERIVED PHASE", "DERIVED CONDITIONS");
                foreach (var (row, _, phase, conditions) in rows)
                {
                    var cells = new List<string>();
                    foreach (var c in conditions.Conditions)
                    {
                        cells.Add(c.Type + "=" + c.Status);
                    }

                    derived.Add(row.Name, phase.Phase, string.Join(",", cells));
                }

                console.Out.Write("\n");
                derived.WriteTo(console.Out);
            }

            return input.Combine(ExitCodes.Ok);
        });
        return command;
    }

    internal static DateTimeOffset ParseNow(string? text)
    {
        if (text is null)
        {
            return DateTimeOffset.UtcNow;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value.ToUniversalTime();
        }

        throw new UserInputException($"--now: invalid RFC 3339 time \"{text}\" (e.g. 2025-01-31T10:10:00Z)");
    }

    /// <summary>A stored object does not say whether the sandbox is up; its own condition, else a pod IP, tells.</summary>
    internal static bool SandboxReady(Pod pod)
    {
        var status = pod.Status ?? new PodStatus();
        foreach (var c in status.Conditions)
        {
            if (c.Type == "PodReadyToStartContainers")
            {
                return c.Status == "True";
            }
        }

        return status.PodIP.Length != 0;
    }
}
