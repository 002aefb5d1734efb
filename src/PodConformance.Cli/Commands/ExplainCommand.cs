using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf explain</c>: a Pod walked through what the API server does to it, step by step, each line
/// citing the spec rule that decided it. Written for a learner.
/// </summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new InputOptions();
        var verbose = FileOption.Verbose();
        var output = new OutputFlags("text", "text (step by step), json, yaml, junit or tap (as kubeconform)", "text", "json", "yaml", "junit", "tap");
        var summary = FileOption.Summary();
        var common = new CommonOptions();
        var command = new Command("explain", "Explain step by step what Kubernetes does with a Pod: defaulting, validation, QoS, citing spec rules.");
        files.AddTo(command);
        command.Options.Add(verbose);
        output.AddTo(command);
        command.Options.Add(summary);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            var input = files.Load(result, console, "explain", profile.Version, result.GetValue(verbose));
            if (format.Name != "text")
            {
                return Structured(console, format, input, profile, result.GetValue(summary));
            }

            bool anyInvalid = false;
            var sb = new StringBuilder();
            for (int i = 0; i < input.Pods.Count; i++)
            {
                var loaded = input.Pods[i];
                if (i > 0)
                {
                    sb.Append('\n');
                }

                string what = loaded.Template is { } t ? $"{t.Kind} {PodInput.Namespace(loaded)}/{t.Name}, its pod template ({t.Path})" : $"Pod {PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)}";
                sb.Append(CultureInfo.InvariantCulture, $"{what} ({PodInput.Where(loaded)}), Kubernetes {profile}\n\n");

                var changes = new List<DefaultingChange>();
                var pod = PodDefaulter.Apply(loaded.Pod, profile, changes);
                sb.Append("1. Defaulting: the API server fills in what the manifest left out.\n");
                if (changes.Count == 0)
                {
                    sb.Append("   nothing to fill in\n");
                }

                foreach (var change in changes)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"   {change.Rule}  {(loaded.Template is { } tt ? tt.Prefix(change.Field) : change.Field)} = {change.Value}\n");
                }

                var validation = PodValidator.Validate(pod, profile);
                sb.Append("\n2. Validation: would the API server accept it?\n");
                if (validation.IsValid)
                {
                    sb.Append("   yes: no field errors\n");
                }
                else
                {
                    anyInvalid = true;
                    sb.Append("   no: the create is rejected with these field errors\n");
                    foreach (var raw in validation.Errors)
                    {
                        var error = PodInput.AsWritten(loaded, raw);
                        sb.Append(CultureInfo.InvariantCulture, $"   {ValidationRuleOf(error)}  {error}  ({Location.Of(loaded.File, input.Locate(loaded, error.Field))})\n");
                    }
                }

                var qos = QosCalculator.Explain(pod, profile);
                sb.Append(CultureInfo.InvariantCulture, $"\n3. QoS class: {qos.Class.ToApiString()}\n");
                sb.Append(CultureInfo.InvariantCulture, $"   {string.Join(" ", qos.Rules)}  {qos.Reason}\n");
            }

            if (result.GetValue(summary))
            {
                int invalid = input.Pods.Count(p => !PodValidator.Validate(PodDefaulter.Apply(p.Pod, profile), profile).IsValid);
                sb.Append('\n').Append(ResourceResultsOutput.SummaryLine(
                    new ResourceResultsOutput.Counts(input.Pods.Count + input.ErrorCount, input.Files.Count, input.Pods.Count - invalid, invalid, input.ErrorCount, 0), input.StdinOnly));
            }

            console.Out.Write(sb.ToString());
            return input.Combine(anyInvalid ? ExitCodes.CheckFailed : ExitCodes.Ok);
        });
        return command;
    }

    private static string ValidationRuleOf(FieldError error) => error.Rule;

    /// <summary>The same steps as data (JSON, YAML), or a pass/fail per pod (JUnit, TAP, the summary line).</summary>
    private static int Structured(CliConsole console, OutputFormat format, PodInput input, Model.Profiles.Profile profile, bool summary)
    {
        var results = new List<ResourceResult>();
        foreach (var loaded in input.Pods)
        {
            var changes = new List<DefaultingChange>();
            var pod = PodDefaulter.Apply(loaded.Pod, profile, changes);
            var validation = PodValidator.Validate(pod, profile);
            var qos = QosCalculator.Explain(pod, profile);
            var written = validation.Errors.Select(e => PodInput.AsWritten(loaded, e)).ToList();
            var findings = written.Select(e => new LocatedFinding(e.Field, e.ToString(), e.Rule, loaded.File, input.Locate(loaded, e.Field))).ToList();
            results.Add(new ResourceResult(loaded.File, loaded.Position, PodInput.Kind(loaded), PodInput.Namespace(loaded), PodInput.ObjectName(loaded), validation.IsValid,
                validation.IsValid ? "" : ValidateCommand.KubectlInvalidMessage(PodInput.Kind(loaded), PodInput.ObjectName(loaded), written), findings)
            {
                Extra = w =>
                {
                    w.WriteString("kubernetes", profile.ToString());
                    w.WriteStartArray("defaulting");
                    foreach (var c in changes)
                    {
                        w.WriteStartObject();
                        w.WriteString("rule", c.Rule);
                        w.WriteString("field", c.Field);
                        w.WriteString("value", c.Value);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartObject("qos");
                    w.WriteString("class", qos.Class.ToApiString());
                    w.WriteStartArray("rules");
                    foreach (string r in qos.Rules)
                    {
                        w.WriteStringValue(r);
                    }

                    w.WriteEndArray();
                    w.WriteString("reason", qos.Reason);
                    w.WriteEndObject();
                },
            });
        }

        ValidateCommand.Print(console, format, results, input, summary, "podconf explain", (_, _) => { });
        return input.Combine(results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.CheckFailed);
    }
}
