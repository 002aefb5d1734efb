using System.CommandLine;
using System.Globalization;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Writing;
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
        var files = new InputOptions();
        var verbose = FileOption.Verbose();
        var now = new Option<string?>("--now") { Description = "The clock for AGE and \"ago\" (RFC 3339, e.g. 2025-01-31T10:10:00Z); default: now", HelpName = "RFC3339" };
        var output = new OutputFlags("table", "table or wide (the kubectl get row, and the derived phase and conditions), or the objects as given: yaml, json, name, jsonpath=TEMPLATE",
            "table", "wide", "yaml", "json", "name", "jsonpath");
        var common = new CommonOptions();
        var command = new Command("status", "Print the kubectl get row of Pod objects with status, and the phase and conditions the kubelet would derive.");
        files.AddTo(command);
        command.Options.Add(verbose);
        command.Options.Add(now);
        output.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            var clock = ParseNow(result.GetValue(now));
            var input = files.Load(result, console, "status", profile.Version, result.GetValue(verbose));
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

            if (format.IsData)
            {
                // kubectl get -o yaml|json|jsonpath|name: the objects as given.
                console.Out.Write(ObjectOutput.Print(format, [.. rows.Select(r => PodManifestWriter.ToTree(r.Pod))]));
                return input.Combine(ExitCodes.Ok);
            }

            bool wide = format.Name == "wide";
            var podRows = new List<PodRow>(rows.Count);
            foreach (var r in rows)
            {
                podRows.Add(r.Row);
            }

            console.Out.Write(PodTable.Format(podRows, wide, format.NoHeaders));
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
            derived.WriteTo(console.Out, format.NoHeaders);

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
