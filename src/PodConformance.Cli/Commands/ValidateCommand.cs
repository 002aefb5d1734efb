using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf validate</c>: what the API server answers when the Pod is created — defaulting, then
/// validation — printed as kubectl prints an Invalid error.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var common = new CommonOptions();
        var command = new Command("validate", "Validate Pods as the API server does at create; print every field error in Kubernetes' words.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "validate", profile.Version, result.GetValue(verbose));
            bool anyInvalid = false;
            foreach (var loaded in input.Pods)
            {
                var pod = PodDefaulter.Apply(loaded.Pod, profile);
                var validation = PodValidator.Validate(pod, profile);
                string who = $"{PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)}";
                if (validation.IsValid)
                {
                    // A field the model has no rule for is never called valid (issue 9): name what was not checked.
                    console.Out.Write(validation.NotChecked.IsEmpty
                        ? $"pod {who} is valid\n"
                        : $"pod {who}: no errors found; not checked: {string.Join(", ", validation.NotChecked.Select(n => n.Field))}\n");
                    continue;
                }

                anyInvalid = true;
                console.Out.Write(KubectlInvalidMessage(loaded.Pod.Metadata.Name, validation));
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
