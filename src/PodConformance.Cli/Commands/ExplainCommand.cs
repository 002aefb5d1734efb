using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Qos;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf explain</c>: a Pod walked through what the API server does to it at create, step by step (PodCreate's
/// steps, ADM-001), each line citing the spec rule that decided it. Written for a learner. Other formats give the same
/// create as data (JSON, YAML) or a pass/fail per pod (JUnit, TAP). Under <c>--validate=strict</c> a pod with an unknown
/// field stops at decode (SCHEMA-009), as validate's does.
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
        var admission = new AdmissionOptions();
        var validation = new FieldValidationOption();
        var command = new Command("explain", "Explain step by step what Kubernetes does with a Pod at create: defaulting, admission, validation, QoS, citing spec rules.");
        files.AddTo(command);
        command.Options.Add(verbose);
        output.AddTo(command);
        command.Options.Add(summary);
        validation.AddTo(command);
        admission.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            var input = files.Load(result, console, "explain", profile.Version, result.GetValue(verbose), validation.Read(result));
            var objects = admission.Read(result, console, profile.Version);
            if (objects.HasErrors)
            {
                return ExitCodes.UsageOrInput;
            }

            // A pod refused at decode (--validate=strict, SCHEMA-009) is not created: no create runs for it.
            var creates = input.Pods.Select(p => input.StrictRefusal(p).Count > 0 ? null : PodCreate.Run(p.Pod, profile, objects.Admission)).ToList();
            if (format.Name != "text")
            {
                return Structured(console, format, input, creates, profile, result.GetValue(summary));
            }

            int refused = 0;
            var sb = new StringBuilder();
            for (int i = 0; i < input.Pods.Count; i++)
            {
                var loaded = input.Pods[i];
                if (i > 0)
                {
                    sb.Append('\n');
                }

                string what = loaded.Template is { } t ? $"{t.Kind} {PodInput.Namespace(loaded)}/{t.Name}, its pod template ({t.Path})" : $"Pod {PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)}";
                sb.Append(CultureInfo.InvariantCulture, $"{what} ({PodInput.Where(loaded)}), Kubernetes {profile}\n");
                if (creates[i] is not { } created)
                {
                    refused++;
                    Refused(sb, input, loaded);
                    continue;
                }

                refused += created.Accepted ? 0 : 1;
                Explain(sb, created, profile, input, loaded);
                var notChecked = CreateReport.NotChecked(created, loaded.Pod);
                if (!notChecked.IsEmpty)
                {
                    sb.Append("\nNot checked (no verdict on these):\n");
                    foreach (var n in notChecked)
                    {
                        sb.Append("   ").Append(n.ToString()).Append('\n');
                    }
                }

                if (PodInput.NotChecked(loaded) is { Length: > 0 } workload)
                {
                    sb.Append("\nNote: ").Append(workload).Append('\n');
                }
            }

            if (result.GetValue(summary))
            {
                sb.Append('\n').Append(ResourceResultsOutput.SummaryLine(
                    new ResourceResultsOutput.Counts(input.Pods.Count + input.ErrorCount + input.Skipped, input.Files.Count, input.Pods.Count - refused, refused, input.ErrorCount, input.Skipped), input.StdinOnly));
            }

            console.Out.Write(sb.ToString());
            return input.Combine(refused != 0 ? ExitCodes.CheckFailed : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>The same steps as data (JSON, YAML), or a pass/fail per pod (JUnit, TAP, the summary line).</summary>
    private static int Structured(CliConsole console, OutputFormat format, PodInput input, List<PodCreateResult?> creates, Model.Profiles.Profile profile, bool summary)
    {
        var results = new List<ResourceResult>();
        for (int i = 0; i < input.Pods.Count; i++)
        {
            var loaded = input.Pods[i];
            if (creates[i] is not { } created)
            {
                results.Add(ValidateCommand.StrictRefusal(input, loaded)! with { Extra = w => w.WriteString("kubernetes", profile.ToString()) });
                continue;
            }

            var qos = QosCalculator.Explain(created.Stored with { Status = null }, profile);
            results.Add(ValidateCommand.Result(input, loaded, created) with
            {
                Extra = w =>
                {
                    w.WriteString("kubernetes", profile.ToString());
                    w.WriteStartArray("defaulting");
                    foreach (var s in created.Steps.Where(s => s.Stage == AdmissionStage.Defaulting))
                    {
                        WriteChanges(w, s, loaded);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("admission");
                    foreach (var s in created.Steps.Where(s => s.Stage != AdmissionStage.Defaulting))
                    {
                        w.WriteStartObject();
                        w.WriteString("stage", s.Stage.ToString());
                        w.WriteString("name", s.Name);
                        w.WriteStartArray("changes");
                        WriteChanges(w, s, loaded);
                        w.WriteEndArray();
                        if (s.Rejection is { } r)
                        {
                            w.WriteString("refused", r.Message);
                            w.WriteString("rule", r.Rule);
                        }
                        else if (s.Note.Length != 0)
                        {
                            w.WriteString("note", s.Note);
                        }

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

    private static void Explain(StringBuilder sb, PodCreateResult created, Model.Profiles.Profile profile, PodInput input, LoadedPod loaded)
    {
        Func<string, string> field = f => loaded.Template is { } t ? t.Prefix(f) : f;
        var steps = created.Steps;
        int n = 0;
        Section(sb, ++n, "Defaulting: the API server fills in what the manifest left out.");
        Changes(sb, steps.Where(s => s.Stage == AdmissionStage.Defaulting), "nothing to fill in", "   ", field);

        Section(sb, ++n, "Admission: the request, then the mutating admission plugins in kube-apiserver's order (ADM-001, ADM-010).");
        foreach (var s in steps.Where(s => s.Stage is AdmissionStage.Request or AdmissionStage.MutatingAdmission))
        {
            Step(sb, s, field);
        }

        if (!Reached(sb, created, AdmissionStage.PrepareForCreate))
        {
            return;
        }

        Section(sb, ++n, "PrepareForCreate: what the pod strategy sets, drops and merges before validation.");
        Changes(sb, steps.Where(s => s.Stage == AdmissionStage.PrepareForCreate), "nothing", "   ", field);

        Section(sb, ++n, "Validation: would the API server accept it?");
        if (created.Validated && !created.Validation.IsValid)
        {
            sb.Append("   no: the create is rejected with these field errors\n");
            foreach (var raw in created.Validation.Errors)
            {
                var error = PodInput.AsWritten(loaded, raw);
                sb.Append(CultureInfo.InvariantCulture, $"   {error.Rule}  {error}  ({Location.Of(loaded.File, input.Locate(loaded, error.Field))})\n");
            }

            return;
        }

        sb.Append("   yes: no field errors\n");
        if (!created.Warnings.IsEmpty)
        {
            sb.Append("   with warnings:\n");
            foreach (var w in created.Warnings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"   {w.Rule}  Warning: {w.Text}\n");
            }
        }

        Section(sb, ++n, "Validating admission: the plugins' checks of the prepared pod.");
        foreach (var s in steps.Where(s => s.Stage == AdmissionStage.ValidatingAdmission))
        {
            Step(sb, s, field);
        }

        if (!created.Accepted)
        {
            return;
        }

        var qos = QosCalculator.Explain(created.Stored with { Status = null }, profile);
        Section(sb, ++n, "QoS class: " + qos.Class.ToApiString());
        sb.Append(CultureInfo.InvariantCulture, $"   {string.Join(" ", qos.Rules)}  {qos.Reason}\n");
    }

    /// <summary>A pod refused at decode (SCHEMA-009): its unknown fields in the strict decoder's order, and the BadRequest.</summary>
    private static void Refused(StringBuilder sb, PodInput input, LoadedPod loaded)
    {
        var fields = input.StrictRefusal(loaded);
        Section(sb, 1, "Decoding (--validate=strict): the API server refuses a field its struct does not have.");
        foreach (var d in fields)
        {
            sb.Append(CultureInfo.InvariantCulture, $"   SCHEMA-009  {d.Message}  ({Location.Of(d.File, d.Position)})\n");
        }

        string kind = PodInput.Kind(loaded);
        sb.Append("\nThe create stops here: ").Append(StrictDecoding.BadRequestMessage(kind, loaded.Template?.ApiVersion ?? "v1", fields)).Append('\n');
    }

    private static void Section(StringBuilder sb, int n, string title) =>
        sb.Append(CultureInfo.InvariantCulture, $"\n{n}. {title}\n");

    private static void Changes(StringBuilder sb, IEnumerable<AdmissionStep> steps, string none, string indent, Func<string, string> field)
    {
        bool any = false;
        foreach (var s in steps)
        {
            foreach (var c in s.Changes)
            {
                any = true;
                sb.Append(CultureInfo.InvariantCulture, $"{indent}{c.Rule}  {field(c.Field)} = {c.Value}\n");
            }
        }

        if (!any)
        {
            sb.Append(indent).Append(none).Append('\n');
        }
    }

    private static void Step(StringBuilder sb, AdmissionStep s, Func<string, string> field)
    {
        sb.Append("   ").Append(s.Name).Append(':');
        if (s.Changes.IsEmpty && s.Rejection is null)
        {
            string none = s.Stage == AdmissionStage.ValidatingAdmission ? "allowed" : "no change";
            sb.Append(' ').Append(s.Note.Length == 0 ? none : s.Note).Append('\n');
            return;
        }

        sb.Append('\n');
        foreach (var c in s.Changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"     {c.Rule}  {field(c.Field)} = {c.Value}\n");
        }

        if (s.Rejection is { } r)
        {
            sb.Append(CultureInfo.InvariantCulture, $"     {r.Rule}  refused: {r.Message}\n");
        }
    }

    /// <summary>True when the create got as far as <paramref name="stage"/>; otherwise says where it stopped.</summary>
    private static bool Reached(StringBuilder sb, PodCreateResult created, AdmissionStage stage)
    {
        if (created.Accepted || created.Steps.Any(s => s.Stage >= stage))
        {
            return true;
        }

        sb.Append("\nThe create stops here: ").Append(created.Rejection!.Message).Append('\n');
        return false;
    }

    private static void WriteChanges(System.Text.Json.Utf8JsonWriter w, AdmissionStep s, LoadedPod loaded)
    {
        foreach (var c in s.Changes)
        {
            w.WriteStartObject();
            w.WriteString("rule", c.Rule);
            w.WriteString("field", loaded.Template is { } t ? t.Prefix(c.Field) : c.Field);
            w.WriteString("value", c.Value);
            w.WriteEndObject();
        }
    }
}
