using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf validate</c>: what the API server answers when the Pod is created (defaulting, admission, validation:
/// PodCreate), printed as kubectl prints an Invalid error, each line led by the file, line and column it is about, or
/// a Forbidden refusal as kubectl prints it; or, as kubeconform gives it, JSON, JUnit or TAP, with a summary. A valid
/// answer names what the model could not check. <c>--validate=strict</c> refuses a pod with an unknown field at decode,
/// as the API server does for kubectl's default (SCHEMA-009); without the flag unknown fields are warnings (Warn).
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new InputOptions();
        var verbose = FileOption.Verbose();
        var output = new OutputFlags("text", "text (kubectl's Invalid message, located), json, yaml, junit or tap (as kubeconform)", "text", "json", "yaml", "junit", "tap");
        var summary = FileOption.Summary();
        var common = new CommonOptions();
        var admission = new AdmissionOptions();
        var validation = new FieldValidationOption();
        var command = new Command("validate", "Validate Pods as the API server does at create; print every field error in Kubernetes' words.");
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
            var input = files.Load(result, console, "validate", profile.Version, result.GetValue(verbose), validation.Read(result));
            var objects = admission.Read(result, console, profile.Version);
            if (objects.HasErrors)
            {
                return ExitCodes.UsageOrInput;
            }

            var results = new List<ResourceResult>();
            foreach (var loaded in input.Pods)
            {
                if (StrictRefusal(input, loaded) is { } refused)
                {
                    results.Add(refused);
                    continue;
                }

                var created = PodCreate.Run(loaded.Pod, profile, objects.Admission);
                console.Error.Write(CreateReport.Warnings(created));
                results.Add(Result(input, loaded, created));
            }

            Print(console, format, results, input, result.GetValue(summary), "podconf validate", (r, w) =>
            {
                if (r.Passed)
                {
                    w.Write(r.Where + ": " + r.Kind.ToLowerInvariant() + " " + r.Namespace + "/" + (r.Name.Length == 0 ? "<none>" : r.Name) + (r.Message.Length == 0 ? " is valid\n" : ": " + r.Message + "\n"));
                    return;
                }

                if (IsServerError(r))
                {
                    w.Write(r.Message);
                    return;
                }

                // kubectl's message, each line led by the place it is about.
                string head = $"The {r.Kind} {GoQuote.Quote(r.Name)} is invalid: ";
                if (r.Findings.Count == 1)
                {
                    w.Write(r.Findings[0].Where + ": " + head + r.Findings[0].Message + "\n");
                    return;
                }

                w.Write(r.Where + ": " + head + "\n");
                foreach (var f in r.Findings)
                {
                    w.Write("* " + f.Where + ": " + f.Message + "\n");
                }
            });
            return input.Combine(results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }

    /// <summary>
    /// The shared printing of validate, explain and audit: the verb's text (with kubeconform's summary line when asked),
    /// or JSON/YAML, JUnit, TAP.
    /// </summary>
    internal static void Print(CliConsole console, OutputFormat format, IReadOnlyList<ResourceResult> results, PodInput input, bool summary, string suite, Action<ResourceResult, TextWriter> text, int moreSkipped = 0)
    {
        var counts = ResourceResultsOutput.Count(results, input.Files, input.ErrorCount, input.Skipped + moreSkipped);
        switch (format.Name)
        {
            case "json" or "yaml":
                console.Out.Write(ObjectOutput.PrintDocument(format, ResourceResultsOutput.Json(results, input.Errors, input.Files, summary ? counts : null)));
                break;
            case "junit":
                console.Out.Write(ResourceResultsOutput.Junit(results, input.Errors, input.Files, suite));
                break;
            case "tap":
                console.Out.Write(ResourceResultsOutput.Tap(results, input.Errors, input.Files, summary ? counts : null, input.StdinOnly));
                break;
            default:
                foreach (var r in results)
                {
                    text(r, console.Out);
                }

                if (summary)
                {
                    console.Out.Write(ResourceResultsOutput.SummaryLine(counts, input.StdinOnly));
                }

                break;
        }
    }

    /// <summary>
    /// One create's answer as a resource result: an admission plugin's refusal (403) carries kubectl's own message,
    /// which names the file; validation's errors are located and written as the manifest has them (a workload's
    /// template prefix); a valid answer carries what was not checked.
    /// </summary>
    internal static ResourceResult Result(PodInput input, LoadedPod loaded, PodCreateResult created)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(created);
        if (created.Rejection is { IsInvalid: false } refusal)
        {
            return new ResourceResult(loaded.File, loaded.Position, PodInput.Kind(loaded), PodInput.Namespace(loaded), PodInput.ObjectName(loaded), false,
                CreateReport.Forbidden(loaded.File, refusal.Message),
                [new LocatedFinding("", refusal.Message, refusal.Rule, loaded.File, loaded.Position)]);
        }

        bool valid = created.Accepted;
        var findings = new List<LocatedFinding>();
        var written = new List<FieldError>();
        foreach (var raw in Distinct(created.Validation))
        {
            var e = PodInput.AsWritten(loaded, raw);
            written.Add(e);
            findings.Add(new LocatedFinding(e.Field, e.ToString(), e.Rule, loaded.File, input.Locate(loaded, e.Field)));
        }

        return new ResourceResult(loaded.File, loaded.Position, PodInput.Kind(loaded), PodInput.Namespace(loaded), PodInput.ObjectName(loaded), valid,
            valid ? NotChecked(loaded, created) : KubectlInvalidMessage(PodInput.Kind(loaded), PodInput.ObjectName(loaded), written), findings);
    }

    /// <summary>
    /// A refusal whose text is kubectl's whole message: an admission plugin's (<see cref="CreateReport.Forbidden"/>) or the
    /// strict decoder's (<see cref="CreateReport.BadRequest"/>).
    /// </summary>
    internal static bool IsServerError(ResourceResult r) =>
        !r.Passed && r.Message.StartsWith("Error from server (", StringComparison.Ordinal);

    /// <summary>
    /// SCHEMA-009: under <c>--validate=strict</c>, a pod with unknown fields is refused at decode, before defaulting,
    /// admission and validation, so no create runs for it: kubectl's BadRequest line (the fields in the strict decoder's
    /// order), and one finding per field, located where it is written. Null when the pod is not refused at decode.
    /// </summary>
    internal static ResourceResult? StrictRefusal(PodInput input, LoadedPod loaded)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(loaded);
        var fields = input.StrictRefusal(loaded);
        if (fields.Count == 0)
        {
            return null;
        }

        string kind = PodInput.Kind(loaded);
        string message = CreateReport.BadRequest(loaded.File, StrictDecoding.BadRequestMessage(kind, loaded.Template?.ApiVersion ?? "v1", fields));
        var findings = new List<LocatedFinding>(fields.Count);
        foreach (var d in fields)
        {
            findings.Add(new LocatedFinding(d.UnknownField!.Path, d.Message, "SCHEMA-009", d.File, d.Position));
        }

        return new ResourceResult(loaded.File, loaded.Position, kind, PodInput.Namespace(loaded), PodInput.ObjectName(loaded), false, message, findings);
    }

    /// <summary>
    /// A valid answer's note: everything the create did not check (what admission assumed, what validation skipped, the
    /// manifest's fields no rule covers: CreateReport.NotChecked; never called valid, issue 9, ADM-098, ADM-099) and,
    /// for a workload, that its own fields are not checked.
    /// </summary>
    internal static string NotChecked(LoadedPod loaded, PodCreateResult created)
    {
        string fields = CreateReport.NotCheckedLine(CreateReport.NotChecked(created, loaded.Pod));
        string workload = PodInput.NotChecked(loaded);
        return fields.Length == 0 ? workload : workload.Length == 0 ? fields : fields + "; " + workload;
    }

    private static List<FieldError> Distinct(ValidationResult validation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var e in validation.Errors)
        {
            if (seen.Add(e.ToString()))
            {
                errors.Add(e);
            }
        }

        return errors;
    }

    /// <summary>
    /// kubectl's rendering of an Invalid StatusError (cmdutil.StandardErrorMessage + MultilineError):
    /// one cause on the same line, several as a bulleted list after "is invalid: ".
    /// </summary>
    public static string KubectlInvalidMessage(string name, ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return KubectlInvalidMessage("Pod", name, Distinct(validation));
    }

    /// <summary>The same for any kind (a Deployment whose pod template is invalid), with the errors as written.</summary>
    public static string KubectlInvalidMessage(string kind, string name, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        string head = $"The {kind} {GoQuote.Quote(name)} is invalid: ";
        if (messages.Count == 1)
        {
            return head + messages[0] + "\n";
        }

        var sb = new System.Text.StringBuilder(head).Append('\n');
        foreach (string m in messages)
        {
            sb.Append("* ").Append(m).Append('\n');
        }

        return sb.ToString();
    }
}
