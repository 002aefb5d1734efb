using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf validate</c>: what the API server answers when the Pod is created (defaulting, admission, validation:
/// PodCreate), printed as kubectl prints the answer, with what the model could not check.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var common = new CommonOptions();
        var admission = new AdmissionOptions();
        var command = new Command("validate", "Validate Pods as the API server does at create; print every field error in Kubernetes' words.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        admission.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "validate", profile.Version, result.GetValue(verbose));
            var objects = admission.Read(result, console);
            if (objects.HasErrors)
            {
                return ExitCodes.UsageOrInput;
            }

            bool anyInvalid = false;
            foreach (var loaded in input.Pods)
            {
                var created = PodCreate.Run(loaded.Pod, profile, objects.Admission);
                string who = $"{PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)}";
                console.Error.Write(CreateReport.Warnings(created));
                console.Out.Write(CreateReport.Verdict(who, loaded.File, created, CreateReport.NotChecked(created, loaded.Pod)));
                anyInvalid |= !created.Accepted;
            }

            return input.Combine(anyInvalid ? ExitCodes.CheckFailed : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>
    /// kubectl's rendering of an Invalid StatusError (cmdutil.StandardErrorMessage + MultilineError):
    /// one cause on the same line, several as a bulleted list after "is invalid: ".
    /// </summary>
    public static string KubectlInvalidMessage(string name, ValidationResult validation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var messages = new List<string>();
        foreach (var e in validation.Errors)
        {
            string m = e.ToString();
            if (seen.Add(m))
            {
                messages.Add(m);
            }
        }

        string head = $"The Pod {GoQuote.Quote(name)} is invalid: ";
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
