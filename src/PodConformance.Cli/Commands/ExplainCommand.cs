using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
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
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var common = new CommonOptions();
        var command = new Command("explain", "Explain step by step what Kubernetes does with a Pod: defaulting, validation, QoS, citing spec rules.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "explain", profile.Version, result.GetValue(verbose));
            bool anyInvalid = false;
            var sb = new StringBuilder();
            for (int i = 0; i < input.Pods.Count; i++)
            {
                var loaded = input.Pods[i];
                if (i > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(CultureInfo.InvariantCulture, $"Pod {PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)} ({loaded.File}:{loaded.Position.Line}), Kubernetes {profile}\n\n");

                var changes = new List<DefaultingChange>();
                var pod = PodDefaulter.Apply(loaded.Pod, profile, changes);
                sb.Append("1. Defaulting: the API server fills in what the manifest left out.\n");
                if (changes.Count == 0)
                {
                    sb.Append("   nothing to fill in\n");
                }

                foreach (var change in changes)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"   {change.Rule}  {change.Field} = {change.Value}\n");
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
                    foreach (var error in validation.Errors)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"   {ValidationRuleOf(error)}  {error}\n");
                    }
                }

                var qos = QosCalculator.Explain(pod, profile);
                sb.Append(CultureInfo.InvariantCulture, $"\n3. QoS class: {qos.Class.ToApiString()}\n");
                sb.Append(CultureInfo.InvariantCulture, $"   {string.Join(" ", qos.Rules)}  {qos.Reason}\n");
            }

            console.Out.Write(sb.ToString());
            return input.Combine(anyInvalid ? ExitCodes.CheckFailed : ExitCodes.Ok);
        });
        return command;
    }

    private static string ValidationRuleOf(FieldError error) => error.Rule;
}
